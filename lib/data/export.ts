import 'server-only';
// The published dataset for the downloads (/donnees), the API (/api/v1) and the portrait:
// loaded in one go and cached like every public read (INVENTORY_TAG: an edit refreshes it).
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { getSiteUrl } from '@/lib/env';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { keepDecoded } from '@/lib/data/inventory-memo';
import { loadPublishedDataset } from '@/lib/export/load-dataset';
import type { Dataset } from '@/lib/export/types';
import { toRecords, type Records } from '@/lib/api/records';
import { indexRecords } from '@/lib/api/list';
import { searchDirectory, MAX_PAGE } from '@/lib/search/search';
import type { SearchType } from '@/lib/search/types';

async function readPublishedDataset(): Promise<Dataset> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  return loadPublishedDataset(getDb());
}

// The whole directory: decoding it from the cache on every API call cost seconds at 10,000
// providers (docs/benchmark.md), so it is kept decoded until the next edit.
export function getPublishedDataset(): Promise<Dataset> {
  return keepDecoded('published-dataset', readPublishedDataset);
}

/**
 * The dataset as API records (snake_case, absolute page URLs), with the lookups the lists use
 * (lib/api/list.ts), derived from the kept dataset once per generation of the data. Not a
 * cache entry of its own: it held the whole directory a second time (20 MB) in the cache's
 * memory, and deriving it (a few hundred milliseconds of CPU at 10,000 providers, once per
 * edit) costs no more than decoding such an entry.
 */
export function getOpenDataRecords(): Promise<Records> {
  return keepDecoded('open-data-records', async () => {
    const records = toRecords(await getPublishedDataset(), getSiteUrl());
    indexRecords(records);
    return records;
  });
}

/**
 * Slugs of the entries of one type that the site's search finds for `query`, best first.
 * Not cached (GUIDE.md §4). The search pages its results: the pages are read until all are
 * in hand (a few at most: the inventory holds tens of entries).
 */
export async function searchSlugs(type: SearchType, query: string): Promise<string[]> {
  const db = getDb();
  const slugs: string[] = [];
  for (let page = 1; page <= MAX_PAGE; page += 1) {
    const results = await searchDirectory(db, query, { type, page });
    const hits = type === 'needs' ? results.needs : type === 'solutions' ? results.solutions : results.providers;
    slugs.push(...hits.map((hit) => hit.slug));
    if (hits.length === 0 || slugs.length >= results.counts[type]) break;
  }
  return [...new Set(slugs)];
}
