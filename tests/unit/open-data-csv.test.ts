// The CSV downloads, parsed back with csv-parse as a spreadsheet would read them: accents,
// commas, quotes, semicolons and line breaks inside cells come back unchanged.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, CSV_DELIMITER, CSV_FILES, datasetToCsv, LINK_RELATIONS, type CsvFile } from '@/lib/export/csv';
import { fixtureDataset } from '../fixtures/open-data/dataset';

const SITE = 'https://repertoire.example.org';

function read(file: CsvFile): Record<string, string>[] {
  return parse(datasetToCsv(fixtureDataset, file, SITE), { bom: true, delimiter: CSV_DELIMITER, columns: true, relax_column_count: false });
}

describe('CSV downloads', () => {
  it.each(CSV_FILES)('%s.csv: BOM, ";" separators, CRLF line ends, the documented columns', (file) => {
    const text = datasetToCsv(fixtureDataset, file, SITE);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header] = parse(text, { bom: true, delimiter: CSV_DELIMITER, to_line: 1 }) as string[][];
    expect(header).toEqual([...CSV_COLUMNS[file]]);
  });

  it('fournisseurs.csv: text with quotes, commas, semicolons and accents comes back as it was', () => {
    const rows = read('fournisseurs');
    expect(rows.map((row) => row.slug)).toEqual(['centre-ti', 'educaloi']);
    expect(rows[0]).toMatchObject({ name: 'Centre, "TI" ; Montréal', kind: 'PROGRAM', regions: 'MONTREAL|LAVAL', languages: 'fr', to_verify: 'true' });
    expect(rows[1]).toMatchObject({ name: 'Éducaloi', website: 'https://educaloi.qc.ca', regions: 'ALL_QUEBEC', languages: 'fr|en' });
    expect(rows[1]!.url).toBe(`${SITE}/fournisseurs/educaloi`);
  });

  it('neutralises cells a spreadsheet would run as a formula (OWASP: leading apostrophe)', () => {
    const provider = read('fournisseurs')[1]!;
    expect(provider.description).toBe("'=SOMME(A1)");
    expect(provider.phone).toBe("'+1 514 555-0100");
    expect(read('solutions').find((row) => row.slug === 'coaching')!.description).toBe("'-5 % pour les membres");
  });

  it('solutions.csv and besoins.csv keep line breaks inside a cell', () => {
    expect(read('solutions').find((row) => row.slug === 'ateliers-loi-25')).toMatchObject({
      title: 'Ateliers « Loi 25 », version 2; pour tous',
      description: 'Des ateliers, gratuits.\r\nEn ligne.',
      kinds: 'TRAINING|AWARENESS',
      cost: 'FREE',
      parent: '',
    });
    expect(read('solutions').find((row) => row.slug === 'sous-point')!.parent).toBe('reseau-propose');
    const needs = read('besoins');
    expect(needs.find((row) => row.slug === 'donnees')).toMatchObject({ description: 'Ligne 1\nLigne 2', theme: '', verified_at: '2024-01-01T00:00:00.000Z' });
    expect(needs.find((row) => row.slug === 'formation')).toMatchObject({ existing_solution_count: '2', proposed_solution_count: '0', unconfirmed_solution_count: '0' });
    expect(needs.find((row) => row.slug === 'cybersecurite')).toMatchObject({ description: 'Protéger les données "sensibles"; vite.', to_verify: 'true' });
  });

  it('themes.csv', () => {
    expect(read('themes')).toEqual([
      { slug: 'competences', name: 'Compétences ; formation', description: 'Former, « accompagner », etc.', position: '1', updated_at: '2026-02-01T00:00:00.000Z' },
      { slug: 'securite', name: 'Sécurité', description: '', position: '2', updated_at: '2026-01-01T00:00:00.000Z' },
    ]);
  });

  it('liens.csv holds every relation: need → solution (rank), solution → provider (role), need → need (note)', () => {
    expect(read('liens')).toEqual([
      { relation: LINK_RELATIONS.needSolution, from: 'formation', to: 'ateliers-loi-25', role: '', role_inferred: '', position: '1', note: '' },
      { relation: LINK_RELATIONS.needSolution, from: 'formation', to: 'coaching', role: '', role_inferred: '', position: '2', note: '' },
      { relation: LINK_RELATIONS.needSolution, from: 'cybersecurite', to: 'reseau-propose', role: '', role_inferred: '', position: '1', note: '' },
      { relation: LINK_RELATIONS.solutionProvider, from: 'ateliers-loi-25', to: 'centre-ti', role: 'FUNDS', role_inferred: 'false', position: '', note: '' },
      { relation: LINK_RELATIONS.solutionProvider, from: 'ateliers-loi-25', to: 'educaloi', role: 'OFFERS', role_inferred: 'false', position: '', note: '' },
      { relation: LINK_RELATIONS.solutionProvider, from: 'coaching', to: 'centre-ti', role: 'OFFERS', role_inferred: 'false', position: '', note: '' },
      { relation: LINK_RELATIONS.solutionProvider, from: 'sous-point', to: 'educaloi', role: 'PARTNERS', role_inferred: 'false', position: '', note: '' },
      { relation: LINK_RELATIONS.needNeed, from: 'cybersecurite', to: 'formation', role: '', role_inferred: '', position: '', note: 'Lié à la formation, "voir" ; aussi' },
    ]);
  });

  it('inventaire.csv: one line per need and solution in French words, a need without solution still listed', () => {
    const rows = read('inventaire');
    expect(rows.map((row) => [row['Besoin ou enjeu'], row.Solution])).toEqual([
      ['Formation du personnel', 'Ateliers « Loi 25 », version 2; pour tous'],
      ['Formation du personnel', 'Coaching'],
      ['Cybersécurité', 'Réseau proposé'],
      ['Données ouvertes', ''],
      // Linked to no need of its own (a sub-point): listed after, with its parent named.
      ['', 'Sous-point'],
    ]);
    expect(rows[0]).toMatchObject({
      Type: 'Besoin',
      Thème: 'Compétences ; formation',
      Statut: 'Existe déjà',
      "Types d'aide": 'Formation, Sensibilisation',
      Coût: 'Gratuit',
      // A role other than "offers" is said; several providers, one per line.
      Fournisseurs: 'Centre, "TI" ; Montréal (finance)\nÉducaloi',
      'Fiche du besoin': `${SITE}/besoins/formation`,
      'Fiche de la solution': `${SITE}/solutions/ateliers-loi-25`,
    });
    expect(rows[2]).toMatchObject({ Type: 'Enjeu', Statut: 'Idée, pas encore offerte', 'À vérifier': 'Préciser « la portée »\nÀ préciser' });
    expect(rows[4]).toMatchObject({ 'Précision de': 'Réseau proposé', Fournisseurs: 'Éducaloi (partenaire)' });
  });

  it('says what is to confirm and what the team inferred', () => {
    const dataset = {
      ...fixtureDataset,
      solutions: fixtureDataset.solutions.map((solution) => {
        if (solution.slug === 'coaching') return { ...solution, availability: 'UNCONFIRMED' as const, cost: 'SUBSIDIZED' as const, inferredFields: ['KINDS' as const, 'COST' as const] };
        if (solution.slug !== 'ateliers-loi-25') return solution;
        return { ...solution, providers: solution.providers.map((link) => ({ ...link, isRoleInferred: link.role === 'FUNDS' })) };
      }),
    };
    const readMarked = (file: CsvFile) =>
      parse(datasetToCsv(dataset, file, SITE), { bom: true, delimiter: CSV_DELIMITER, columns: true, relax_column_count: false }) as Record<string, string>[];
    expect(readMarked('solutions').find((row) => row.slug === 'coaching')).toMatchObject({ availability: 'UNCONFIRMED', inferred_fields: 'KINDS|COST' });
    expect(readMarked('besoins').find((row) => row.slug === 'formation')).toMatchObject({ existing_solution_count: '1', unconfirmed_solution_count: '1' });
    expect(readMarked('liens').find((row) => row.from === 'ateliers-loi-25' && row.to === 'centre-ti')).toMatchObject({ role: 'FUNDS', role_inferred: 'true' });
    const inventory = readMarked('inventaire');
    expect(inventory[0]).toMatchObject({ Fournisseurs: 'Centre, "TI" ; Montréal (finance, déduit par l’équipe)\nÉducaloi' });
    expect(inventory[1]).toMatchObject({
      Statut: 'Existence à confirmer',
      "Types d'aide": 'Accompagnement (déduit par l’équipe)',
      Coût: 'Subventionné (déduit par l’équipe)',
    });
  });
});
