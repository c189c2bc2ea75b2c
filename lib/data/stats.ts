import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import type { InventoryStatsDto } from '@/lib/data/types';

const PUBLISHED = 'PUBLISHED' as const;

/** Key figures of the published inventory, for the home page. */
export async function getInventoryStats(): Promise<InventoryStatsDto> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const db = getDb();
  const [needCount, issueCount, existingSolutionCount, unconfirmedSolutionCount, proposedSolutionCount, providerCount, toVerifyCounts] =
    await Promise.all([
      db.need.count({ where: { status: PUBLISHED, kind: 'NEED' } }),
      db.need.count({ where: { status: PUBLISHED, kind: 'ISSUE' } }),
      db.solution.count({ where: { status: PUBLISHED, availability: 'EXISTING' } }),
      db.solution.count({ where: { status: PUBLISHED, availability: 'UNCONFIRMED' } }),
      db.solution.count({ where: { status: PUBLISHED, availability: 'PROPOSED' } }),
      db.provider.count({ where: { status: PUBLISHED } }),
      Promise.all([
        db.need.count({ where: { status: PUBLISHED, toVerify: true } }),
        db.solution.count({ where: { status: PUBLISHED, toVerify: true } }),
        db.provider.count({ where: { status: PUBLISHED, toVerify: true } }),
      ]),
    ]);
  return {
    needCount,
    issueCount,
    existingSolutionCount,
    unconfirmedSolutionCount,
    proposedSolutionCount,
    providerCount,
    toVerifyCount: toVerifyCounts.reduce((sum, count) => sum + count, 0),
  };
}
