import 'server-only';
import { randomUUID } from 'node:crypto';
import { cacheLife, cacheTag } from 'next/cache';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';

// A 'use cache' entry is stored serialized and decoded again on every hit: for the lists of
// the whole directory (10,000 providers, 5,000 solutions) that decoding alone costs tens of
// milliseconds per request. Those lists are kept decoded in this process instead, as long as
// the inventory has not changed: a tiny cached token, invalidated by the same tag as every
// public read (updateTag(INVENTORY_TAG) after an edit, on every instance sharing the cache
// handler), says which generation of the data the kept copy belongs to.

/** A token that changes with every edit of the published data (on every instance). */
export async function getInventoryGeneration(): Promise<string> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  return randomUUID();
}

const kept = new Map<string, { generation: string; value: Promise<unknown> }>();

/** `load()` (a cached read of the inventory), decoded once per generation of the data. */
export async function keepDecoded<T>(key: string, load: () => Promise<T>): Promise<T> {
  const generation = await getInventoryGeneration();
  const entry = kept.get(key);
  if (entry && entry.generation === generation) return entry.value as Promise<T>;
  const value = load();
  kept.set(key, { generation, value });
  // A failed read (database down) is not kept: the next request tries again.
  value.catch(() => {
    if (kept.get(key)?.value === value) kept.delete(key);
  });
  return value;
}
