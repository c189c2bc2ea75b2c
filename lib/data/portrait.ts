import 'server-only';
// The funders' portrait: the cached published dataset, with the figures computed at request
// time (the share verified "in the last 12 months" depends on today's date, and cached data
// functions never read the clock).
import { cacheLife, cacheTag } from 'next/cache';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { getPublishedDataset } from '@/lib/data/export';
import { getDb } from '@/lib/db';
import { computePortrait } from '@/lib/portrait/compute';
import type { Portrait } from '@/lib/portrait/types';
import { providerVerificationShares, type ProviderVerificationRow, type ProviderVerificationShares } from '@/lib/verification/shares';

export async function getPortrait(now: Date): Promise<Portrait> {
  return computePortrait(await getPublishedDataset(), now);
}

/**
 * Whether each published provider has a private contact, and its verification date. Only the
 * yes/no leaves the database: the address itself never reaches a public page or its cache.
 */
async function readProviderVerificationRows(): Promise<ProviderVerificationRow[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const rows = await getDb().$queryRaw<{ verifiedAt: Date | null; hasContact: boolean }[]>`
    SELECT "verifiedAt", btrim("contactEmail") <> '' AS "hasContact" FROM "Provider" WHERE status = 'PUBLISHED'`;
  return rows.map((row) => ({ verifiedAt: row.verifiedAt?.toISOString() ?? null, hasContact: row.hasContact }));
}

/** The portrait's « Vérification des fournisseurs »: shares of the published providers, at `now`. */
export async function getProviderVerificationShares(now: Date): Promise<ProviderVerificationShares> {
  return providerVerificationShares(await readProviderVerificationRows(), now);
}
