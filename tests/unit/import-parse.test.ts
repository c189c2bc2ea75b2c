// Reading an uploaded file (lib/import/parse.ts) and checking its rows without the database
// (lib/import/validate.ts): which entries a file holds, separators, the apostrophe /donnees
// puts before formulas, and French messages that name the row and the column.
import { describe, expect, it } from 'vitest';
import { datasetToCsv } from '@/lib/export/csv';
import { parseImportFile, unescapeFormula } from '@/lib/import/parse';
import { validateRows } from '@/lib/import/validate';
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
