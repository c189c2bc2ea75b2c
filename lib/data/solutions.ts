import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { toVerificationDto } from '@/lib/data/verification-dto';
import { publicSelect, publicValues } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { isValidSlug } from '@/lib/validation/slug';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { foldForSorting } from '@/lib/format';
import type {
  NeedRefDto,
  SolutionDetailDto,
  SolutionProviderDto,
  SolutionRefDto,
  SolutionSummaryDto,
} from '@/lib/data/types';
import type { Prisma } from '@/lib/generated/prisma/client';
import { providerRoleOrder } from '@/lib/labels';

const PUBLISHED = 'PUBLISHED' as const;

// Who offers it comes first, then who funds it, then partners, then mere mentions.
const ROLE_ORDER = providerRoleOrder;

const needsOfSolution = {
  where: { need: { status: PUBLISHED } },
  select: { need: { select: { slug: true, title: true, kind: true, position: true } } },
} satisfies Prisma.Solution$needsArgs;

const solutionDetailInclude = {
  providers: {
    where: { provider: { status: PUBLISHED } },
    select: {
      role: true,
      isRoleInferred: true,
      provider: { select: { slug: true, ...publicSelect(providerEntry) } },
    },
  },
  needs: needsOfSolution,
  parent: { select: { slug: true, title: true, availability: true, status: true, needs: needsOfSolution } },
  children: {
    where: { status: PUBLISHED },
    orderBy: { createdAt: 'asc' },
    select: { slug: true, title: true, description: true, availability: true, kinds: true, inferredFields: true },
  },
} satisfies Prisma.SolutionInclude;

type SolutionDetailRow = Prisma.SolutionGetPayload<{ include: typeof solutionDetailInclude }>;
type NeedLinkRow = { need: NeedRefDto & { position: number } };

function toNeedRefs(links: NeedLinkRow[]): NeedRefDto[] {
  return [...links]
    .sort((a, b) => a.need.position - b.need.position)
    .map(({ need }) => ({ slug: need.slug, title: need.title, kind: need.kind }));
}

function toProviders(row: SolutionDetailRow): SolutionProviderDto[] {
  // A provider can hold several roles on one solution: one entry, every role.
  const bySlug = new Map<string, SolutionProviderDto>();
  for (const { role, isRoleInferred, provider } of row.providers) {
    const existing = bySlug.get(provider.slug);
    if (existing) {
      existing.roles.push(role);
      if (isRoleInferred) existing.inferredRoles.push(role);
      continue;
    }
    bySlug.set(provider.slug, {
      slug: provider.slug,
      ...publicValues(providerEntry, provider),
      roles: [role],
      inferredRoles: isRoleInferred ? [role] : [],
    });
  }
  const firstRole = (provider: SolutionProviderDto) => Math.min(...provider.roles.map((role) => ROLE_ORDER[role]));
  return [...bySlug.values()]
    .map((provider) => ({ ...provider, roles: [...provider.roles].sort((a, b) => ROLE_ORDER[a] - ROLE_ORDER[b]) }))
    .sort(
      (a, b) =>
        firstRole(a) - firstRole(b) || foldForSorting(a.name).localeCompare(foldForSorting(b.name), 'fr-CA'),
    );
}

function toSolutionDetailDto(row: SolutionDetailRow): SolutionDetailDto {
  const parent: SolutionRefDto | null =
    row.parent && row.parent.status === PUBLISHED
      ? { slug: row.parent.slug, title: row.parent.title, availability: row.parent.availability }
      : null;
  // A sub-point inherits the needs of the solution it details (as on provider pages).
  const needsFromParent = row.needs.length === 0 && parent !== null && (row.parent?.needs.length ?? 0) > 0;
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    availability: row.availability,
    kinds: row.kinds,
    cost: row.cost,
    inferredFields: row.inferredFields,
    ...toVerificationDto(row),
    updatedAt: row.updatedAt.toISOString(),
    providers: toProviders(row),
    needs: toNeedRefs(needsFromParent ? (row.parent?.needs ?? []) : row.needs),
    needsFromParent,
    parent,
    children: row.children,
  };
}

export async function getSolutionBySlug(slug: string): Promise<SolutionDetailDto | null> {
  // Anything that is not a slug is answered before touching the cache or the database.
  if (!isValidSlug(slug)) return null;
  return findPublishedSolution(slug);
}

async function findPublishedSolution(slug: string): Promise<SolutionDetailDto | null> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const row = await getDb().solution.findFirst({
    where: { slug, status: PUBLISHED },
    include: solutionDetailInclude,
  });
  return row ? toSolutionDetailDto(row) : null;
}

/** Every published solution A–Z (accents ignored), for /solutions. */
export async function listSolutions(): Promise<SolutionSummaryDto[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const rows = await getDb().solution.findMany({
    where: { status: PUBLISHED },
    select: {
      slug: true,
      title: true,
      availability: true,
      kinds: true,
      cost: true,
      inferredFields: true,
      parent: { select: { slug: true, title: true, availability: true, status: true } },
      providers: {
        where: { provider: { status: PUBLISHED } },
        select: { provider: { select: { slug: true, name: true } } },
      },
    },
  });
  return rows
    .map((row) => {
      const providers = new Map(row.providers.map(({ provider }) => [provider.slug, provider]));
      return {
        slug: row.slug,
        title: row.title,
        availability: row.availability,
        kinds: row.kinds,
        cost: row.cost,
        inferredFields: row.inferredFields,
        parent:
          row.parent && row.parent.status === PUBLISHED
            ? { slug: row.parent.slug, title: row.parent.title, availability: row.parent.availability }
            : null,
        providers: [...providers.values()].sort((a, b) =>
          foldForSorting(a.name).localeCompare(foldForSorting(b.name), 'fr-CA'),
        ),
      };
    })
    .sort((a, b) => foldForSorting(a.title).localeCompare(foldForSorting(b.title), 'fr-CA'));
}
