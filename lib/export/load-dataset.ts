// Reads the whole published inventory in a handful of queries and returns it as plain data
// (lib/export/types.ts). Takes the client as a parameter so that integration tests run it
// against a database of their own; lib/data/export.ts caches it for the site.
import { foldForSorting } from '@/lib/format';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Dataset, DatasetNeedLink } from '@/lib/export/types';
import { needEntry } from '@/lib/entries/need';
import { publicValues } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { solutionEntry } from '@/lib/entries/solution';
import { themeEntry } from '@/lib/entries/theme';

const PUBLISHED = 'PUBLISHED' as const;

type Db = Pick<PrismaClient, 'theme' | 'need' | 'needLink' | 'solution' | 'provider'>;

const iso = (date: Date) => date.toISOString();
const byFolded = (a: string, b: string) => foldForSorting(a).localeCompare(foldForSorting(b), 'fr-CA') || a.localeCompare(b);

// The latest updatedAt of every entry that is public or was (archiving one changes what is
// published; editing a draft does not). Deleted entries leave no date behind.
async function lastModifiedOf(db: Db): Promise<string | null> {
  const where = { status: { not: 'DRAFT' as const } };
  const [theme, need, solution, provider] = await Promise.all([
    db.theme.aggregate({ where, _max: { updatedAt: true } }),
    db.need.aggregate({ where, _max: { updatedAt: true } }),
    db.solution.aggregate({ where, _max: { updatedAt: true } }),
    db.provider.aggregate({ where, _max: { updatedAt: true } }),
  ]);
  const dates = [theme, need, solution, provider]
    .map((result) => result._max.updatedAt)
    .filter((date): date is Date => date !== null);
  if (dates.length === 0) return null;
  return new Date(Math.max(...dates.map((date) => date.getTime()))).toISOString();
}

export async function loadPublishedDataset(db: Db): Promise<Dataset> {
  const [themes, needs, links, solutions, providers, lastModified] = await Promise.all([
    db.theme.findMany({ where: { status: PUBLISHED }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
    db.need.findMany({
      where: { status: PUBLISHED },
      orderBy: [{ position: 'asc' }, { slug: 'asc' }],
      include: {
        theme: { select: { slug: true, status: true } },
        solutions: {
          where: { solution: { status: PUBLISHED } },
          orderBy: [{ position: 'asc' }, { solution: { createdAt: 'asc' } }],
          select: { solution: { select: { slug: true } } },
        },
      },
    }),
    db.needLink.findMany({
      where: { from: { status: PUBLISHED }, to: { status: PUBLISHED } },
      select: {
        note: true,
        from: { select: { slug: true, position: true } },
        to: { select: { slug: true, position: true } },
      },
    }),
    db.solution.findMany({
      where: { status: PUBLISHED },
      include: {
        parent: { select: { slug: true, status: true } },
        needs: {
          where: { need: { status: PUBLISHED } },
          select: { need: { select: { slug: true, position: true } } },
        },
        providers: {
          where: { provider: { status: PUBLISHED } },
          select: { role: true, isRoleInferred: true, provider: { select: { slug: true, name: true } } },
        },
      },
    }),
    db.provider.findMany({ where: { status: PUBLISHED } }),
    lastModifiedOf(db),
  ]);

  const needLinks: DatasetNeedLink[] = links
    .sort((a, b) => a.from.position - b.from.position || a.to.position - b.to.position)
    .map((link) => ({ fromSlug: link.from.slug, toSlug: link.to.slug, note: link.note }));

  return {
    themes: themes.map((theme) => ({
      id: theme.id,
      slug: theme.slug,
      ...publicValues(themeEntry, theme),
      createdAt: iso(theme.createdAt),
      updatedAt: iso(theme.updatedAt),
    })),
    needs: needs.map((need) => ({
      id: need.id,
      slug: need.slug,
      ...publicValues(needEntry, need),
      themeSlug: need.theme && need.theme.status === PUBLISHED ? need.theme.slug : null,
      solutionSlugs: need.solutions.map((link) => link.solution.slug),
      createdAt: iso(need.createdAt),
      updatedAt: iso(need.updatedAt),
    })),
    needLinks,
    solutions: solutions
      .sort((a, b) => byFolded(a.title, b.title) || a.slug.localeCompare(b.slug))
      .map((solution) => ({
        id: solution.id,
        slug: solution.slug,
        ...publicValues(solutionEntry, solution),
        parentSlug: solution.parent && solution.parent.status === PUBLISHED ? solution.parent.slug : null,
        needSlugs: [...solution.needs].sort((a, b) => a.need.position - b.need.position).map((link) => link.need.slug),
        providers: [...solution.providers]
          .sort((a, b) => byFolded(a.provider.name, b.provider.name) || a.role.localeCompare(b.role))
          .map((link) => ({ providerSlug: link.provider.slug, role: link.role, isRoleInferred: link.isRoleInferred })),
        createdAt: iso(solution.createdAt),
        updatedAt: iso(solution.updatedAt),
      })),
    providers: providers
      .sort((a, b) => byFolded(a.name, b.name) || a.slug.localeCompare(b.slug))
      .map((provider) => ({
        id: provider.id,
        slug: provider.slug,
        ...publicValues(providerEntry, provider),
        createdAt: iso(provider.createdAt),
        updatedAt: iso(provider.updatedAt),
      })),
    lastModified,
  };
}
