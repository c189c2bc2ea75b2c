// The admin import against a real, seeded PostgreSQL: what /donnees exports (built by the
// very functions of lib/export) imports back with no change at all; an edited file shows each
// change (old → new) and applies it with the history; one bad row blocks the whole file and
// nothing is written; a plan that no longer matches the database is not applied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { toRecords } from '@/lib/api/records';
import { datasetToCsv, type CsvFile } from '@/lib/export/csv';
import { toDatasetExport } from '@/lib/export/json';
import { loadPublishedDataset } from '@/lib/export/load-dataset';
import { applyImport } from '@/lib/import/apply';
import { parseImportFile } from '@/lib/import/parse';
import { planImport, type ImportPlan } from '@/lib/import/plan';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `import_test_${process.pid}_${Date.now()}`;
const SITE = 'https://repertoire.example.org';
const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' };
const actor = { actorId: null, ip: '203.0.113.9' };

describe.skipIf(!serverUrl)('import (CSV and repertoire.json)', () => {
  let prisma: PrismaClient;

  const exportCsv = async (file: CsvFile) => datasetToCsv(await loadPublishedDataset(prisma), file, SITE);
  const exportJson = async () => {
    const dataset = await loadPublishedDataset(prisma);
    return `${JSON.stringify(toDatasetExport(toRecords(dataset, SITE), { siteUrl: SITE, licence, lastModified: dataset.lastModified }), null, 2)}\n`;
  };
  const plan = async (fileName: string, content: string): Promise<ImportPlan> => (await planImport(prisma, parseImportFile(fileName, content), content)).plan;
  const state = async () => ({
    audit: await prisma.auditLog.count(),
    versions: await prisma.$queryRaw<{ sum: number }[]>`SELECT (SELECT coalesce(sum(version), 0) FROM "Need") + (SELECT coalesce(sum(version), 0) FROM "Solution") + (SELECT coalesce(sum(version), 0) FROM "Provider") + (SELECT coalesce(sum(version), 0) FROM "Theme") AS sum`,
    links: (await prisma.needSolution.count()) + (await prisma.solutionProvider.count()) + (await prisma.needLink.count()),
    dataset: JSON.stringify(await loadPublishedDataset(prisma)),
  });

  /** Edits cells of a CSV the way a spreadsheet would: parse, change, write back with ";" and a BOM. */
  function editCsv(csv: string, edit: (rows: Record<string, string>[]) => Record<string, string>[]): string {
    const rows = parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const edited = edit(rows);
    return stringify(edited, { header: true, columns: Object.keys(rows[0]!), delimiter: ';', bom: true, record_delimiter: 'windows', escape_formulas: true });
  }

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
    // Cases the round trip must survive: text that CSV quotes and that a spreadsheet would run
    // as a formula, an unpublished theme and an archived solution (absent from the files).
    const providers = await prisma.provider.findMany({ orderBy: { slug: 'asc' }, take: 2 });
    await prisma.provider.update({ where: { id: providers[0]!.id }, data: { description: '=1+1 ; "cité"\nDeuxième ligne', phone: '+1 514 555-0100', languages: ['fr', 'en'], verifiedAt: new Date('2026-03-04T05:06:07.089Z'), regions: ['MONTREAL', 'LAVAL'] } });
    await prisma.provider.update({ where: { id: providers[1]!.id }, data: { name: '@Centre « Ça ; va », inc.', toVerify: true, verifyNote: '-5 % pour les membres' } });
    const need = await prisma.need.findFirstOrThrow({ where: { themeId: { not: null } }, orderBy: { position: 'desc' } });
    await prisma.theme.update({ where: { id: need.themeId! }, data: { status: 'DRAFT' } });
    const linked = await prisma.needSolution.findFirstOrThrow({ orderBy: [{ needId: 'asc' }, { position: 'asc' }] });
    await prisma.solution.update({ where: { id: linked.solutionId }, data: { status: 'ARCHIVED' } });
    const child = await prisma.solution.findFirstOrThrow({ where: { parentId: { not: null } } });
    await prisma.solution.update({ where: { id: child.parentId! }, data: { status: 'DRAFT' } });
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it.each(['themes', 'fournisseurs', 'solutions', 'besoins'] as const)('%s.csv from /donnees imports back unchanged, and applying it changes nothing', async (file) => {
    const csv = await exportCsv(file);
    const result = await plan(`${file}.csv`, csv);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.filter((row) => row.outcome !== 'unchanged').map((row) => [row.where, row.slug, row.errors, row.changes])).toEqual([]);
    expect(result.counts.unchanged).toBeGreaterThan(5);

    const before = await state();
    const applied = await applyImport(prisma, { fileName: `${file}.csv`, content: csv }, { newStatus: 'DRAFT', actor, expectedHash: result.hash });
    expect(applied).toMatchObject({ ok: true, created: [], updated: [] });
    expect(await state()).toEqual(before);
  });

  it('repertoire.json from /donnees imports back unchanged (fields and links), and applying it changes nothing', async () => {
    const json = await exportJson();
    const result = await plan('repertoire.json', json);
    expect(result.fileErrors).toEqual([]);
    expect(result.rows.filter((row) => row.outcome !== 'unchanged').map((row) => [row.where, row.slug, row.errors, row.changes])).toEqual([]);
    expect(result.counts.unchanged).toBe(result.rows.length);

    const before = await state();
    expect(await applyImport(prisma, { fileName: 'repertoire.json', content: json }, { newStatus: 'DRAFT', actor, expectedHash: result.hash })).toMatchObject({ ok: true, created: [], updated: [] });
    expect(await state()).toEqual(before);
  });

  it('shows each change and each new entry, then applies them with the history', async () => {
    const csv = editCsv(await exportCsv('fournisseurs'), (rows) => {
      rows[3]!.description = 'Nouvelle description, importée.';
      rows[3]!.regions = 'Montréal|LAVAL';
      return [...rows, { ...rows[0]!, slug: 'nouvel-organisme-importe', name: 'Nouvel organisme importé', kind: 'Programme', url: '', updated_at: '' }];
    });
    const target = (parse(csv, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[])[3]!;
    const current = await prisma.provider.findUniqueOrThrow({ where: { slug: target.slug } });

    const result = await plan('fournisseurs.csv', csv);
    expect(result.counts).toMatchObject({ create: 1, update: 1, error: 0 });
    const changed = result.rows.find((row) => row.outcome === 'update')!;
    expect(changed).toMatchObject({ slug: target.slug, where: 'ligne 5' });
    expect(changed.changes.find((change) => change.key === 'description')).toEqual({ key: 'description', label: 'Description', before: current.description || '(vide)', after: 'Nouvelle description, importée.' });
    expect(changed.changes.find((change) => change.key === 'regions')?.after).toBe('Montréal, Laval');

    const applied = await applyImport(prisma, { fileName: 'fournisseurs.csv', content: csv }, { newStatus: 'PUBLISHED', actor: { actorId: null, ip: '203.0.113.10' }, expectedHash: result.hash });
    expect(applied).toMatchObject({ ok: true, created: [{ entity: 'Provider', slug: 'nouvel-organisme-importe', status: 'PUBLISHED' }], updated: [{ slug: target.slug }] });

    const after = await prisma.provider.findUniqueOrThrow({ where: { slug: target.slug } });
    expect(after).toMatchObject({ description: 'Nouvelle description, importée.', version: current.version + 1 });
    expect([...after.regions].sort()).toEqual(['LAVAL', 'MONTREAL']);
    const history = await prisma.auditLog.findMany({ where: { ip: '203.0.113.10' }, orderBy: { action: 'asc' } });
    expect(history.map((entry) => entry.action)).toEqual(['provider.create', 'provider.import']);
    expect(history[1]).toMatchObject({ entityId: after.id, before: { description: current.description, version: current.version }, after: { description: 'Nouvelle description, importée.', version: current.version + 1 } });
    const created = await prisma.provider.findUniqueOrThrow({ where: { slug: 'nouvel-organisme-importe' } });
    expect(created).toMatchObject({ kind: 'PROGRAM', status: 'PUBLISHED', version: 1 });

    // The same file again: nothing left to do.
    const again = await plan('fournisseurs.csv', csv);
    expect(again.counts).toMatchObject({ create: 0, update: 0, error: 0 });
  });

  it('reports every bad row with its line and column, and one bad row blocks the whole file', async () => {
    const csv = editCsv(await exportCsv('fournisseurs'), (rows) => {
      rows[0]!.description = 'Ce changement ne doit pas être écrit.';
      rows[1]!.kind = 'PAS_UN_GENRE';
      rows[2]!.name = 'x'.repeat(400);
      rows[4]!.slug = rows[3]!.slug!;
      rows[5]!.website = 'pas une adresse';
      rows[6]!.verified_at = '31/12/2025';
      return [...rows, { ...rows[0]!, slug: 'sans-nom', name: '' }, { ...rows[0]!, slug: 'Pas Un Slug' }];
    });
    const result = await plan('fournisseurs.csv', csv);
    const errorsOf = (line: number) => result.rows.find((row) => row.where === `ligne ${line}`)!.errors;
    expect(errorsOf(3)).toEqual([{ column: 'kind', message: expect.stringMatching(/« PAS_UN_GENRE » n’est pas une valeur permise\. Valeurs permises : ORGANIZATION \(Organisme\), PROGRAM \(Programme\)/) }]);
    expect(errorsOf(4)).toEqual([{ column: 'name', message: expect.stringMatching(/trop long : 400 caractères, au plus 200/) }]);
    expect(errorsOf(6)).toEqual([{ column: 'slug', message: expect.stringMatching(/apparaît déjà plus haut dans le fichier \(ligne 5\)/) }]);
    expect(errorsOf(7)).toEqual([{ column: 'website', message: expect.stringMatching(/n’est pas une adresse Web complète/) }]);
    expect(errorsOf(8)).toEqual([{ column: 'verified_at', message: expect.stringMatching(/AAAA-MM-JJ/) }]);
    const lastLine = result.rows.length + 1;
    expect(errorsOf(lastLine - 1)).toEqual([{ column: 'name', message: expect.stringMatching(/obligatoire/) }]);
    expect(errorsOf(lastLine)[0]).toMatchObject({ column: 'slug', message: expect.stringMatching(/n’est pas un identifiant valide/) });
    expect(result.counts.update).toBe(1);

    const before = await state();
    const applied = await applyImport(prisma, { fileName: 'fournisseurs.csv', content: csv }, { newStatus: 'DRAFT', actor, expectedHash: result.hash });
    expect(applied).toMatchObject({ ok: false, reason: 'invalid' });
    expect(await state()).toEqual(before);
  });

  it('checks references against the database and the file', async () => {
    const csv = editCsv(await exportCsv('besoins'), (rows) => {
      rows[0]!.theme = 'theme-inexistant';
      return rows;
    });
    const result = await plan('besoins.csv', csv);
    expect(result.rows[0]!.errors).toEqual([{ column: 'theme', message: expect.stringMatching(/« theme-inexistant » : aucun thème n’a cet identifiant/) }]);

    const solutions = editCsv(await exportCsv('solutions'), (rows) => {
      const [a, b] = [rows[0]!, rows[1]!];
      a.parent = b.slug!;
      b.parent = a.slug!;
      return rows;
    });
    const loops = await plan('solutions.csv', solutions);
    expect(loops.rows[0]!.errors).toEqual([{ column: 'parent', message: expect.stringMatching(/boucle/) }]);
  });

  it('does not apply a plan that no longer matches the database', async () => {
    const csv = editCsv(await exportCsv('themes'), (rows) => {
      rows[0]!.description = 'Description importée';
      return rows;
    });
    const result = await plan('themes.csv', csv);
    expect(result.counts.update).toBe(1);
    const theme = await prisma.theme.findUniqueOrThrow({ where: { slug: result.rows[0]!.slug } });
    await prisma.theme.update({ where: { id: theme.id }, data: { name: 'Changé entre-temps', version: { increment: 1 } } });

    const applied = await applyImport(prisma, { fileName: 'themes.csv', content: csv }, { newStatus: 'DRAFT', actor, expectedHash: result.hash });
    expect(applied).toMatchObject({ ok: false, reason: 'stale' });
    expect((await prisma.theme.findUniqueOrThrow({ where: { id: theme.id } })).description).toBe(theme.description);
    if (applied.ok || applied.reason !== 'stale') throw new Error('unreachable');
    expect(applied.plan.rows[0]!.changes.map((change) => change.key).sort()).toEqual(['description', 'name']);
  });

  it('changes links from repertoire.json and records both ends in the history', async () => {
    const data = JSON.parse(await exportJson()) as { needs: { slug: string; solutions: { slug: string }[] }[] };
    const need = data.needs.find((entry) => entry.solutions.length >= 2)!;
    const removed = need.solutions.pop()!;
    need.solutions.reverse();
    const content = JSON.stringify(data);
    const result = await plan('repertoire.json', content);
    expect(result.rows.filter((row) => row.outcome === 'update').map((row) => [row.slug, row.linkChanges])).toEqual([[need.slug, ['solutions']]]);

    const mark = await prisma.auditLog.count();
    const applied = await applyImport(prisma, { fileName: 'repertoire.json', content }, { newStatus: 'DRAFT', actor, expectedHash: result.hash });
    expect(applied.ok).toBe(true);
    const links = await prisma.needSolution.findMany({ where: { need: { slug: need.slug }, solution: { status: 'PUBLISHED' } }, orderBy: { position: 'asc' }, include: { solution: true } });
    expect(links.map((link) => link.solution.slug)).toEqual(need.solutions.map((solution) => solution.slug));
    const history = await prisma.auditLog.findMany({ orderBy: { createdAt: 'asc' }, skip: mark });
    expect(history.map((entry) => entry.action)).toContain('need.import');
    const removedSolution = await prisma.solution.findUniqueOrThrow({ where: { slug: removed.slug } });
    expect(history.some((entry) => entry.action === 'solution.import' && entry.entityId === removedSolution.id)).toBe(true);
    expect((await plan('repertoire.json', content)).counts.update).toBe(0);
  });
});
