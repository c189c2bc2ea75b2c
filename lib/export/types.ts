// The published dataset as plain data: what the downloads (/donnees), the API (/api/v1) and
// the funders' portrait (/portrait) are all computed from. Loaded in one go (the inventory
// is small: tens of entries, not thousands) by lib/export/load-dataset.ts; dates travel as
// ISO strings because the value crosses the 'use cache' boundary.
import type { needEntry } from '@/lib/entries/need';
import type { providerEntry } from '@/lib/entries/provider';
import type { solutionEntry } from '@/lib/entries/solution';
import type { themeEntry } from '@/lib/entries/theme';
import type { PublicValues } from '@/lib/entries/types';
import type { ProviderRole } from '@/lib/generated/prisma/enums';

// Each entry carries the public values of its definition (lib/entries/open-data.ts), keyed by
// column; written here are only what is not a field: ids, dates, and the links by slug.
type Entry = { id: string; slug: string; createdAt: string; updatedAt: string };

export type DatasetTheme = Entry & PublicValues<typeof themeEntry>;

export type DatasetNeed = Entry &
  PublicValues<typeof needEntry> & {
    /** Null when it has none or when its theme is not published. */
    themeSlug: string | null;
    /** Its published solutions, in the need's own order. */
    solutionSlugs: string[];
  };

/** "Lié à…": `from` says it is linked to `to` (both published). */
export type DatasetNeedLink = { fromSlug: string; toSlug: string; note: string };

/** `isRoleInferred`: the team inferred the role (the source names the provider without saying it). */
export type DatasetSolutionProvider = { providerSlug: string; role: ProviderRole; isRoleInferred: boolean };

export type DatasetSolution = Entry &
  PublicValues<typeof solutionEntry> & {
    /** The solution it details, when that one is published. */
    parentSlug: string | null;
    /** Needs it is linked to itself (not through its parent), in the inventory's order. */
    needSlugs: string[];
    /** Published providers and their role; a provider may appear once per role. */
    providers: DatasetSolutionProvider[];
  };

export type DatasetProvider = Entry & PublicValues<typeof providerEntry>;

export type Dataset = {
  /** Themes and needs in display order; solutions and providers A–Z (accents ignored). */
  themes: DatasetTheme[];
  needs: DatasetNeed[];
  needLinks: DatasetNeedLink[];
  solutions: DatasetSolution[];
  providers: DatasetProvider[];
  /** Latest change to an entry that is or was public (drafts excluded); null when empty. */
  lastModified: string | null;
};
