import 'server-only';
import { randomUUID } from 'node:crypto';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { SYNONYMS_TAG } from '@/lib/data/cache-tags';
import { buildSynonymIndex, type AnalysedGroup, type SynonymIndex } from '@/lib/synonyms/expand';
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

let kept: { generation: string; index: Promise<SynonymIndex> } | undefined;

/**
 * The index of the synonym groups for the search. Null when they cannot be read: the search
 * then runs without synonyms rather than failing (and says so in the server's log).
 */
export async function getSynonymIndex(): Promise<SynonymIndex | null> {
  try {
    const generation = await getSynonymsGeneration();
    if (kept?.generation !== generation) {
      const index = readSearchSynonyms().then(buildSynonymIndex);
      kept = { generation, index };
      // A failed read is not kept: the next search tries again.
      index.catch(() => {
        if (kept?.index === index) kept = undefined;
      });
    }
    return await kept.index;
  } catch (error) {
    console.error('Synonymes de la recherche illisibles, recherche sans synonymes :', error instanceof Error ? error.message : error);
    return null;
  }
}
