// seedInventory against a real PostgreSQL: first load, re-runs, and what happens to
// entries that people edited or deleted in between.
// Runs in a database of its own (created on the test server, migrated, dropped at the end),
// because it needs to start from an empty one and leaves its edits behind.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { flattenSolutions, type SeedInventory, type SeedInventoryInput } from '@/lib/seed/schema';
import { hashFields, loadInventory, seedInventory, type SeedEntity, type SeedReport } from '@/lib/seed/seed-inventory';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/embedded-postgres';
import { applyMigrations } from '@/scripts/lib/migrations';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `seed_test_${process.pid}_${Date.now()}`;

const inventory = loadInventory();
const allSolutions = inventory.needs.flatMap((need) => flattenSolutions(need.solutions));
// The inventory's entities (the synonyms are a file and a test of their own).
const expected: Record<Exclude<SeedEntity, 'synonymGroup'>, number> = {
  theme: inventory.themes.length,
  provider: inventory.providers.length,
  need: inventory.needs.length,
  solution: allSolutions.length,
  needLink: inventory.needs.flatMap((need) => need.related).length,
  needSolution: allSolutions.length,
  solutionProvider: allSolutions.flatMap((solution) => solution.providers).length,
};
const expectedTotal = Object.values(expected).reduce((sum, count) => sum + count, 0);

function copy(): SeedInventory {
  return structuredClone(inventory);
}

function skipsOf(report: SeedReport, reason: string): string[] {
  return report.skipped.filter((skip) => skip.reason === reason).map((skip) => skip.key);
}

describe.skipIf(!serverUrl)('seedInventory', () => {
  let prisma: PrismaClient;

  beforeAll(async () => {
    await ensureDatabase(serverUrl!, databaseName);
    const url = withDatabase(serverUrl!, databaseName);
    await applyMigrations(url);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it('loads the whole inventory into an empty database', async () => {
    // The figures of the April 2023 inventory, as read from the source.
    expect(expected).toEqual({
      theme: 10,
      provider: 27,
      need: 12,
      solution: 26,
      needLink: 5,
      needSolution: 26,
      solutionProvider: 36,
    });

    const report = await seedInventory(prisma);

    for (const [entity, count] of Object.entries(expected)) {
      expect(report.counts[entity as SeedEntity], entity).toEqual({ created: count, adopted: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 });
    }
    expect(report.skipped).toEqual([]);
    expect(
      await Promise.all([
        prisma.theme.count(),
        prisma.provider.count(),
        prisma.need.count(),
        prisma.solution.count(),
        prisma.needLink.count(),
        prisma.needSolution.count(),
        prisma.solutionProvider.count(),
        prisma.seedRecord.count(),
      ]),
    ).toEqual([...Object.values(expected), expectedTotal]);
  });

  it('stores the entries as the file describes them', async () => {
    const needs = await prisma.need.findMany({ orderBy: { position: 'asc' }, include: { theme: true } });
    expect(needs.map((need) => need.slug)).toEqual(inventory.needs.map((need) => need.key));
    expect(needs.map((need) => need.position)).toEqual(inventory.needs.map((_, index) => index + 1));
    expect(needs.every((need) => need.status === 'PUBLISHED' && need.verifiedAt === null)).toBe(true);

    const accompaniment = needs.find((need) => need.slug === 'accompagnement-personnalise');
    expect(accompaniment?.note).toMatch(/^Avantageux pour les fournisseurs de services TI/);
    expect(accompaniment?.theme?.slug).toBe('accompagnement-et-diagnostic');

    const network = await prisma.solution.findUniqueOrThrow({
      where: { slug: 'reseau-d-accompagnateurs-au-numerique' },
      include: { children: { orderBy: { slug: 'asc' } } },
    });
    expect(network.children.map((child) => child.slug)).toEqual(['faire-connaitre-les-initiatives-existantes', 'former-de-nouveaux-accompagnateurs']);

    const firstNeed = await prisma.needSolution.findMany({
      where: { need: { slug: 'formation-du-personnel-au-numerique' } },
      orderBy: { position: 'asc' },
      include: { solution: { select: { slug: true } } },
    });
    expect(firstNeed.map((link) => link.solution.slug)).toEqual(flattenSolutions(inventory.needs[0]!.solutions).map((solution) => solution.key));

    const link = await prisma.needLink.findFirstOrThrow({ where: { from: { slug: 'identifier-ses-besoins-numeriques' } }, include: { to: true } });
    expect(link).toMatchObject({ note: "Lié à la ligne précédente [de l'inventaire : Accompagnement personnalisé].", to: { slug: 'accompagnement-personnalise' } });

    const techAccelerate = await prisma.solution.findUniqueOrThrow({
      where: { slug: 'tech-accelerate' },
      include: { providers: { include: { provider: { select: { slug: true } } } } },
    });
    expect(techAccelerate.cost).toBe('FREE');
    expect(techAccelerate.providers.map((entry) => [entry.provider.slug, entry.role]).sort()).toEqual([
      ['centre-canadien-pour-la-resilience-numerique-des-obnl', 'PARTNERS'],
      ['nten', 'OFFERS'],
    ]);

    const provider = await prisma.provider.findUniqueOrThrow({ where: { slug: 'dataide' } });
    expect(provider).toMatchObject({ kind: 'PROGRAM', audiences: ['COMMUNITY_ORGANIZATIONS'], website: '', toVerify: true, verifiedAt: null });
    const record = await prisma.seedRecord.findUniqueOrThrow({ where: { key: 'provider:dataide' } });
    expect(record.rowUpdatedAt?.getTime()).toBe(provider.updatedAt.getTime());
    expect(record.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes nothing when run again', async () => {
    const report = await seedInventory(prisma);
    expect(report.totals).toEqual({ created: 0, adopted: 0, updated: 0, unchanged: expectedTotal, removed: 0, skipped: 0 });
  });

  it('updates an entry that nobody edited when the file changes, once', async () => {
    const data = copy();
    data.needs[2]!.title = 'Fractures numériques (titre revu)';
    data.needs[6]!.related[0]!.note = 'Lié à l\'enjeu de fracture numérique (note revue).';

    const report = await seedInventory(prisma, data);
    expect(report.totals).toMatchObject({ created: 0, updated: 2, skipped: 0 });
    expect(report.counts.need.updated).toBe(1);
    expect(report.counts.needLink.updated).toBe(1);
    const need = await prisma.need.findUniqueOrThrow({ where: { slug: 'fractures-numeriques' } });
    expect(need.title).toBe('Fractures numériques (titre revu)');
    expect(need.version).toBe(2);
    const record = await prisma.seedRecord.findUniqueOrThrow({ where: { key: 'need:fractures-numeriques' } });
    expect(record.rowUpdatedAt?.getTime()).toBe(need.updatedAt.getTime());

    const again = await seedInventory(prisma, data);
    expect(again.totals).toEqual({ created: 0, adopted: 0, updated: 0, unchanged: expectedTotal, removed: 0, skipped: 0 });

    // And back to the repository's file.
    const restored = await seedInventory(prisma);
    expect(restored.totals.updated).toBe(2);
  });

  it('keeps an entry that a person edited since, even when the file changes', async () => {
    await prisma.provider.update({ where: { slug: 'la-puce' }, data: { description: 'Décrit par une personne.', website: 'https://example.org' } });
    const data = copy();
    const provider = data.providers.find((entry) => entry.key === 'la-puce')!;
    provider.description = 'Nouvelle description venue du fichier.';

    const report = await seedInventory(prisma, data);
    expect(report.skipped).toEqual([{ entity: 'provider', key: 'provider:la-puce', reason: 'edited-since' }]);
    expect(report.totals).toMatchObject({ created: 0, updated: 0, skipped: 1 });
    const row = await prisma.provider.findUniqueOrThrow({ where: { slug: 'la-puce' } });
    expect(row).toMatchObject({ description: 'Décrit par une personne.', website: 'https://example.org' });

    // Unchanged in the file: the person's version is not even looked at.
    const unchangedFile = await seedInventory(prisma);
    expect(unchangedFile.totals).toMatchObject({ updated: 0, skipped: 0 });
  });

  it('keeps a link whose content a person changed', async () => {
    const needId = (await prisma.need.findUniqueOrThrow({ where: { slug: 'formation-du-personnel-au-numerique' } })).id;
    const solutionId = (await prisma.solution.findUniqueOrThrow({ where: { slug: 'impliquer-le-ca-et-la-direction' } })).id;
    await prisma.needSolution.update({ where: { needId_solutionId: { needId, solutionId } }, data: { position: 99 } });

    const data = copy();
    data.needs[0]!.solutions.reverse();
    const report = await seedInventory(prisma, data);
    expect(skipsOf(report, 'edited-since')).toEqual(['link:need-solution:formation-du-personnel-au-numerique:impliquer-le-ca-et-la-direction']);
    // The positions nobody touched follow the file.
    expect(report.counts.needSolution.updated).toBeGreaterThan(0);
    const kept = await prisma.needSolution.findUniqueOrThrow({ where: { needId_solutionId: { needId, solutionId } } });
    expect(kept.position).toBe(99);
    await seedInventory(prisma);
  });

  it('does not bring back links or entries that a person deleted', async () => {
    const solution = await prisma.solution.findUniqueOrThrow({ where: { slug: 'faire-connaitre-les-initiatives-existantes' } });
    const coco = await prisma.provider.findUniqueOrThrow({ where: { slug: 'coco' } });
    await prisma.solutionProvider.delete({
      where: { solutionId_providerId_role: { solutionId: solution.id, providerId: coco.id, role: 'CITED' } },
    });
    const from = await prisma.need.findUniqueOrThrow({ where: { slug: 'organisation-du-travail-hybride' } });
    const to = await prisma.need.findUniqueOrThrow({ where: { slug: 'acces-au-materiel-et-aux-logiciels' } });
    await prisma.needLink.delete({ where: { fromId_toId: { fromId: from.id, toId: to.id } } });
    await prisma.provider.delete({ where: { slug: 'relief-affaires' } });

    const report = await seedInventory(prisma);
    expect(report.totals.created).toBe(0);
    expect(skipsOf(report, 'deleted-since').sort()).toEqual([
      'link:need:organisation-du-travail-hybride:acces-au-materiel-et-aux-logiciels',
      'link:solution-provider:faire-connaitre-les-initiatives-existantes:coco:CITED',
      'provider:relief-affaires',
    ]);
    // The provider's link went with it (cascade); without the provider it cannot come back either.
    expect(skipsOf(report, 'missing-reference')).toEqual(['link:solution-provider:services-d-ecoute-et-de-soutien:relief-affaires:OFFERS']);

    expect(await prisma.provider.findUnique({ where: { slug: 'relief-affaires' } })).toBeNull();
    expect(await prisma.solutionProvider.count({ where: { solutionId: solution.id, providerId: coco.id } })).toBe(0);
    expect(await prisma.needLink.count({ where: { fromId: from.id, toId: to.id } })).toBe(0);

    // Even when the file changes the deleted entry.
    const data = copy();
    data.providers.find((entry) => entry.key === 'relief-affaires')!.description = 'Autre description.';
    const again = await seedInventory(prisma, data);
    expect(again.totals.created).toBe(0);
    expect(await prisma.provider.findUnique({ where: { slug: 'relief-affaires' } })).toBeNull();
  });

  it('adopts an identical row it has no record of, and leaves a different one alone', async () => {
    await prisma.seedRecord.delete({ where: { key: 'theme:referencement' } });
    await prisma.seedRecord.delete({ where: { key: 'theme:fractures-numeriques' } });
    await prisma.theme.update({ where: { slug: 'fractures-numeriques' }, data: { name: 'Fractures (nom choisi par une personne)' } });

    const report = await seedInventory(prisma);
    expect(report.counts.theme).toMatchObject({ created: 0, adopted: 1, skipped: 1 });
    expect(skipsOf(report, 'slug-taken')).toEqual(['theme:fractures-numeriques']);
    expect(await prisma.seedRecord.findUnique({ where: { key: 'theme:referencement' } })).not.toBeNull();
    expect((await prisma.theme.findUniqueOrThrow({ where: { slug: 'fractures-numeriques' } })).name).toBe('Fractures (nom choisi par une personne)');
  });

  it('creates what the file adds, next to what people changed', async () => {
    const data = copy();
    data.providers.push({ ...data.providers[0]!, key: 'nouvel-organisme', name: 'Nouvel organisme' });
    data.needs[0]!.solutions[1]!.providers.push({ provider: 'nouvel-organisme', role: 'PARTNERS', isRoleInferred: false });

    const report = await seedInventory(prisma, data);
    expect(report.counts.provider.created).toBe(1);
    expect(report.counts.solutionProvider.created).toBe(1);
    const links = await prisma.solutionProvider.findMany({ where: { provider: { slug: 'nouvel-organisme' } }, include: { solution: true } });
    expect(links.map((link) => [link.solution.slug, link.role])).toEqual([['formations-par-cohorte', 'PARTNERS']]);
  });
});

// Databases seeded before the corrections of issue 12 (items 15–20) get them at the next seed,
// except where a person edited the entry since: its fields and its links stay as they are.
describe.skipIf(!serverUrl)('seedInventory on a database seeded before the corrections', () => {
  const upgradeDatabaseName = `seed_upgrade_test_${process.pid}_${Date.now()}`;
  const before = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/seed/inventaire-2023-avant-corrections.json'), 'utf8')) as SeedInventoryInput;
  let prisma: PrismaClient;

  beforeAll(async () => {
    await ensureDatabase(serverUrl!, upgradeDatabaseName);
    const url = withDatabase(serverUrl!, upgradeDatabaseName);
    await applyMigrations(url);
    prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    await seedInventory(prisma, before);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, upgradeDatabaseName);
  });

  const solution = (slug: string) =>
    prisma.solution.findUniqueOrThrow({ where: { slug }, include: { providers: { include: { provider: { select: { slug: true } } } } } });
  const links = (row: Awaited<ReturnType<typeof solution>>) =>
    row.providers.map((link) => [link.provider.slug, link.role, link.isRoleInferred]).sort((a, b) => String(a).localeCompare(String(b)));

  it('corrects what nobody edited, and leaves the entry a person edited with its links', async () => {
    expect((await solution('conformite-dans-le-cadre-de-dataide')).availability).toBe('PROPOSED');
    // The seed before the flag hashed a link as { solution, provider, role }: an unflagged link
    // still hashes so, or every link of an older database would look edited.
    const record = await prisma.seedRecord.findUniqueOrThrow({ where: { key: 'link:solution-provider:programmes-de-virage-numerique:programme-numerique-collectif:FUNDS' } });
    expect(record.hash).toBe(hashFields({ solution: 'programmes-de-virage-numerique', provider: 'programme-numerique-collectif', role: 'FUNDS' }));
    await prisma.solution.update({ where: { slug: 'conseils-juridiques-sur-la-loi-25' }, data: { verifyNote: 'Juripop joint par une personne de la Table.' } });

    const report = await seedInventory(prisma);

    // 15: possibly covered.
    const dataide = await solution('conformite-dans-le-cadre-de-dataide');
    expect(dataide).toMatchObject({ availability: 'UNCONFIRMED', toVerify: true, version: 2 });
    expect(links(dataide)).toEqual([
      ['dataide', 'FUNDS', true],
      ['nord-ouvert', 'OFFERS', false],
    ]);
    // 17: a proposed action; the organisations are cited, the "offre" links are gone.
    const promote = await solution('faire-connaitre-les-initiatives-existantes');
    expect(promote.availability).toBe('PROPOSED');
    expect(links(promote).map(([, role]) => role)).toEqual(Array(8).fill('CITED'));
    // 18: inferred values marked.
    expect((await solution('subventionner-l-accompagnement')).inferredFields).toEqual(['KINDS', 'COST']);
    expect(links(await solution('programmes-de-virage-numerique'))).toEqual([
      ['dataide', 'FUNDS', true],
      ['programme-numerique-collectif', 'FUNDS', true],
    ]);
    // 19: the previous line named.
    const link = await prisma.needLink.findFirstOrThrow({ where: { from: { slug: 'identifier-ses-besoins-numeriques' } } });
    expect(link.note).toBe("Lié à la ligne précédente [de l'inventaire : Accompagnement personnalisé].");
    // 20: the person's role instead of their name.
    expect((await solution('subventions-pour-materiel-licences-et-accompagnement')).description).toContain(
      'évoqué par [une personne représentant Centraide Québec] (vérifier)',
    );
    // 16: edited by a person since: kept whole, its links too.
    const juripop = await solution('conseils-juridiques-sur-la-loi-25');
    expect(juripop).toMatchObject({ availability: 'EXISTING', verifyNote: 'Juripop joint par une personne de la Table.' });
    expect(links(juripop)).toEqual([['juripop', 'OFFERS', false]]);
    expect(skipsOf(report, 'edited-since').sort()).toEqual([
      'link:solution-provider:conseils-juridiques-sur-la-loi-25:juripop:APPROACHED',
      'link:solution-provider:conseils-juridiques-sur-la-loi-25:juripop:OFFERS',
      'solution:conseils-juridiques-sur-la-loi-25',
    ]);

    expect(report.counts.solution).toMatchObject({ updated: allSolutions.length - 1, skipped: 1 });
    expect(report.counts.needLink.updated).toBe(2);
    expect(report.counts.solutionProvider).toEqual({ created: 8, adopted: 0, updated: 4, unchanged: 36 - 8 - 4 - 1, removed: 8, skipped: 2 });
    expect(await prisma.solutionProvider.count()).toBe(36);

    // Settled: a second run changes nothing and still reports the person's entry.
    const again = await seedInventory(prisma);
    expect(again.totals).toMatchObject({ created: 0, adopted: 0, updated: 0, removed: 0, skipped: 3 });
  });
});
