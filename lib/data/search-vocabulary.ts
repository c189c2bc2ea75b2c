import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { keepDecoded } from '@/lib/data/inventory-memo';
import { buildVocabulary, readVocabulary, type Vocabulary, type VocabularyEntry } from '@/lib/search/vocabulary';

// The words of the published entries, for "Vouliez-vous dire… ?". Reading them splits every
// description into words (about a second of PostgreSQL at 10,000 providers): done once per
// generation of the data and shared through the data cache, then indexed by trigram once per
// process (keepDecoded) until the next edit.

async function readPublishedVocabulary(): Promise<VocabularyEntry[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  return readVocabulary(getDb());
}

/** The vocabulary of the published entries, indexed for lookups. */
export function getSearchVocabulary(): Promise<Vocabulary> {
  return keepDecoded('search-vocabulary', async () => buildVocabulary(await readPublishedVocabulary()));
}
