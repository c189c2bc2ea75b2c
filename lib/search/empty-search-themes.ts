// The funders' view of the searches that found nothing (/portrait): counts per theme, never the
// words. An empty search has, by definition, no entry to take a theme from; so each one is
// searched again today, and counted under the theme of the first need it now finds (found since,
// most often, through a synonym members added). One that still finds nothing is counted as
// « sans réponse encore »: what the directory lacks most. Only queries searched on at least
// SHOWN_AFTER_DAYS different days count, as on /admin/recherche.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { listTopEmptySearches } from '@/lib/search/empty-searches';
import { searchDirectory } from '@/lib/search/search';
import type { SynonymIndex } from '@/lib/synonyms/expand';

/** Queries searched again, most searched first: the portrait's figures cover these. */
export const THEMED_QUERIES_LIMIT = 50;
export const THEMES_PERIOD_DAYS = 90;

export type ThemeCount = { theme: string; searches: number; queries: number };

export type EmptySearchThemes = {
  periodDays: number;
  /** Themes of the needs these searches find today, most searched first. */
  themes: ThemeCount[];
  /** Still nothing found today. */
  unanswered: { searches: number; queries: number };
  /** Something found today, but no need with a theme. */
  unthemed: { searches: number; queries: number };
};

export async function countEmptySearchThemes(
  db: PrismaClient,
  { synonyms, now = new Date() }: { synonyms: SynonymIndex | null; now?: Date },
): Promise<EmptySearchThemes> {
  const rows = await listTopEmptySearches(db, { periodDays: THEMES_PERIOD_DAYS, limit: THEMED_QUERIES_LIMIT, now });
  const themes = new Map<string, ThemeCount>();
  const unanswered = { searches: 0, queries: 0 };
  const unthemed = { searches: 0, queries: 0 };
  for (const row of rows) {
    const results = await searchDirectory(db, row.query, { synonyms, type: 'needs' });
    const theme = results.needs[0]?.theme ?? null;
    const target = results.total === 0 ? unanswered : theme ? (themes.get(theme) ?? { theme, searches: 0, queries: 0 }) : unthemed;
    target.searches += row.searches;
    target.queries += 1;
    if (theme && results.total > 0) themes.set(theme, target as ThemeCount);
  }
  return {
    periodDays: THEMES_PERIOD_DAYS,
    themes: [...themes.values()].sort((a, b) => b.searches - a.searches || a.theme.localeCompare(b.theme, 'fr')),
    unanswered,
    unthemed,
  };
}
