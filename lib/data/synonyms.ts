import 'server-only';
import { randomUUID } from 'node:crypto';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { SYNONYMS_TAG } from '@/lib/data/cache-tags';
import { buildSynonymIndex, type AnalysedGroup, type SynonymIndex } from '@/lib/synonyms/expand';
import { keptSynonymIndex, type SynonymSnapshot } from '@/lib/synonyms/kept-index';
import { readAnalysedGroups } from '@/lib/synonyms/load';

// The synonym groups as the search uses them. Reading them analyses every term in PostgreSQL
// (a statement of a few milliseconds): done once per generation of the groups and shared
// through the data cache, then indexed once per process until the next change. A change calls
// updateTag(SYNONYMS_TAG) (lib/actions/synonyms.ts): with the shared cache handler
// (REDIS_URL), every instance reads the new groups at its next search.

async function readSearchSynonyms(): Promise<AnalysedGroup[]> {
  'use cache';
  cacheTag(SYNONYMS_TAG);
  cacheLife('hours');
  return readAnalysedGroups(getDb());
}

// A tiny token per generation of the groups: decoding the groups from the cache on every
// search would cost more than the search's own expansion.
export async function getSynonymsGeneration(): Promise<string> {
  'use cache';
  cacheTag(SYNONYMS_TAG);
  cacheLife('hours');
  return randomUUID();
}

const keptSnapshot = keptSynonymIndex(getSynonymsGeneration, () => readSearchSynonyms().then(buildSynonymIndex));

/**
 * The index of the synonym groups for the search, with the generation token it was read for.
 * Null when they cannot be read: the search then runs without synonyms rather than failing
 * (and says so in the server's log).
 */
export async function getSynonymSnapshot(): Promise<SynonymSnapshot | null> {
  try {
    return await keptSnapshot();
  } catch (error) {
    console.error('Synonymes de la recherche illisibles, recherche sans synonymes :', error instanceof Error ? error.message : error);
    return null;
  }
}

/** The index of the synonym groups for the search, or null when they cannot be read. */
export async function getSynonymIndex(): Promise<SynonymIndex | null> {
  return (await getSynonymSnapshot())?.index ?? null;
}
