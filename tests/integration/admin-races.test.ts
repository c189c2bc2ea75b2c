// « No lost edit » (README), for every kind of entry: two members save the same version at
// the same moment; exactly one save goes through and the other is refused as a conflict,
// with the first one's text kept. The overlap is made certain, not likely: a trigger holds
// the first UPDATE of the row until both saves have read the row and reached their write
// (helpers/hold-updates.ts), on a pool warmed beforehand. Also, for every kind, the
// one-after-the-other case: a form opened on an older version is refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { saveNeed } from '@/lib/data/admin/needs';
import { saveProvider } from '@/lib/data/admin/providers';
import { removeEntry } from '@/lib/data/admin/remove';
import { saveSolution } from '@/lib/data/admin/solutions';
import { saveTheme } from '@/lib/data/admin/themes';
import type { WriteContext, WriteOutcome } from '@/lib/data/admin/write';
import type { EntryType } from '@/lib/history/snapshot';
import type { NeedInput } from '@/lib/validation/need';
import type { ProviderInput } from '@/lib/validation/provider';
import type { SolutionInput } from '@/lib/validation/solution';
import type { ThemeInput } from '@/lib/validation/theme';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { holdUpdates } from './helpers/hold-updates';
import { clearEntryAndMemberTables, createMember, createTestClient, databaseUrl, type TestMember } from './helpers/members';

const needInput = (title: string): NeedInput => ({
  title, kind: 'NEED', description: 'Une description assez longue pour les tests.', note: '', themeId: null, position: null, status: 'DRAFT',
  toVerify: false, verifyNote: '', solutions: [], addSolutionSlugs: [], links: [], addLinkSlugs: [],
});
const solutionInput = (title: string): SolutionInput => ({
  title, description: 'Aide.', availability: 'EXISTING', kinds: [], inferredFields: [], cost: 'FREE', parentId: null, status: 'DRAFT', toVerify: false, verifyNote: '',
  needIds: [], addNeedSlugs: [], providers: [], addProviderSlugs: [],
});
const providerInput = (name: string): ProviderInput => ({
  name, alternateName: '', kind: 'ORGANIZATION', description: '', website: '', email: '', phone: '', streetAddress: '', municipality: '', postalCode: '', isStreetPublic: false, regions: [], audiences: [], cost: 'FREE',
  formats: [], languages: [], status: 'DRAFT', toVerify: false, verifyNote: '', contactEmail: '', contactSource: '',
});
const themeInput = (name: string): ThemeInput => ({ name, description: '', position: null, status: 'DRAFT' });

type Kind = {
  entityType: EntryType;
  table: string;
  /** Saves a new entry (no id) or a version of one, with `label` as its title or name. */
  save(db: PrismaClient, label: string, context: WriteContext, target?: { id: string; version: number }): Promise<WriteOutcome>;
  labelOf(db: PrismaClient, id: string): Promise<{ label: string; version: number }>;
};

const KINDS: Kind[] = [
  {
    entityType: 'Need',
    table: 'Need',
    save: (db, label, context, target) => saveNeed(db, { ...target, input: needInput(label) }, context),
    labelOf: async (db, id) => db.need.findUniqueOrThrow({ where: { id } }).then((row) => ({ label: row.title, version: row.version })),
  },
  {
    entityType: 'Solution',
    table: 'Solution',
    save: (db, label, context, target) => saveSolution(db, { ...target, input: solutionInput(label) }, context),
    labelOf: async (db, id) => db.solution.findUniqueOrThrow({ where: { id } }).then((row) => ({ label: row.title, version: row.version })),
  },
  {
    entityType: 'Provider',
    table: 'Provider',
    save: (db, label, context, target) => saveProvider(db, { ...target, input: providerInput(label) }, context),
    labelOf: async (db, id) => db.provider.findUniqueOrThrow({ where: { id } }).then((row) => ({ label: row.name, version: row.version })),
  },
  {
    entityType: 'Theme',
    table: 'Theme',
    save: (db, label, context, target) => saveTheme(db, { ...target, input: themeInput(label) }, context),
    labelOf: async (db, id) => db.theme.findUniqueOrThrow({ where: { id } }).then((row) => ({ label: row.name, version: row.version })),
  },
];

describe.skipIf(!databaseUrl)('no lost edit: simultaneous and stale saves of every kind of entry', () => {
  const prisma = createTestClient();
  let first: TestMember;
  let second: TestMember;
  const as = (who: TestMember): WriteContext => ({ actorId: who.id, ip: '203.0.113.20' });

  beforeAll(async () => {
    // A warm pool: the two saves below get their connections at once.
    await Promise.all(Array.from({ length: 6 }, () => prisma.$queryRaw`SELECT 1`));
  });
  beforeEach(async () => {
    await clearEntryAndMemberTables(prisma);
    first = await createMember(prisma);
    second = await createMember(prisma);
  });
  afterAll(async () => {
    await prisma.auditLog.deleteMany();
    await prisma.$disconnect();
  });

  async function create(kind: Kind, label: string): Promise<string> {
    const created = await kind.save(prisma, label, as(first));
    if (!created.ok) throw new Error(`creation refused: ${JSON.stringify(created)}`);
    return created.id;
  }

  it.each(KINDS.map((kind) => [kind.entityType, kind] as const))('%s: of two saves of the same version at the same moment, one goes through and the other is refused', async (_type, kind) => {
    for (let round = 1; round <= 2; round += 1) {
      const id = await create(kind, `Original ${round}`);
      const hold = await holdUpdates(databaseUrl!, kind.table, id);
      try {
        const saves = [kind.save(prisma, `Version A ${round}`, as(first), { id, version: 1 }), kind.save(prisma, `Version B ${round}`, as(second), { id, version: 1 })];
        // Both have read version 1: one waits in its UPDATE, the other behind it.
        await hold.waitForWaiters(2);
        await hold.release();
        const results = await Promise.all(saves);

        const saved = results.filter((result) => result.ok);
        const refused = results.filter((result) => !result.ok);
        expect(saved, JSON.stringify(results)).toHaveLength(1);
        expect(refused).toMatchObject([{ ok: false, reason: 'conflict', current: { version: 2 } }]);
        const winner = results[0]!.ok ? `Version A ${round}` : `Version B ${round}`;
        expect(await kind.labelOf(prisma, id)).toEqual({ label: winner, version: 2 });
        // The history has the creation and the one save that went through.
        expect(await prisma.auditLog.count({ where: { entityId: id } })).toBe(2);
      } finally {
        await hold.dispose();
      }
    }
  });

  it.each(KINDS.map((kind) => [kind.entityType, kind] as const))('%s: a save of a form opened before the last save is refused, and changes nothing', async (_type, kind) => {
    const id = await create(kind, 'Original');
    expect(await kind.save(prisma, 'Première modification', as(first), { id, version: 1 })).toMatchObject({ ok: true, version: 2 });
    const stale = await kind.save(prisma, 'Modification périmée', as(second), { id, version: 1 });
    expect(stale).toMatchObject({ ok: false, reason: 'conflict', current: { version: 2 } });
    // A version from the future is no better.
    expect(await kind.save(prisma, 'Version inventée', as(second), { id, version: 7 })).toMatchObject({ ok: false, reason: 'conflict' });
    expect(await kind.labelOf(prisma, id)).toEqual({ label: 'Première modification', version: 2 });
    expect(await prisma.auditLog.count({ where: { entityId: id } })).toBe(2);
  });

  it.each(KINDS.map((kind) => [kind.entityType, kind] as const))('%s: a save and an archive of the same version at the same moment: one of them is refused', async (_type, kind) => {
    const id = await create(kind, 'Original');
    const hold = await holdUpdates(databaseUrl!, kind.table, id);
    try {
      const outcomes = [kind.save(prisma, 'Modifiée', as(first), { id, version: 1 }), removeEntry(prisma, kind.entityType, id, 1, 'archive', as(second))];
      await hold.waitForWaiters(2);
      await hold.release();
      const results = await Promise.all(outcomes);
      expect(results.filter((result) => result.ok), JSON.stringify(results)).toHaveLength(1);
      expect(results.filter((result) => !result.ok)).toMatchObject([{ reason: 'conflict' }]);
      expect((await kind.labelOf(prisma, id)).version).toBe(2);
    } finally {
      await hold.dispose();
    }
  });
});
