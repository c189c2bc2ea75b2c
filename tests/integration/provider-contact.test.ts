// A provider's private contact (issue 15) against a real, seeded PostgreSQL: members find
// which providers have one, and nothing published carries it — not the dataset behind the
// pages, nor any CSV file, repertoire.json, HSDS, the API's records or the basket — while the
// history (members only) keeps it. The backup keeps it too (tests/integration/backup.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { toRecords } from '@/lib/api/records';
import { basketToCsv } from '@/lib/basket/csv';
import { findBasketItems } from '@/lib/basket/query';
import { listAdminEntries } from '@/lib/data/admin/entries';
import { parseListFilter } from '@/lib/data/admin/lists';
import { CSV_FILES, datasetToCsv } from '@/lib/export/csv';
import { toHsds } from '@/lib/export/hsds';
import { toDatasetExport } from '@/lib/export/json';
import { loadPublishedDataset } from '@/lib/export/load-dataset';
import { loadEntrySnapshot } from '@/lib/history/snapshot';
import { parseImportFile } from '@/lib/import/parse';
import { planImport } from '@/lib/import/plan';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `provider_contact_${process.pid}_${Date.now()}`;
const SITE = 'https://repertoire.example.org';
const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' };
const CONTACT = 'direction-privee@organisme.example';
const SOURCE = 'Appel avec la directrice, source-privee-42';

describe.skipIf(!serverUrl)('the providers’ private contact', () => {
  let prisma: PrismaClient;
  let provider: { id: string; slug: string; name: string };

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
    provider = await prisma.provider.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { slug: 'asc' }, select: { id: true, slug: true, name: true } });
    await prisma.provider.update({ where: { id: provider.id }, data: { contactEmail: CONTACT, contactSource: SOURCE } });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it('members list who has one, and filter on it, without the address itself', async () => {
    const all = await listAdminEntries(prisma, 'Provider', parseListFilter({ q: provider.name }));
    expect(all.rows.find((row) => row.id === provider.id)).toMatchObject({ hasContact: true });
    expect(JSON.stringify(all)).not.toContain(CONTACT);
    const withContact = await listAdminEntries(prisma, 'Provider', parseListFilter({ contact: 'avec' }));
    expect(withContact.rows.map((row) => row.id)).toEqual([provider.id]);
    const without = await listAdminEntries(prisma, 'Provider', parseListFilter({ contact: 'sans' }));
    expect(without.total).toBe((await prisma.provider.count()) - 1);
    expect(without.rows.map((row) => row.id)).not.toContain(provider.id);
  });

  it('is in no open data: dataset, CSV files, repertoire.json, HSDS, API records', async () => {
    const dataset = await loadPublishedDataset(prisma);
    expect(dataset.providers.map((row) => row.slug)).toContain(provider.slug);
    const outputs: [string, string][] = [
      ['dataset', JSON.stringify(dataset)],
      ...CSV_FILES.map((file): [string, string] => [`${file}.csv`, datasetToCsv(dataset, file, SITE)]),
      ['repertoire.json', JSON.stringify(toDatasetExport(toRecords(dataset, SITE), { siteUrl: SITE, licence, lastModified: dataset.lastModified }))],
      ['hsds', JSON.stringify(toHsds(dataset, { siteUrl: SITE, licence }))],
      ['api', JSON.stringify(toRecords(dataset, SITE))],
    ];
    for (const [name, text] of outputs) {
      expect(text, name).not.toContain(CONTACT);
      expect(text, name).not.toContain('source-privee-42');
      expect(text, name).not.toMatch(/contact_?(email|source)/i);
    }
  });

  it('is not in the basket, its page nor its CSV', async () => {
    const { items } = await findBasketItems(prisma, [{ kind: 'provider', slug: provider.slug }]);
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items)).not.toContain(CONTACT);
    expect(basketToCsv(items, SITE)).not.toContain(CONTACT);
  });

  it('an import file cannot set it: a contact_email column is not read', async () => {
    const dataset = await loadPublishedDataset(prisma);
    const csv = datasetToCsv(dataset, 'fournisseurs', SITE);
    const [header, ...lines] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const withColumn = [`${header};contact_email`, ...lines.filter(Boolean).map((line) => `${line};pirate@example.org`)].join('\r\n');
    const { plan } = await planImport(prisma, parseImportFile('fournisseurs.csv', withColumn), withColumn);
    expect(JSON.stringify(plan)).not.toContain('pirate@example.org');
    expect(await prisma.provider.count({ where: { contactEmail: 'pirate@example.org' } })).toBe(0);
  });

  it('the history keeps it (members only)', async () => {
    expect(await loadEntrySnapshot(prisma, 'Provider', provider.id)).toMatchObject({ contactEmail: CONTACT, contactSource: SOURCE });
  });
});
