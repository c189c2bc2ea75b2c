// Reading an uploaded file (lib/import/parse.ts) and checking its rows without the database
// (lib/import/validate.ts): which entries a file holds, separators, the apostrophe /donnees
// puts before formulas, and French messages that name the row and the column.
import { describe, expect, it } from 'vitest';
import { datasetToCsv } from '@/lib/export/csv';
import { parseImportFile, unescapeFormula } from '@/lib/import/parse';
import { validateRows } from '@/lib/import/validate';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from '@/lib/import/words';
import { fixtureDataset } from '../fixtures/open-data/dataset';

const SITE = 'https://repertoire.example.org';

describe('parseImportFile', () => {
  it('tells the entries of a CSV by its columns, even renamed', () => {
    expect(parseImportFile('export (2).csv', datasetToCsv(fixtureDataset, 'fournisseurs', SITE)).rows[0]!.entity).toBe('Provider');
    expect(parseImportFile('a.csv', datasetToCsv(fixtureDataset, 'solutions', SITE)).rows[0]!.entity).toBe('Solution');
    expect(parseImportFile('b.csv', datasetToCsv(fixtureDataset, 'besoins', SITE)).rows[0]!.entity).toBe('Need');
    expect(parseImportFile('c.csv', datasetToCsv(fixtureDataset, 'themes', SITE)).label).toBe('Thèmes (CSV)');
  });

  it('refuses the files that do not import, saying what to do', () => {
    expect(parseImportFile('liens.csv', datasetToCsv(fixtureDataset, 'liens', SITE)).errors[0]).toMatch(/repertoire\.json/);
    expect(parseImportFile('inventaire.csv', datasetToCsv(fixtureDataset, 'inventaire', SITE)).errors[0]).toMatch(/ne s’importe pas/);
    expect(parseImportFile('x.csv', 'nom;description\r\nA;B\r\n').errors[0]).toMatch(/« slug »/);
    expect(parseImportFile('x.json', '{"format":"repertoire-numerique-sauvegarde"}').errors[0]).toMatch(/npm run db:import/);
    expect(parseImportFile('x.json', '{"hsds_version":"3.1"}').errors[0]).toMatch(/HSDS/);
    expect(parseImportFile('x.json', '{ pas du json').errors[0]).toMatch(/JSON valide/);
    expect(parseImportFile('x.csv', 'slug;name\r\n"a;b\r\n').errors[0]).toMatch(/guillemet/);
  });

  it('reads ";" or "," separated files, skips empty rows, numbers rows as a spreadsheet does', () => {
    const parsed = parseImportFile('themes.csv', 'slug,name,couleur\r\nsecurite,Sécurité,bleu\r\n,,\r\ncompetences,"Compétences, formation",\r\n');
    expect(parsed.rows.map((row) => [row.where, row.slug.value, row.cells.get('name')?.value])).toEqual([
      ['ligne 2', 'securite', 'Sécurité'],
      ['ligne 4', 'competences', 'Compétences, formation'],
    ]);
    expect(parsed.notes).toEqual(['Colonnes ignorées (inconnues pour ce fichier) : « couleur ».']);
  });

  it('takes off the apostrophe /donnees puts before a formula, and only that one', () => {
    expect(unescapeFormula("'=SOMME(A1)")).toBe('=SOMME(A1)');
    expect(unescapeFormula("'+1 514 555-0100")).toBe('+1 514 555-0100');
    expect(unescapeFormula("'-5 %")).toBe('-5 %');
    expect(unescapeFormula("'Allo")).toBe("'Allo");
    const provider = parseImportFile('fournisseurs.csv', datasetToCsv(fixtureDataset, 'fournisseurs', SITE)).rows.find((row) => row.slug.value === 'educaloi')!;
    expect(provider.cells.get('description')?.value).toBe('=SOMME(A1)');
  });

  it('refuses a header or a row of too many cells, in French, without parsing the file', () => {
    const header = ['slug', 'name', ...Array.from({ length: MAX_IMPORT_COLUMNS - 1 }, (_, index) => `c${index}`)];
    const parsed = parseImportFile('themes.csv', `${header.join(';')}\r\na;A\r\n`);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual(['La première ligne a plus de 200 colonnes : est-ce bien un fichier de la page Données ouvertes ?']);
    // As many cells in a row, or megabytes of separators: refused before the file is parsed.
    expect(parseImportFile('themes.csv', `slug;name\r\na;A\r\nb;B${';'.repeat(MAX_IMPORT_COLUMNS)}\r\n`).errors).toEqual([
      'La ligne 3 a plus de 200 cellules : un séparateur est peut-être en trop, ou ce n’est pas un fichier de la page Données ouvertes.',
    ]);
    expect(parseImportFile('themes.csv', `slug;name\r\na;A${';'.repeat(5_000_000)}\r\n`).errors[0]).toMatch(/^La ligne 2 a plus de 200 cellules/);
    // Separators inside quotes are text, not cells.
    const quoted = parseImportFile('themes.csv', `slug;name\r\na;"${';'.repeat(500)}"\r\n`);
    expect(quoted.errors).toEqual([]);
    expect(quoted.rows[0]!.cells.get('name')?.value).toBe(';'.repeat(500));
    // At the limit, the file is read (the extra columns are only ignored).
    const atLimit = parseImportFile('themes.csv', `${header.slice(0, MAX_IMPORT_COLUMNS).join(';')}\r\na;A\r\n`);
    expect(atLimit.errors).toEqual([]);
    expect(atLimit.rows).toHaveLength(1);
  });

  it('still names every duplicated column', () => {
    expect(parseImportFile('themes.csv', 'slug;name;name;x;slug;x;y\r\na;A;A;;a;;\r\n').errors).toEqual(['Colonne en double dans l’en-tête : « name », « slug », « x ».']);
  });

  it('refuses more rows than an import takes, in CSV and in repertoire.json', () => {
    const lines = (count: number) => Array.from({ length: count }, (_, index) => `t${index};Thème ${index}`).join('\r\n');
    const tooMany = `Ce fichier a plus de ${(20_000).toLocaleString('fr-CA')} fiches : importez-les en plusieurs fichiers.`;
    expect(MAX_IMPORT_ROWS).toBe(20_000);
    expect(parseImportFile('themes.csv', `slug;name\r\n${lines(MAX_IMPORT_ROWS + 1)}\r\n`).errors).toEqual([tooMany]);
    const atLimit = parseImportFile('themes.csv', `slug;name\r\n${lines(MAX_IMPORT_ROWS)}\r\n`);
    expect(atLimit.errors).toEqual([]);
    expect(atLimit.rows).toHaveLength(MAX_IMPORT_ROWS);
    expect(atLimit.rows.at(-1)!.where).toBe(`ligne ${MAX_IMPORT_ROWS + 1}`);

    const themes = Array.from({ length: 10_001 }, (_, index) => ({ slug: `t${index}`, name: 'T' }));
    const providers = Array.from({ length: 10_000 }, (_, index) => ({ slug: `p${index}`, name: 'P' }));
    expect(parseImportFile('repertoire.json', JSON.stringify({ themes, providers })).errors).toEqual([tooMany]);
    expect(parseImportFile('repertoire.json', JSON.stringify({ themes: themes.slice(1), providers })).rows).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('reads a file named after a key every object has (constructor.csv) like any other', () => {
    const csv = datasetToCsv(fixtureDataset, 'fournisseurs', SITE);
    for (const name of ['constructor.csv', '__proto__.csv', 'hasOwnProperty.csv', 'toString.csv']) {
      const parsed = parseImportFile(name, csv);
      expect(parsed.errors, name).toEqual([]);
      expect(parsed.label, name).toBe('Fournisseurs (CSV)');
      expect(parsed.rows[0]!.entity, name).toBe('Provider');
    }
    // Unrecognisable columns: a French sentence, not whatever the name pointed to.
    expect(parseImportFile('constructor.csv', 'slug;x\r\na;b\r\n').errors).toEqual([expect.stringMatching(/^Ce fichier CSV ne ressemble à aucun fichier importable/)]);
  });
});

describe('validateRows', () => {
  const providers = (csv: string) => validateRows(parseImportFile('fournisseurs.csv', csv).rows);

  it('accepts codes or French labels, lists separated by "|", dates with or without time', () => {
    const [row] = providers('slug;name;kind;regions;cost;languages;verified_at;to_verify\r\nexemple;Exemple;Programme;Montréal|laval;gratuit;FR|en;2025-06-01;oui\r\n');
    expect(row!.errors).toEqual([]);
    expect(row!.fields).toEqual({
      name: 'Exemple',
      kind: 'PROGRAM',
      regions: ['MONTREAL', 'LAVAL'],
      cost: 'FREE',
      languages: ['fr', 'en'],
      verifiedAt: new Date('2025-06-01T00:00:00.000Z'),
      toVerify: true,
    });
  });

  it('names the column and says what is allowed', () => {
    const rows = providers(
      'slug;name;kind;regions;email;to_verify\r\n' +
        'a;A;SOMETHING;;;\r\n' +
        'b;B;;Mars;;\r\n' +
        'c;C;;;pas-un-courriel;\r\n' +
        'd;D;;;;peut-être\r\n' +
        ';E;;;;\r\n' +
        'a;A bis;;;;\r\n' +
        'f;Ligne 1\nLigne 2;;;;\r\n',
    );
    expect(rows.map((row) => row.errors.map((error) => `${row.where} ${error.column} ${error.message}`))).toEqual([
      [expect.stringMatching(/^ligne 2 kind « SOMETHING » n’est pas une valeur permise\. Valeurs permises : ORGANIZATION \(Organisme\), PROGRAM \(Programme\)\.$/)],
      [expect.stringMatching(/^ligne 3 regions « Mars » n’est pas une valeur permise \(séparez les valeurs par « \| »\)/)],
      ['ligne 4 email « pas-un-courriel » n’est pas une adresse courriel valide.'],
      ['ligne 5 to_verify oui ou non attendu (true ou false), pas « peut-être ».'],
      [expect.stringMatching(/^ligne 6 slug obligatoire/)],
      ['ligne 7 slug « a » apparaît déjà plus haut dans le fichier (ligne 2).'],
      [expect.stringMatching(/^ligne 8 name contient des caractères invalides/)],
    ]);
  });

  it('takes no key every object has (constructor, toString) for a code', () => {
    const rows = providers('slug;name;kind;cost;regions\r\na;A;constructor;toString;__proto__\r\n');
    expect(rows[0]!.errors.map((error) => error.column).sort()).toEqual(['cost', 'kind', 'regions']);
    expect(rows[0]!.errors[0]!.message).toMatch(/^« constructor » n’est pas une valeur permise/);
    const json = JSON.stringify({ solutions: [{ slug: 's', title: 'S', availability: 'EXISTING', providers: [{ slug: 'p', roles: ['constructor'] }] }] });
    expect(validateRows(parseImportFile('repertoire.json', json).rows)[0]!.errors).toEqual([
      { column: 'providers', message: expect.stringMatching(/^rôle « constructor » inconnu/) },
    ]);
  });

  it('reads the links of repertoire.json: solutions in order, outgoing related needs, provider roles', () => {
    const json = JSON.stringify({
      needs: [{ slug: 'n', title: 'N', kind: 'NEED', solutions: [{ slug: 's2' }, { slug: 's1' }], related: [{ slug: 'm', note: 'Lié', direction: 'to' }, { slug: 'o', note: '', direction: 'from' }] }],
      solutions: [{ slug: 's1', title: 'S', availability: 'EXISTING', parent: null, providers: [{ slug: 'p', roles: ['OFFERS', 'finance'] }] }],
    });
    const rows = validateRows(parseImportFile('repertoire.json', json).rows);
    expect(rows.map((row) => [row.where, row.errors, row.links])).toEqual([
      ['solutions n° 1', [], { providers: [{ slug: 'p', role: 'OFFERS' }, { slug: 'p', role: 'FUNDS' }] }],
      ['needs n° 1', [], { solutions: ['s2', 's1'], related: [{ slug: 'm', note: 'Lié' }] }],
    ]);
    expect(rows[0]!.fields.parent).toBeNull();
  });
});
