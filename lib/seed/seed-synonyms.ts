// Loads the starter synonym groups (prisma/seed/synonymes.json) with the same record-keeping as
// the inventory (lib/seed/seed-inventory.ts): a group members edited since is kept as they left
// it, one they deleted is not brought back, and a group that leaves the file stays (members may
// rely on it). Each group is found again by its seed key (lib/synonyms/schema.ts seedKeyOf).
import synonymsJson from '../../prisma/seed/synonymes.json' with { type: 'json' };
import type { Prisma, PrismaClient, SynonymGroup } from '../generated/prisma/client';
import { parseSeedSynonyms, type SeedSynonymGroup } from '../synonyms/schema';
import { SEED_LOCK_ID, SeedRun, type SeedReport } from './seed-inventory';

type Tx = Prisma.TransactionClient;

/** The starter groups shipped with the repository, checked. */
export function loadSeedSynonyms(): SeedSynonymGroup[] {
  return parseSeedSynonyms(synonymsJson);
}

/** SeedRecord keys of synonym groups start with this. */
export const SYNONYM_SEED_PREFIX = 'synonym:';

const fieldsOf = (group: { terms: string[]; oneWay: boolean; expandsTo: string[]; note: string }) => ({
  terms: group.terms,
  oneWay: group.oneWay,
  expandsTo: group.expandsTo,
  note: group.note,
});

async function seedGroups(run: SeedRun, tx: Tx, groups: readonly SeedSynonymGroup[]): Promise<void> {
  for (const group of groups) {
    const fields = fieldsOf(group);
    await run.apply<SynonymGroup>({
      entity: 'synonymGroup',
      key: `${SYNONYM_SEED_PREFIX}${group.key}`,
      fields,
      find: () => tx.synonymGroup.findUnique({ where: { seedKey: group.key } }),
      fieldsOf,
      create: () => tx.synonymGroup.create({ data: { ...fields, seedKey: group.key } }),
      update: (row) => tx.synonymGroup.update({ where: { id: row.id }, data: { ...fields, version: { increment: 1 } } }),
      updatedAtOf: (row) => row.updatedAt,
    });
  }
}

/** Seeds the synonym groups (the repository's file by default) in one transaction; safe to run again. */
export async function seedSynonyms(prisma: PrismaClient, groups: readonly SeedSynonymGroup[] = loadSeedSynonyms()): Promise<SeedReport> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`;
      const records = new Map(
        (
          await tx.seedRecord.findMany({ where: { key: { startsWith: SYNONYM_SEED_PREFIX } }, select: { key: true, hash: true, rowUpdatedAt: true } })
        ).map((record) => [record.key, record]),
      );
      const run = new SeedRun(tx, records);
      await seedGroups(run, tx, groups);
      return run.report;
    },
    { maxWait: 30_000, timeout: 120_000 },
  );
}

/**
 * Whether the synonyms were never seeded here (no record, no group): a database seeded before
 * they existed gets them at the next start.
 */
export async function needsSynonymSeed(prisma: PrismaClient): Promise<boolean> {
  const [records, groups] = await Promise.all([
    prisma.seedRecord.count({ where: { key: { startsWith: SYNONYM_SEED_PREFIX } } }),
    prisma.synonymGroup.count(),
  ]);
  return records === 0 && groups === 0;
}
