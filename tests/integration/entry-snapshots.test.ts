// The history's snapshots of seeded entries of every kind (lib/history/snapshot.ts), with
// ids replaced by the entries' slugs so that they compare from one database to the next.
// Recorded from the hand-written loaders before they were derived from the entry
// definitions: the derived ones must load the very same JSON, key for key.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { loadEntrySnapshot, type EntryType } from '@/lib/history/snapshot';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `entry_snapshots_${process.pid}_${Date.now()}`;

const SAMPLES: Record<EntryType, string[]> = {
  Need: [],
  Solution: [],
  Provider: [],
  Theme: [],
};

describe.skipIf(!serverUrl)('entry snapshots', () => {
  let prisma: PrismaClient;
  const slugOf = new Map<string, string>();

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
    // A verification date and an inferred role, so that every kind of value is in a snapshot.
    await prisma.need.updateMany({ data: { verifiedAt: new Date('2025-06-01T12:00:00.000Z') } });
    await prisma.solutionProvider.updateMany({ where: { role: 'FUNDS' }, data: { isRoleInferred: true } });
    const [needs, solutions, providers, themes] = await Promise.all([
      prisma.need.findMany({ select: { id: true, slug: true }, orderBy: { position: 'asc' } }),
      prisma.solution.findMany({ select: { id: true, slug: true, parentId: true, providers: { select: { role: true } } }, orderBy: { slug: 'asc' } }),
      prisma.provider.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } }),
      prisma.theme.findMany({ select: { id: true, slug: true }, orderBy: { slug: 'asc' } }),
    ]);
    for (const row of [...needs, ...solutions, ...providers, ...themes]) slugOf.set(row.id, row.slug);
    // The first needs, and one with "Lié à…" links and a theme.
    const linked = await prisma.needLink.findFirstOrThrow({ select: { from: { select: { slug: true } } } });
    SAMPLES.Need.push(needs[0]!.slug, needs[1]!.slug, linked.from.slug);
    SAMPLES.Solution.push(solutions.find((row) => row.parentId)!.slug, solutions.find((row) => row.providers.some((link) => link.role === 'FUNDS'))!.slug, solutions[0]!.slug);
    SAMPLES.Provider.push(...providers.slice(0, 3).map((row) => row.slug));
    SAMPLES.Theme.push(...themes.slice(0, 2).map((row) => row.slug));
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it.each(['Need', 'Solution', 'Provider', 'Theme'] as const)('%s', async (type) => {
    const table = { Need: prisma.need, Solution: prisma.solution, Provider: prisma.provider, Theme: prisma.theme }[type] as unknown as {
      findUniqueOrThrow(args: { where: { slug: string }; select: { id: true } }): Promise<{ id: string }>;
    };
    const snapshots = [];
    for (const slug of SAMPLES[type]) {
      const { id } = await table.findUniqueOrThrow({ where: { slug }, select: { id: true } });
      const snapshot = await loadEntrySnapshot(prisma, type, id);
      snapshots.push(JSON.stringify(snapshot, (key, value) => (key === 'id' && typeof value === 'string' ? `<${slugOf.get(value)}>` : value), 1));
    }
    expect(snapshots).toMatchSnapshot();
  });
});
