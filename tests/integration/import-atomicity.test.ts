// « Import all or nothing » (README): an import that fails half-way through its writes leaves
// the database exactly as it was, and one that meets a change made meanwhile (between the
// preview and « Appliquer », or inside its own transaction between its check and its write)
// writes nothing and says so. Failures and overlaps are made by the database itself
// (helpers/hold-updates.ts), not by replacing code.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { saveProvider } from '@/lib/data/admin/providers';
import { applyImport } from '@/lib/import/apply';
import { parseImportFile } from '@/lib/import/parse';
import { planImport } from '@/lib/import/plan';
import type { ProviderInput } from '@/lib/validation/provider';
import { failWrites, holdWrites } from './helpers/hold-updates';
import { clearEntryAndMemberTables, clearMemberTables, createTestClient, databaseUrl } from './helpers/members';

const actor = { actorId: null, ip: '203.0.113.30' };

const providerInput = (name: string, description: string): ProviderInput => ({
  name, alternateName: '', kind: 'ORGANIZATION', description, website: '', email: '', phone: '', streetAddress: '', municipality: '', postalCode: '', isStreetPublic: false, regions: [], audiences: [], cost: 'FREE',
  formats: [], languages: [], status: 'PUBLISHED', toVerify: false, verifyNote: '', contactEmail: '', contactSource: '',
});

/** A spreadsheet's fournisseurs.csv: two entries changed, three new ones. */
const FILE = [
  'slug;name;description',
  'centre-existant;Centre existant;Description importée du centre.',
  'autre-existant;Autre existant;Description importée de l’autre.',
  'nouveau-un;Nouveau un;Premier nouvel organisme.',
  'nouveau-deux;Nouveau deux;Deuxième nouvel organisme.',
  'nouveau-trois;Nouveau trois;Troisième nouvel organisme.',
].join('\n');

describe.skipIf(!databaseUrl)('import: all or nothing', () => {
  const prisma = createTestClient();

  /** Every row the import could touch, as the database has it. */
  const state = async () => ({
    providers: await prisma.provider.findMany({ orderBy: { slug: 'asc' } }),
    audit: await prisma.auditLog.findMany({ orderBy: { id: 'asc' } }),
  });
  const preview = async (content: string) => (await planImport(prisma, parseImportFile('fournisseurs.csv', content), content)).plan;
  const apply = (content: string, expectedHash: string) => applyImport(prisma, { fileName: 'fournisseurs.csv', content }, { newStatus: 'PUBLISHED', actor, expectedHash });

  beforeEach(async () => {
    await clearEntryAndMemberTables(prisma);
    for (const [name, description] of [
      ['Centre existant', 'Description d’origine du centre.'],
      ['Autre existant', 'Description d’origine de l’autre.'],
    ] as const) {
      const saved = await saveProvider(prisma, { input: providerInput(name, description) }, { actorId: null, ip: '203.0.113.29' });
      if (!saved.ok) throw new Error('setup failed');
    }
  });
  afterAll(async () => {
    await clearMemberTables(prisma);
    await prisma.provider.deleteMany();
    await prisma.$disconnect();
  });

  it('applies the whole file when nothing goes wrong (the case the others break)', async () => {
    const plan = await preview(FILE);
    expect(plan.counts).toMatchObject({ create: 3, update: 2, error: 0 });
    expect(await apply(FILE, plan.hash)).toMatchObject({ ok: true });
    const providers = await prisma.provider.findMany({ orderBy: { slug: 'asc' } });
    expect(providers.map((row) => [row.slug, row.version])).toEqual([
      ['autre-existant', 2],
      ['centre-existant', 2],
      ['nouveau-deux', 1],
      ['nouveau-trois', 1],
      ['nouveau-un', 1],
    ]);
    expect(await prisma.auditLog.count({ where: { ip: actor.ip } })).toBe(5);
  });

  it.each([
    ['while creating the third new entry', 'Provider', 'INSERT', `NEW.slug = 'nouveau-trois'`],
    ['while changing the second existing entry', 'Provider', 'UPDATE', `NEW.slug = 'autre-existant' AND OLD.description <> NEW.description`],
    ['while writing a history record', 'AuditLog', 'INSERT', `NEW.action = 'provider.import' AND NEW.after->>'slug' = 'centre-existant'`],
  ] as const)('a failure %s leaves the database as it was', async (_when, table, event, condition) => {
    const plan = await preview(FILE);
    const before = await state();
    const removeFailure = await failWrites(databaseUrl!, table, event, condition);
    try {
      await expect(apply(FILE, plan.hash)).rejects.toThrow(/écriture refusée par le test/);
    } finally {
      await removeFailure();
    }
    expect(await state()).toEqual(before);
    // Nothing was half-applied: the same preview still applies, whole.
    expect(await apply(FILE, plan.hash)).toMatchObject({ ok: true, created: [{}, {}, {}], updated: [{}, {}] });
  });

  it('an entry changed between the preview and « Appliquer »: nothing is written, the new preview is shown', async () => {
    const plan = await preview(FILE);
    const centre = await prisma.provider.findUniqueOrThrow({ where: { slug: 'centre-existant' } });
    expect(await saveProvider(prisma, { id: centre.id, version: 1, input: providerInput('Centre existant', 'Changée par un membre entre-temps.') }, { actorId: null, ip: '203.0.113.31' })).toMatchObject({ ok: true });
    const before = await state();

    const result = await apply(FILE, plan.hash);
    expect(result).toMatchObject({ ok: false, reason: 'stale' });
    if (result.ok || result.reason !== 'stale') throw new Error('unreachable');
    expect(result.plan.rows.find((row) => row.slug === 'centre-existant')?.changes).toEqual([
      { key: 'description', label: 'Description', before: 'Changée par un membre entre-temps.', after: 'Description importée du centre.' },
    ]);
    expect(await state()).toEqual(before);
  });

  it('an entry changed inside the import, after its check and before its write: nothing is written', async () => {
    const plan = await preview(FILE);
    const centre = await prisma.provider.findUniqueOrThrow({ where: { slug: 'centre-existant' } });
    // The import has planned (in its transaction) and started writing: it waits at its first new entry.
    const hold = await holdWrites(databaseUrl!, 'Provider', 'INSERT', `NEW.slug = 'nouveau-un'`);
    let result: Awaited<ReturnType<typeof apply>>;
    try {
      const applying = apply(FILE, plan.hash);
      await hold.waitForWaiters(1);
      // Meanwhile a member saves the entry the import is about to change.
      expect(await saveProvider(prisma, { id: centre.id, version: 1, input: providerInput('Centre existant', 'Changée pendant l’import.') }, { actorId: null, ip: '203.0.113.31' })).toMatchObject({ ok: true });
      await hold.release();
      result = await applying;
    } finally {
      await hold.dispose();
    }
    expect(result).toEqual({ ok: false, reason: 'conflict' });
    const providers = await prisma.provider.findMany({ orderBy: { slug: 'asc' } });
    expect(providers.map((row) => [row.slug, row.description, row.version])).toEqual([
      ['autre-existant', 'Description d’origine de l’autre.', 1],
      ['centre-existant', 'Changée pendant l’import.', 2],
    ]);
    expect(await prisma.auditLog.count({ where: { ip: actor.ip } })).toBe(0);
  });
});
