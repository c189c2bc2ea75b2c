import 'server-only';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import { getSearchVocabulary } from '@/lib/data/search-vocabulary';
import { normalizeQuery } from '@/lib/search/normalize';
import { findMatches, searchDirectory, slugsOf } from '@/lib/search/search';
import type { SearchMatches, SearchOptions, SearchResults } from '@/lib/search/types';

// /recherche asks for the slugs the query finds (the filters' counts), then for the results:
// within one request both use the same matching step (React's cache() is per request).
const findPublishedMatches = cache((query: string): Promise<SearchMatches> => findMatches(getDb(), query));

/**
 * Search of the published directory for /recherche. Not cached across requests (GUIDE.md §4):
 * every query string would be its own cache entry.
 */
export async function searchPublishedDirectory(rawQuery: unknown, options: SearchOptions = {}): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery);
  const matches = await findPublishedMatches(query);
  return searchDirectory(getDb(), query, { ...options, matches, vocabulary: getSearchVocabulary });
}

/** Every solution and provider slug the query finds, before filters (for the filters' counts). */
export async function listPublishedMatches(rawQuery: unknown): Promise<{ solutions: string[]; providers: string[] }> {
  return slugsOf(await findPublishedMatches(normalizeQuery(rawQuery)));
}
