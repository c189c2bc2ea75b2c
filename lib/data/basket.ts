import 'server-only';
import { getDb } from '@/lib/db';
import { findBasketItems } from '@/lib/basket/query';
import type { BasketRef } from '@/lib/basket/refs';
import type { BasketContents } from '@/lib/basket/types';

/**
 * The items of a basket or of a shared list. Not behind 'use cache' on purpose: every
 * person's list is different, so a cache keyed by list would only grow (and anyone can
 * make up lists in a URL); two indexed queries on at most 50 slugs take milliseconds.
 */
export async function getBasketItems(refs: readonly BasketRef[]): Promise<BasketContents> {
  if (refs.length === 0) return { items: [], missing: [] };
  return findBasketItems(getDb(), refs);
}
