import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { basketToCsv, CSV_DELIMITER, csvColumns, csvFileName } from '@/lib/basket/csv';
import type { BasketProviderDto, BasketSolutionDto } from '@/lib/basket/types';

const provider: BasketProviderDto = {
  kind: 'provider',
  slug: 'centre-d-ecoute',
  name: 'Centre « Écoute », Québec; "Ligne 24/7"',
  alternateName: '',
  providerKind: 'ORGANIZATION',
  description: 'Première ligne.\nDeuxième ligne, avec virgule ; et point-virgule.',
  website: 'https://écoute.example.org',
  email: 'bonjour@example.org',
  phone: '+1 514 555-0199',
  streetAddress: '', municipality: 'Trois-Rivières', postalCode: 'G9A 5H7',
  regions: ['MONTREAL', 'GASPESIE_ILES_DE_LA_MADELEINE'],
  cost: 'FREE',
  formats: ['ONLINE', 'IN_PERSON'],
  toVerify: true,
  verifyNote: 'Coordonnées à confirmer.',
  offers: [
    { slug: 'ligne-d-ecoute', title: "Ligne d'écoute", availability: 'EXISTING' },
    { slug: 'ateliers', title: 'Ateliers « bien-être »', availability: 'PROPOSED' },
  ],
};

const solution: BasketSolutionDto = {
  kind: 'solution',
  slug: 'ligne-d-ecoute',
  name: "Ligne d'écoute",
  description: '=SOMME(A1:A2) ne doit pas devenir une formule',
  availability: 'EXISTING',
  kinds: ['WELLBEING', 'COACHING'],
  cost: 'UNKNOWN',
  inferredFields: ['KINDS'],
  toVerify: false,
  verifyNote: '',
  providers: [
    { slug: 'centre-d-ecoute', name: 'Centre Écoute', roles: ['OFFERS'], inferredRoles: [], website: 'https://a.example', email: '', phone: '' },
    { slug: 'fondation', name: 'Fondation', roles: ['FUNDS'], inferredRoles: ['FUNDS'], website: '', email: 'f@example.org', phone: '' },
  ],
  needs: [{ slug: 'sante-mentale', title: 'Santé mentale' }],
};

function readBack(csv: string): string[][] {
  return parse(csv, { delimiter: CSV_DELIMITER, bom: true, relax_column_count: false }) as string[][];
}

describe('fichier CSV du panier', () => {
  const csv = basketToCsv([provider, solution], 'https://repertoire.example.org/');

  it("commence par l'indicateur d'ordre des octets UTF-8 et finit ses lignes par CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('se relit avec un analyseur CSV : colonnes en français, accents, guillemets, sauts de ligne intacts', () => {
    const [header, first, second, ...rest] = readBack(csv);
    expect(rest).toEqual([]);
    expect(header).toEqual([...csvColumns]);
    // The columns as the file has always had them, with the providers' address after the phone.
    expect(header).toEqual(['Type', 'Nom', 'Description', 'Ce qui est offert', 'Offert par', 'Coût', 'Site Web', 'Courriel', 'Téléphone', 'Adresse', 'Municipalité', 'Code postal', 'Régions desservies', 'Format', 'À vérifier', 'Fiche dans le répertoire']);
    const row = (values: string[] | undefined) => Object.fromEntries(csvColumns.map((column, index) => [column, values?.[index]]));

    expect(row(first)).toEqual({
      Type: 'Organisme',
      Nom: 'Centre « Écoute », Québec; "Ligne 24/7"',
      Description: 'Première ligne.\nDeuxième ligne, avec virgule ; et point-virgule.',
      'Ce qui est offert': "Ligne d'écoute (existe déjà)\nAteliers « bien-être » (idée, pas encore offerte)",
      'Offert par': '',
      Coût: 'Gratuit',
      'Site Web': 'https://écoute.example.org',
      Courriel: 'bonjour@example.org',
      // A leading "+" would be read as a formula: the cell is neutralised.
      Téléphone: "'+1 514 555-0199",
      // The address comes from the provider's definition; the street is empty when not public.
      Adresse: '',
      Municipalité: 'Trois-Rivières',
      'Code postal': 'G9A 5H7',
      'Régions desservies': 'Montréal, Gaspésie–Îles-de-la-Madeleine',
      Format: 'En ligne, En présentiel',
      'À vérifier': 'Coordonnées à confirmer.',
      'Fiche dans le répertoire': 'https://repertoire.example.org/fournisseurs/centre-d-ecoute',
    });

    expect(row(second)).toMatchObject({
      Type: 'Solution existante',
      Nom: "Ligne d'écoute",
      Description: "'=SOMME(A1:A2) ne doit pas devenir une formule",
      // What the team inferred says so.
      'Ce qui est offert': 'Soutien et bien-être, Accompagnement (déduits par l’équipe)',
      'Offert par': 'Centre Écoute\nFondation (finance, déduit par l’équipe)',
      Coût: '',
      'Site Web': 'Centre Écoute : https://a.example',
      Courriel: 'Fondation : f@example.org',
      Téléphone: '',
      Municipalité: '',
      'Fiche dans le répertoire': 'https://repertoire.example.org/solutions/ligne-d-ecoute',
    });
  });

  it('cite les cellules qui contiennent le séparateur, un guillemet ou un saut de ligne', () => {
    expect(csv).toContain('"Centre « Écoute », Québec; ""Ligne 24/7"""');
    expect(csv).toContain('"Première ligne.\nDeuxième ligne, avec virgule ; et point-virgule."');
  });

  it("n'a que l'en-tête pour une liste vide", () => {
    expect(readBack(basketToCsv([], 'http://localhost:3000'))).toEqual([[...csvColumns]]);
  });

  it('nomme le fichier avec la date de Montréal', () => {
    expect(csvFileName(new Date('2026-11-28T03:00:00Z'))).toBe('panier-de-services-2026-11-27.csv');
  });
});
