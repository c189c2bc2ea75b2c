import 'server-only';
import { getDb } from '@/lib/db';
import { listMatchingSlugs, searchDirectory } from '@/lib/search/search';
import type { SearchOptions, SearchResults } from '@/lib/search/types';

/**
 * Search of the published directory for /recherche. Not cached (GUIDE.md §4): every query
 * string would be its own cache entry, and PostgreSQL answers in milliseconds.
 */
export async function searchPublishedDirectory(rawQuery: unknown, options: SearchOptions = {}): Promise<SearchResults> {
  return searchDirectory(getDb(), rawQuery, options);
}

/** Every solution and provider slug the query finds, before filters (for the filters' counts). */
export async function listPublishedMatches(rawQuery: unknown): Promise<{ solutions: string[]; providers: string[] }> {
  return listMatchingSlugs(getDb(), rawQuery);
}
