import 'server-only';
import { after } from 'next/server';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import { getInventoryGeneration, keepDecoded } from '@/lib/data/inventory-memo';
import { listMatchCandidates } from '@/lib/data/matching';
import { listProviders } from '@/lib/data/providers';
import { getSearchVocabulary } from '@/lib/data/search-vocabulary';
import { getSynonymSnapshot } from '@/lib/data/synonyms';
import type { ProviderSummaryDto } from '@/lib/data/types';
import type { MatchCandidate } from '@/lib/matching/types';
import { recordEmptySearch } from '@/lib/search/empty-searches';
import { hasSearchableText, normalizeQuery } from '@/lib/search/normalize';
import { createKeptSearch, searchSnapshotReader } from '@/lib/search/kept-search';
import { slugsOf } from '@/lib/search/search';
import type { SearchMatches, SearchOptions, SearchResults } from '@/lib/search/types';

// Answers kept in this process (lib/search/kept-search.ts, race-free by design), within
// SEARCH_CACHE_MB (default 16): per normalised query, filters and page, for the generations of
// the data and of the synonym groups a request reads once at its start. An edit changes a
// token on every instance (updateTag, shared through the cache handler and Redis), so the
// next search everywhere makes new keys; the old answers age out of the budget.
const SEARCH_MEMORY_BYTES = (Number(process.env.SEARCH_CACHE_MB) || 16) * 1024 * 1024;
const kept = createKeptSearch({ db: getDb, vocabulary: getSearchVocabulary, maxBytes: SEARCH_MEMORY_BYTES });

// Once per request (React's cache()): the tokens, and the synonym index that goes with them.
const requestSnapshot = cache(searchSnapshotReader(getInventoryGeneration, getSynonymSnapshot));

// /recherche asks for the slugs the query finds (the filters' counts), then for the results:
// within one request both use the same matching step and the same snapshot.
const findPublishedMatches = cache(async (query: string): Promise<SearchMatches> => kept.matches(await requestSnapshot(), query));

/** Search of the published directory for /recherche. */
export async function searchPublishedDirectory(rawQuery: unknown, options: SearchOptions = {}): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery);
  const snapshot = await requestSnapshot();
  const matches = await findPublishedMatches(query);
  // A search that found nothing is counted once the page is sent (lib/search/empty-searches.ts);
  // the first page only, so that a reload of another page of the same search is not counted twice.
  if (matches.mode === 'none' && hasSearchableText(query) && (options.page ?? 1) === 1) {
    after(() =>
      recordEmptySearch(getDb(), query).then(
        () => undefined,
        (error: unknown) => console.error('Recherche sans résultat non comptée :', error instanceof Error ? error.message : error),
      ),
    );
  }
  return kept.results(snapshot, query, { type: options.type, page: options.page, restrict: options.restrict }, matches);
}

function bySlug<T extends { slug: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.slug, item]));
}

/** The directory's solutions and providers by slug, built once per generation of the data. */
const candidatesBySlug = () => keepDecoded('match-candidates-by-slug', async () => bySlug(await listMatchCandidates()));
const providersBySlug = () => keepDecoded('providers-by-slug', async () => bySlug(await listProviders()));

/**
 * Every solution and provider the query finds, before filters (for the filters' counts): looked
 * up by slug, so a request costs the number of matches rather than the size of the directory.
 */
export async function listPublishedMatches(rawQuery: unknown): Promise<{ solutions: MatchCandidate[]; providers: ProviderSummaryDto[] }> {
  const [matches, candidates, providers] = await Promise.all([
    findPublishedMatches(normalizeQuery(rawQuery)).then(slugsOf),
    candidatesBySlug(),
    providersBySlug(),
  ]);
  const pick = <T>(map: Map<string, T>, slugs: string[]): T[] =>
    slugs.flatMap((slug) => {
      const item = map.get(slug);
      return item ? [item] : [];
    });
  return { solutions: pick(candidates, matches.solutions), providers: pick(providers, matches.providers) };
}
