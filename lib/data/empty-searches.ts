import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { INVENTORY_TAG, SYNONYMS_TAG } from '@/lib/data/cache-tags';
import { getDb } from '@/lib/db';
import { getSynonymIndex } from '@/lib/data/synonyms';
import { countEmptySearchThemes, type EmptySearchThemes } from '@/lib/search/empty-search-themes';

/**
 * The portrait's themes of empty searches (lib/search/empty-search-themes.ts), computed once per
 * day and per change of the inventory or the synonyms: each costs up to 50 searches. Cached
 * functions never read the clock: the day comes from the caller.
 */
export async function getEmptySearchThemes(day: string): Promise<EmptySearchThemes> {
  'use cache';
  cacheTag(INVENTORY_TAG, SYNONYMS_TAG);
  cacheLife('hours');
  return countEmptySearchThemes(getDb(), { synonyms: await getSynonymIndex(), now: new Date(`${day}T12:00:00Z`) });
}
