// The open data and the portrait against a real, seeded PostgreSQL: the dataset loader keeps
// only what is published, the portrait's figures equal independent SQL counts, the HSDS
// export of the real inventory validates against the official schemas, and the CSV files
// come back intact through csv-parse. Runs in a database of its own (created, migrated,
// seeded, then edited here so that every kind of case exists, and dropped at the end).
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { toRecords } from '@/lib/api/records';
import { DatasetSchema } from '@/lib/api/schemas';
import { CSV_DELIMITER, datasetToCsv } from '@/lib/export/csv';
import { toHsds } from '@/lib/export/hsds';
import { toDatasetExport } from '@/lib/export/json';
import { loadPublishedDataset } from '@/lib/export/load-dataset';
import type { Dataset } from '@/lib/export/types';
import { computePortrait } from '@/lib/portrait/compute';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { describeErrors, hsdsValidators } from '../helpers/json-schemas';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `open_data_test_${process.pid}_${Date.now()}`;
const SITE = 'https://repertoire.example.org';
const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' };
const TRICKY = 'Centre « Ça ; va », "TI", inc.\nDeuxième ligne';

type Count = { count: number };

describe.skipIf(!serverUrl)('open data against the seeded database', () => {
  let prisma: PrismaClient;
  let dataset: Dataset;
  const now = new Date();

  const count = async (query: Promise<Count[]>) => (await query)[0]!.count;

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);

    // Every case the figures must handle: verified recently, long ago, in the future (an
    // unusable date), regions including all Québec, an archived solution and a draft need
    // (neither counts), a provider with text that CSV must quote.
    const day = 24 * 60 * 60 * 1000;
    const providers = await prisma.provider.findMany({ orderBy: { slug: 'asc' }, take: 4 });
    await prisma.provider.update({ where: { id: providers[0]!.id }, data: { verifiedAt: new Date(now.getTime() - 30 * day), regions: ['ALL_QUEBEC'] } });
    await prisma.provider.update({ where: { id: providers[1]!.id }, data: { verifiedAt: new Date(now.getTime() - 800 * day), regions: ['MONTREAL', 'LAVAL'], audiences: ['YOUTH'] } });
    await prisma.provider.update({ where: { id: providers[2]!.id }, data: { verifiedAt: new Date(now.getTime() + 30 * day) } });
    await prisma.provider.update({ where: { id: providers[3]!.id }, data: { name: TRICKY, description: '=1+1', website: 'https://exemple.org/a?b=1;c=2' } });
    const needs = await prisma.need.findMany({ orderBy: { position: 'asc' }, take: 2 });
    await prisma.need.update({ where: { id: needs[0]!.id }, data: { verifiedAt: new Date(now.getTime() - 100 * day) } });
    const solutions = await prisma.solution.findMany({ where: { availability: 'EXISTING' }, orderBy: { slug: 'asc' }, take: 2 });
    await prisma.solution.update({ where: { id: solutions[0]!.id }, data: { status: 'ARCHIVED' } });
    await prisma.solution.update({ where: { id: solutions[1]!.id }, data: { verifiedAt: new Date(now.getTime() - 5 * day), toVerify: true } });
    await prisma.need.create({ data: { slug: 'brouillon', kind: 'NEED', title: 'Brouillon', description: 'Pas publié', position: 99, status: 'DRAFT' } });

    dataset = await loadPublishedDataset(prisma);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it('loads only published entries, and the date of the last change', async () => {
    expect(dataset.needs.map((need) => need.slug)).not.toContain('brouillon');
    const archived = await prisma.solution.findFirstOrThrow({ where: { status: 'ARCHIVED' } });
    expect(dataset.solutions.map((solution) => solution.slug)).not.toContain(archived.slug);
    expect(dataset.needs.flatMap((need) => need.solutionSlugs)).not.toContain(archived.slug);
    const [{ max }] = await prisma.$queryRaw<[{ max: Date }]>`
      SELECT max(m) AS max FROM (
        SELECT max("updatedAt") AS m FROM "Theme" WHERE status <> 'DRAFT'
        UNION ALL SELECT max("updatedAt") FROM "Need" WHERE status <> 'DRAFT'
        UNION ALL SELECT max("updatedAt") FROM "Solution" WHERE status <> 'DRAFT'
        UNION ALL SELECT max("updatedAt") FROM "Provider" WHERE status <> 'DRAFT') dates`;
    expect(dataset.lastModified).toBe(max.toISOString());
  });

  it('computes the key figures that SQL counts give', async () => {
    const { figures } = computePortrait(dataset, now);
    const published = { needs: 0, issues: 0, existing: 0, unconfirmed: 0, proposed: 0, providers: 0 };
    published.needs = await count(prisma.$queryRaw<Count[]>`SELECT count(*)::int AS count FROM "Need" WHERE status = 'PUBLISHED' AND kind = 'NEED'`);
    published.issues = await count(prisma.$queryRaw<Count[]>`SELECT count(*)::int AS count FROM "Need" WHERE status = 'PUBLISHED' AND kind = 'ISSUE'`);
    published.existing = await count(prisma.$queryRaw<Count[]>`SELECT count(*)::int AS count FROM "Solution" WHERE status = 'PUBLISHED' AND availability = 'EXISTING'`);
    published.proposed = await count(prisma.$queryRaw<Count[]>`SELECT count(*)::int AS count FROM "Solution" WHERE status = 'PUBLISHED' AND availability = 'PROPOSED'`);
    published.unconfirmed = await count(prisma.$queryRaw<Count[]>`SELECT count(*)::int AS count FROM "Solution" WHERE status = 'PUBLISHED' AND availability = 'UNCONFIRMED'`);
    published.providers = await count(prisma.$queryRaw<Count[]>`SELECT count(*)::int AS count FROM "Provider" WHERE status = 'PUBLISHED'`);
    const verified = await count(prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS count FROM (
        SELECT "verifiedAt" FROM "Need" WHERE status = 'PUBLISHED'
        UNION ALL SELECT "verifiedAt" FROM "Solution" WHERE status = 'PUBLISHED'
        UNION ALL SELECT "verifiedAt" FROM "Provider" WHERE status = 'PUBLISHED') entries
      WHERE "verifiedAt" >= ${now}::timestamptz - interval '12 months' AND "verifiedAt" <= ${now}::timestamptz + interval '1 day'`);
    const toVerify = await count(prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS count FROM (
        SELECT "toVerify" FROM "Need" WHERE status = 'PUBLISHED'
        UNION ALL SELECT "toVerify" FROM "Solution" WHERE status = 'PUBLISHED'
        UNION ALL SELECT "toVerify" FROM "Provider" WHERE status = 'PUBLISHED') entries WHERE "toVerify"`);
    const never = await count(prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS count FROM (
        SELECT "verifiedAt" FROM "Need" WHERE status = 'PUBLISHED'
        UNION ALL SELECT "verifiedAt" FROM "Solution" WHERE status = 'PUBLISHED'
        UNION ALL SELECT "verifiedAt" FROM "Provider" WHERE status = 'PUBLISHED') entries WHERE "verifiedAt" IS NULL`);
    const entries = published.needs + published.issues + published.existing + published.unconfirmed + published.proposed + published.providers;

    expect(figures).toMatchObject({
      needs: published.needs,
      issues: published.issues,
      existingSolutions: published.existing,
      unconfirmedSolutions: published.unconfirmed,
      proposedSolutions: published.proposed,
      providers: published.providers,
      entries,
      verifiedRecently: verified,
      toVerify,
      neverVerified: never,
      // The rest: verified long ago, or a date in the future.
      stale: entries - verified - never,
    });
    // The edits above: 3 verified recently, 2 stale (800 days, and the future date).
    expect([verified, entries - verified - never]).toEqual([3, 2]);
    // The seed's two solutions that may exist (« potentiellement », « a été approché »).
    expect(published.unconfirmed).toBe(2);
    expect(figures.verifiedShare).toBeCloseTo(verified / entries);
  });

  it('gives each need the solutions and providers that SQL finds (sub-points answer their parent’s need)', async () => {
    const rows = await prisma.$queryRaw<{ slug: string; existing: number; unconfirmed: number; proposed: number; providers: number }[]>`
      WITH linked AS (
        SELECT n.id AS need_id, s.id AS solution_id
        FROM "Need" n JOIN "NeedSolution" ns ON ns."needId" = n.id JOIN "Solution" s ON s.id = ns."solutionId"
        WHERE s.status = 'PUBLISHED'
        UNION
        SELECT n.id, child.id
        FROM "Need" n JOIN "NeedSolution" ns ON ns."needId" = n.id JOIN "Solution" parent ON parent.id = ns."solutionId"
        JOIN "Solution" child ON child."parentId" = parent.id
        WHERE parent.status = 'PUBLISHED' AND child.status = 'PUBLISHED'
          AND NOT EXISTS (SELECT 1 FROM "NeedSolution" own JOIN "Need" owner ON owner.id = own."needId"
                          WHERE own."solutionId" = child.id AND owner.status = 'PUBLISHED')
      )
      SELECT n.slug,
        (SELECT count(*)::int FROM linked l JOIN "Solution" s ON s.id = l.solution_id WHERE l.need_id = n.id AND s.availability = 'EXISTING') AS existing,
        (SELECT count(*)::int FROM linked l JOIN "Solution" s ON s.id = l.solution_id WHERE l.need_id = n.id AND s.availability = 'UNCONFIRMED') AS unconfirmed,
        (SELECT count(*)::int FROM linked l JOIN "Solution" s ON s.id = l.solution_id WHERE l.need_id = n.id AND s.availability = 'PROPOSED') AS proposed,
        (SELECT count(DISTINCT sp."providerId")::int FROM linked l JOIN "SolutionProvider" sp ON sp."solutionId" = l.solution_id
           JOIN "Provider" p ON p.id = sp."providerId" WHERE l.need_id = n.id AND p.status = 'PUBLISHED') AS providers
      FROM "Need" n WHERE n.status = 'PUBLISHED' ORDER BY n.position`;
    const { coverage, gaps } = computePortrait(dataset, now);
    expect(coverage.map(({ slug, existing, unconfirmed, proposed, providers }) => ({ slug, existing, unconfirmed, proposed, providers }))).toEqual(rows);
    expect(gaps.needsWithoutExisting.map((need) => need.slug)).toEqual(rows.filter((row) => row.existing === 0).map((row) => row.slug));
  });

  it('counts solutions per kind of help and cost, and providers per region, as SQL does', async () => {
    const { breakdowns } = computePortrait(dataset, now);
    const kinds = await prisma.$queryRaw<{ kind: string; availability: string; count: number }[]>`
      SELECT kind::text, availability::text, count(*)::int AS count FROM "Solution", unnest(kinds) AS kind
      WHERE status = 'PUBLISHED' GROUP BY 1, 2`;
    for (const row of breakdowns.helpKinds.rows.filter((candidate) => candidate.key !== 'UNSPECIFIED')) {
      const of = (availability: string) => kinds.find((k) => k.kind === row.key && k.availability === availability)?.count ?? 0;
      expect(row.values, row.key).toEqual([of('EXISTING'), of('PROPOSED'), of('UNCONFIRMED')]);
    }
    const costs = await prisma.$queryRaw<{ cost: string; availability: string; count: number }[]>`
      SELECT cost::text, availability::text, count(*)::int AS count FROM "Solution" WHERE status = 'PUBLISHED' GROUP BY 1, 2`;
    for (const row of breakdowns.costs.rows) {
      const of = (availability: string) => costs.find((c) => c.cost === row.key && c.availability === availability)?.count ?? 0;
      expect(row.values, row.key).toEqual([of('EXISTING'), of('PROPOSED'), of('UNCONFIRMED')]);
    }
    const montreal = await count(prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS count FROM "Provider" WHERE status = 'PUBLISHED' AND ('MONTREAL' = ANY(regions::text[]) OR 'ALL_QUEBEC' = ANY(regions::text[]))`);
    const unspecified = await count(prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS count FROM "Provider" WHERE status = 'PUBLISHED' AND cardinality(regions) = 0`);
    expect(breakdowns.regions.rows.find((row) => row.key === 'MONTREAL')?.values).toEqual([montreal]);
    expect(breakdowns.regions.rows.find((row) => row.key === 'UNSPECIFIED')?.values).toEqual([unspecified]);
    expect(montreal).toBe(2);
  });

  it('exports the real inventory in HSDS 3.1, valid against the official schemas', () => {
    const hsds = toHsds(dataset, { siteUrl: SITE, licence }) as { organizations: object[]; services: object[]; taxonomies: object[]; taxonomy_terms: object[] };
    const validators = hsdsValidators();
    const check = (kind: keyof typeof validators, value: object) => {
      const validate = validators[kind];
      expect(validate(value), describeErrors(validate.errors)).toBe(true);
    };
    expect(hsds.organizations).toHaveLength(dataset.providers.length);
    expect(hsds.services).toHaveLength(dataset.solutions.length);
    for (const organization of hsds.organizations) check('organization', organization);
    for (const service of hsds.services) check('service', service);
    for (const taxonomy of hsds.taxonomies) check('taxonomy', taxonomy);
    for (const term of hsds.taxonomy_terms) check('taxonomy_term', term);
  });

  it('exports JSON records that satisfy the API schemas', () => {
    const exported = toDatasetExport(toRecords(dataset, SITE), { siteUrl: SITE, licence, lastModified: dataset.lastModified });
    expect(() => DatasetSchema.parse(exported)).not.toThrow();
    expect(exported.solutions).toHaveLength(dataset.solutions.length);
  });

  it('writes CSV files that csv-parse reads back intact (accents, quotes, semicolons, line breaks)', async () => {
    const providers = parse(datasetToCsv(dataset, 'fournisseurs', SITE), { bom: true, delimiter: CSV_DELIMITER, columns: true }) as Record<string, string>[];
    expect(providers).toHaveLength(await prisma.provider.count({ where: { status: 'PUBLISHED' } }));
    const tricky = providers.find((row) => row.name === TRICKY);
    expect(tricky).toMatchObject({ description: "'=1+1", website: 'https://exemple.org/a?b=1;c=2' });

    const inventory = parse(datasetToCsv(dataset, 'inventaire', SITE), { bom: true, delimiter: CSV_DELIMITER, columns: true }) as Record<string, string>[];
    const pairs = await count(prisma.$queryRaw<Count[]>`
      SELECT count(*)::int AS count FROM "NeedSolution" ns JOIN "Need" n ON n.id = ns."needId" JOIN "Solution" s ON s.id = ns."solutionId"
      WHERE n.status = 'PUBLISHED' AND s.status = 'PUBLISHED'`);
    const needsWithout = dataset.needs.filter((need) => need.solutionSlugs.length === 0).length;
    const unlinked = dataset.solutions.filter((solution) => !dataset.needs.some((need) => need.solutionSlugs.includes(solution.slug))).length;
    expect(inventory).toHaveLength(pairs + needsWithout + unlinked);
    expect(inventory.some((row) => row.Fournisseurs?.includes(TRICKY))).toBe(true);

    const links = parse(datasetToCsv(dataset, 'liens', SITE), { bom: true, delimiter: CSV_DELIMITER, columns: true }) as Record<string, string>[];
    expect(links.filter((row) => row.relation === 'besoin-solution')).toHaveLength(pairs);
  });
});
