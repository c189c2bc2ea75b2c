import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { keepDecoded } from '@/lib/data/inventory-memo';
import type { MatchCandidate } from '@/lib/matching/types';

const PUBLISHED = 'PUBLISHED' as const;

/** Every published solution with what the guided match scores on (and the search filters count). */
export function listMatchCandidates(): Promise<MatchCandidate[]> {
  return keepDecoded('match-candidates', readMatchCandidates);
}

async function readMatchCandidates(): Promise<MatchCandidate[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const rows = await getDb().solution.findMany({
    where: { status: PUBLISHED },
    select: {
      slug: true,
      title: true,
      description: true,
      availability: true,
      kinds: true,
      cost: true,
      inferredFields: true,
      needs: {
        where: { need: { status: PUBLISHED } },
        select: { need: { select: { slug: true, title: true, theme: { select: { slug: true, status: true } } } } },
      },
      providers: {
        where: { provider: { status: PUBLISHED } },
        select: {
          role: true,
          isRoleInferred: true,
          provider: {
            select: { slug: true, name: true, regions: true, formats: true, audiences: true, languages: true, cost: true },
          },
        },
      },
    },
  });
  return rows.map(({ needs, providers, ...solution }) => ({
    ...solution,
    needs: needs.map(({ need }) => ({
      slug: need.slug,
      title: need.title,
      themeSlug: need.theme?.status === PUBLISHED ? need.theme.slug : null,
    })),
    providers: providers.map(({ role, isRoleInferred, provider }) => ({ ...provider, role, isRoleInferred })),
  }));
}
