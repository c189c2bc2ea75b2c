// seedInventory against a real PostgreSQL: first load, re-runs, and what happens to
// entries that people edited or deleted in between.
// Runs in a database of its own (created on the test server, migrated, dropped at the end),
// because it needs to start from an empty one and leaves its edits behind.
import { PrismaPg } from '@prisma/adapter-pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { flattenSolutions, type SeedInventory } from '@/lib/seed/schema';
import { loadInventory, seedInventory, type SeedEntity, type SeedReport } from '@/lib/seed/seed-inventory';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/embedded-postgres';
import { applyMigrations } from '@/scripts/lib/migrations';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `seed_test_${process.pid}_${Date.now()}`;

const inventory = loadInventory();
const allSolutions = inventory.needs.flatMap((need) => flattenSolutions(need.solutions));
const expected: Record<SeedEntity, number> = {
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
      expect(report.counts[entity as SeedEntity], entity).toEqual({ created: count, adopted: 0, updated: 0, unchanged: 0, skipped: 0 });
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
    expect(link).toMatchObject({ note: 'Lié à la ligne précédente.', to: { slug: 'accompagnement-personnalise' } });

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
    expect(report.totals).toEqual({ created: 0, adopted: 0, updated: 0, unchanged: expectedTotal, skipped: 0 });
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
    expect(again.totals).toEqual({ created: 0, adopted: 0, updated: 0, unchanged: expectedTotal, skipped: 0 });

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
      where: { solutionId_providerId_role: { solutionId: solution.id, providerId: coco.id, role: 'OFFERS' } },
    });
    const from = await prisma.need.findUniqueOrThrow({ where: { slug: 'organisation-du-travail-hybride' } });
    const to = await prisma.need.findUniqueOrThrow({ where: { slug: 'acces-au-materiel-et-aux-logiciels' } });
    await prisma.needLink.delete({ where: { fromId_toId: { fromId: from.id, toId: to.id } } });
    await prisma.provider.delete({ where: { slug: 'relief-affaires' } });

    const report = await seedInventory(prisma);
    expect(report.totals.created).toBe(0);
    expect(skipsOf(report, 'deleted-since').sort()).toEqual([
      'link:need:organisation-du-travail-hybride:acces-au-materiel-et-aux-logiciels',
      'link:solution-provider:faire-connaitre-les-initiatives-existantes:coco:OFFERS',
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
    data.needs[0]!.solutions[1]!.providers.push({ provider: 'nouvel-organisme', role: 'PARTNERS' });

    const report = await seedInventory(prisma, data);
    expect(report.counts.provider.created).toBe(1);
    expect(report.counts.solutionProvider.created).toBe(1);
    const links = await prisma.solutionProvider.findMany({ where: { provider: { slug: 'nouvel-organisme' } }, include: { solution: true } });
    expect(links.map((link) => [link.solution.slug, link.role])).toEqual([['formations-par-cohorte', 'PARTNERS']]);
  });
});
