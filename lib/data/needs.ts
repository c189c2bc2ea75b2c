import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/lib/db';
import { toVerificationDto } from '@/lib/data/verification-dto';
import { isValidSlug } from '@/lib/validation/slug';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { keepDecoded } from '@/lib/data/inventory-memo';
import type { NeedDto, NeedSummaryDto, RelatedNeedDto, SolutionDto } from '@/lib/data/types';
import type { Prisma } from '@/lib/generated/prisma/client';

const PUBLISHED = 'PUBLISHED' as const;

const solutionInclude = {
  providers: {
    where: { provider: { status: PUBLISHED } },
    include: {
      provider: {
        select: { slug: true, name: true, regions: true, audiences: true, cost: true, formats: true, languages: true },
      },
    },
  },
} satisfies Prisma.SolutionInclude;

const needInclude = {
  theme: { select: { slug: true, name: true, status: true } },
  solutions: {
    where: { solution: { status: PUBLISHED } },
    orderBy: { position: 'asc' },
    include: {
      solution: {
        include: {
          ...solutionInclude,
          children: {
            where: { status: PUBLISHED },
            orderBy: { createdAt: 'asc' },
            include: solutionInclude,
          },
        },
      },
    },
  },
  linksFrom: {
    where: { to: { status: PUBLISHED } },
    include: { to: { select: { slug: true, title: true, kind: true, position: true } } },
  },
  linksTo: {
    where: { from: { status: PUBLISHED } },
    include: { from: { select: { slug: true, title: true, kind: true, position: true } } },
  },
} satisfies Prisma.NeedInclude;

type NeedRow = Prisma.NeedGetPayload<{ include: typeof needInclude }>;
type SolutionRow = Prisma.SolutionGetPayload<{ include: typeof solutionInclude }>;

function toSolutionDto(row: SolutionRow, children: SolutionDto[] = []): SolutionDto {
  return {
    slug: row.slug,
    title: row.title,
    description: row.description,
    availability: row.availability,
    kinds: row.kinds,
    cost: row.cost,
    inferredFields: row.inferredFields,
    ...toVerificationDto(row),
    providers: row.providers
      .map((link) => ({ ...link.provider, role: link.role, isRoleInferred: link.isRoleInferred }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr-CA')),
    children,
  };
}

// Nested bullets: a solution whose parent is also linked to this need is shown under it,
// not a second time at the top level.
function toSolutionTree(row: NeedRow): SolutionDto[] {
  const linkedIds = new Set(row.solutions.map((link) => link.solution.id));
  return row.solutions
    .filter((link) => !link.solution.parentId || !linkedIds.has(link.solution.parentId))
    .map((link) =>
      toSolutionDto(
        link.solution,
        link.solution.children.map((child) => toSolutionDto(child)),
      ),
    );
}

function toRelated(row: NeedRow): RelatedNeedDto[] {
  const outgoing = row.linksFrom.map((link) => ({ ...link.to, note: link.note, direction: 'to' as const }));
  const incoming = row.linksTo.map((link) => ({ ...link.from, note: link.note, direction: 'from' as const }));
  return [...outgoing, ...incoming]
    .sort((a, b) => a.position - b.position)
    .map(({ slug, title, kind, note, direction }) => ({ slug, title, kind, note, direction }));
}

function toNeedDto(row: NeedRow): NeedDto {
  return {
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    description: row.description,
    note: row.note,
    position: row.position,
    theme: row.theme && row.theme.status === PUBLISHED ? { slug: row.theme.slug, name: row.theme.name } : null,
    ...toVerificationDto(row),
    updatedAt: row.updatedAt.toISOString(),
    solutions: toSolutionTree(row),
    related: toRelated(row),
  };
}

/** The whole published inventory in the source's order, for /besoins. */
export async function listNeedsWithSolutions(): Promise<NeedDto[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const rows = await getDb().need.findMany({
    where: { status: PUBLISHED },
    orderBy: { position: 'asc' },
    include: needInclude,
  });
  return rows.map(toNeedDto);
}

export async function getNeedBySlug(slug: string): Promise<NeedDto | null> {
  // Anything that is not a slug is answered before touching the cache or the database.
  if (!isValidSlug(slug)) return null;
  return findPublishedNeed(slug);
}

async function findPublishedNeed(slug: string): Promise<NeedDto | null> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const row = await getDb().need.findFirst({ where: { slug, status: PUBLISHED }, include: needInclude });
  return row ? toNeedDto(row) : null;
}

/** A need as /besoins lists it: what a reader needs at a glance, details on the need's own page. */
export type NeedOverviewDto = Pick<NeedSummaryDto, 'slug' | 'kind' | 'title' | 'theme' | 'existingCount' | 'unconfirmedCount' | 'proposedCount'> & {
  /** Published providers behind the need's solutions, each counted once. */
  providerCount: number;
};

/**
 * Every published need with the counts of what its page shows (its solutions and their
 * precisions, their providers), in the source's order, for /besoins. Small (a few hundred
 * bytes a need): the list itself stays light at 500 needs and 10,000 providers.
 */
export function listNeedOverviews(): Promise<NeedOverviewDto[]> {
  return keepDecoded('need-overviews', readNeedOverviews);
}

async function readNeedOverviews(): Promise<NeedOverviewDto[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const solutionSelect = {
    id: true,
    availability: true,
    providers: { where: { provider: { status: PUBLISHED } }, select: { providerId: true } },
  } satisfies Prisma.SolutionSelect;
  const rows = await getDb().need.findMany({
    where: { status: PUBLISHED },
    orderBy: [{ position: 'asc' }, { id: 'asc' }],
    select: {
      slug: true,
      kind: true,
      title: true,
      theme: { select: { slug: true, name: true, status: true } },
      solutions: {
        where: { solution: { status: PUBLISHED } },
        select: { solution: { select: { ...solutionSelect, children: { where: { status: PUBLISHED }, select: solutionSelect } } } },
      },
    },
  });
  return rows.map(({ solutions, theme, ...need }) => {
    // The same solutions as the need's page (toSolutionTree): the linked ones and their precisions.
    const shown = new Map<string, { availability: string; providers: { providerId: string }[] }>();
    for (const { solution } of solutions) {
      shown.set(solution.id, solution);
      for (const child of solution.children) shown.set(child.id, child);
    }
    const all = [...shown.values()];
    const count = (availability: string) => all.filter((solution) => solution.availability === availability).length;
    return {
      ...need,
      theme: theme && theme.status === PUBLISHED ? { slug: theme.slug, name: theme.name } : null,
      existingCount: count('EXISTING'),
      unconfirmedCount: count('UNCONFIRMED'),
      proposedCount: count('PROPOSED'),
      providerCount: new Set(all.flatMap((solution) => solution.providers.map((link) => link.providerId))).size,
    };
  });
}

/** Titles and solution counts, for the home page, search and the guided match. */
export function listNeedSummaries(): Promise<NeedSummaryDto[]> {
  return keepDecoded('need-summaries', readNeedSummaries);
}

async function readNeedSummaries(): Promise<NeedSummaryDto[]> {
  'use cache';
  cacheTag(INVENTORY_TAG);
  cacheLife('hours');
  const rows = await getDb().need.findMany({
    where: { status: PUBLISHED },
    orderBy: { position: 'asc' },
    select: {
      slug: true,
      kind: true,
      title: true,
      position: true,
      theme: { select: { slug: true, name: true } },
      solutions: {
        where: { solution: { status: PUBLISHED } },
        select: { solution: { select: { availability: true } } },
      },
    },
  });
  return rows.map(({ solutions, ...need }) => ({
    ...need,
    existingCount: solutions.filter((link) => link.solution.availability === 'EXISTING').length,
    unconfirmedCount: solutions.filter((link) => link.solution.availability === 'UNCONFIRMED').length,
    proposedCount: solutions.filter((link) => link.solution.availability === 'PROPOSED').length,
  }));
}
