import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { publicValues } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { isValidSlug } from '@/lib/validation/slug';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { keepDecoded } from '@/lib/data/inventory-memo';
import { foldForSorting } from '@/lib/format';
import type { ProviderDto, ProviderSolutionDto, ProviderSummaryDto } from '@/lib/data/types';
import type { ProviderRole } from '@/lib/generated/prisma/enums';

const PUBLISHED = 'PUBLISHED' as const;

const needsOfSolution = {
  where: { need: { status: PUBLISHED } },
  include: { need: { select: { slug: true, title: true, kind: true, position: true } } },
} as const;

/** Published providers A–Z (accents ignored), for /fournisseurs and the search filters. */
export function listProviders(): Promise<ProviderSummaryDto[]> {
  return keepDecoded('providers', readProviders);
}

async function readProviders(): Promise<ProviderSummaryDto[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const rows = await getDb().provider.findMany({
    where: { status: PUBLISHED },
    select: {
      slug: true,
      name: true,
      alternateName: true,
      kind: true,
      description: true,
      toVerify: true,
      regions: true,
      audiences: true,
      cost: true,
      formats: true,
      languages: true,
      solutions: {
        where: { solution: { status: PUBLISHED } },
        select: { solutionId: true, solution: { select: { kinds: true, availability: true } } },
      },
    },
  });
  return rows
    .map(({ solutions, ...provider }) => ({
      ...provider,
      solutionCount: new Set(solutions.map((link) => link.solutionId)).size,
      helpKinds: [...new Set(solutions.flatMap((link) => link.solution.kinds))],
      availabilities: [...new Set(solutions.map((link) => link.solution.availability))],
    }))
    .sort((a, b) => foldForSorting(a.name).localeCompare(foldForSorting(b.name), 'fr-CA'));
}

export async function getProviderBySlug(slug: string): Promise<ProviderDto | null> {
  // Anything that is not a slug is answered before touching the cache or the database.
  if (!isValidSlug(slug)) return null;
  return findPublishedProvider(slug);
}

async function findPublishedProvider(slug: string): Promise<ProviderDto | null> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const row = await getDb().provider.findFirst({
    where: { slug, status: PUBLISHED },
    include: {
      solutions: {
        where: { solution: { status: PUBLISHED } },
        include: {
          solution: {
            include: {
              needs: needsOfSolution,
              // A sub-point inherits the needs of the solution it details.
              parent: { include: { needs: needsOfSolution } },
            },
          },
        },
      },
    },
  });
  if (!row) return null;

  // A provider can hold several roles on one solution (offers and funds): one entry per solution.
  const bySolution = new Map<string, ProviderSolutionDto & { firstNeedPosition: number }>();
  for (const link of row.solutions) {
    const existing = bySolution.get(link.solution.id);
    if (existing) {
      existing.roles.push(link.role);
      if (link.isRoleInferred) existing.inferredRoles.push(link.role);
      continue;
    }
    const ownOrParentNeeds = link.solution.needs.length > 0 ? link.solution.needs : (link.solution.parent?.needs ?? []);
    const needs = [...ownOrParentNeeds].sort((a, b) => a.need.position - b.need.position);
    bySolution.set(link.solution.id, {
      slug: link.solution.slug,
      title: link.solution.title,
      description: link.solution.description,
      availability: link.solution.availability,
      kinds: link.solution.kinds,
      inferredFields: link.solution.inferredFields,
      roles: [link.role as ProviderRole],
      inferredRoles: link.isRoleInferred ? [link.role] : [],
      needs: needs.map(({ need }) => ({ slug: need.slug, title: need.title, kind: need.kind })),
      firstNeedPosition: needs[0]?.need.position ?? Number.MAX_SAFE_INTEGER,
    });
  }
  const solutions: ProviderSolutionDto[] = [...bySolution.values()]
    .sort((a, b) => a.firstNeedPosition - b.firstNeedPosition)
    .map((entry) => ({
      slug: entry.slug,
      title: entry.title,
      description: entry.description,
      availability: entry.availability,
      kinds: entry.kinds,
      inferredFields: entry.inferredFields,
      roles: entry.roles,
      inferredRoles: entry.inferredRoles,
      needs: entry.needs,
    }));

  return {
    slug: row.slug,
    ...publicValues(providerEntry, row),
    updatedAt: row.updatedAt.toISOString(),
    solutions,
  };
}
