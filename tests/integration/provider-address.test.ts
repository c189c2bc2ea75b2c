// The providers' address against a real, seeded PostgreSQL: a street kept private is absent
// from /donnees, and importing that file back changes nothing (the empty cell leaves it
// alone); the basket's query reads the address; the history snapshot keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { findBasketItems } from '@/lib/basket/query';
import { datasetToCsv } from '@/lib/export/csv';
import { loadPublishedDataset } from '@/lib/export/load-dataset';
import { loadEntrySnapshot } from '@/lib/history/snapshot';
import { parseImportFile } from '@/lib/import/parse';
import { planImport } from '@/lib/import/plan';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `provider_address_${process.pid}_${Date.now()}`;
const SITE = 'https://repertoire.example.org';
const STREET = '1234, rue Exemple, bureau 200';

describe.skipIf(!serverUrl)('the providers’ address in the database', () => {
  let prisma: PrismaClient;
  let provider: { id: string; slug: string };

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
    provider = await prisma.provider.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { slug: 'asc' }, select: { id: true, slug: true } });
    await prisma.provider.update({ where: { id: provider.id }, data: { streetAddress: STREET, municipality: 'Montréal', postalCode: 'H2X 1Y4' } });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it('the seed leaves it empty', async () => {
    expect(await prisma.provider.count({ where: { OR: [{ streetAddress: { not: '' } }, { municipality: { not: '' } }, { postalCode: { not: '' } }, { isStreetPublic: true }] } })).toBe(1);
  });

  it('fournisseurs.csv leaves a private street out, and imports back unchanged', async () => {
    const csv = datasetToCsv(await loadPublishedDataset(prisma), 'fournisseurs', SITE);
    expect(csv).not.toContain('rue Exemple');
    expect(csv).toContain(';Montréal;H2X 1Y4;');
    const { plan } = await planImport(prisma, parseImportFile('fournisseurs.csv', csv), csv);
    expect(plan.fileErrors).toEqual([]);
    expect(plan.rows.filter((row) => row.outcome !== 'unchanged').map((row) => [row.slug, row.changes])).toEqual([]);
  });

  it('the basket reads it (the street once public), and the history snapshot keeps it', async () => {
    const [hidden] = (await findBasketItems(prisma, [{ kind: 'provider', slug: provider.slug }])).items;
    expect(hidden).toMatchObject({ streetAddress: '', municipality: 'Montréal', postalCode: 'H2X 1Y4' });
    await prisma.provider.update({ where: { id: provider.id }, data: { isStreetPublic: true } });
    const [shown] = (await findBasketItems(prisma, [{ kind: 'provider', slug: provider.slug }])).items;
    expect(shown).toMatchObject({ streetAddress: STREET });
    expect(await loadEntrySnapshot(prisma, 'Provider', provider.id)).toMatchObject({ streetAddress: STREET, isStreetPublic: true, municipality: 'Montréal', postalCode: 'H2X 1Y4' });
  });
});
