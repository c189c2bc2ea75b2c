// Synonyms and ranking on a real PostgreSQL with the 2023 inventory and the starter synonyms:
// words split and stemmed by PostgreSQL itself, queries that find through synonyms and say so,
// expansion that only adds, operators searched as typed, hostile groups that cannot break the
// search, a change to the groups read again, and the ranking's promises (titles first, the typed
// words before their synonyms, a need's own solutions before passing mentions).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { stripHighlights } from '@/lib/search/highlight';
import { searchDirectory } from '@/lib/search/search';
import type { SearchResults, SearchType } from '@/lib/search/types';
import { quoted, reasonSentence } from '@/lib/search/wording';
import type { SynonymIndex } from '@/lib/synonyms/expand';
import { loadSynonymIndex } from '@/lib/synonyms/load';
import { analyseTexts, quoteLexeme } from '@/lib/synonyms/words';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `search_synonyms_test_${process.pid}_${Date.now()}`;

const slugs = (hits: { slug: string }[]): string[] => hits.map((hit) => hit.slug);

describe.skipIf(!serverUrl)('recherche avec synonymes', () => {
  let prisma: PrismaClient;
  let synonyms: SynonymIndex;
  const search = (query: string, options: Parameters<typeof searchDirectory>[2] = {}): Promise<SearchResults> =>
    searchDirectory(prisma, query, { synonyms, ...options });

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
    synonyms = await loadSynonymIndex(prisma);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  describe('les mots tels que PostgreSQL les voit', () => {
    it('sans mots vides, un mot à trait d’union entier, et leur place dans le texte', async () => {
      const [analysed] = await analyseTexts(prisma, ["Pénurie de main-d'œuvre, pas chère"]);
      expect(analysed!.hasOffsets).toBe(true);
      expect(analysed!.words.map((word) => [word.lower, word.lexemes])).toEqual([
        ['pénurie', ['penur']],
        ['main-d', ['main', 'main-d']],
        ['œuvre', ['oeuvr']],
        ['chère', ['cher']],
      ]);
      const text = analysed!.text;
      expect(analysed!.words.map((word) => text.slice(word.start, word.end))).toEqual(['Pénurie', 'main-d', 'œuvre', 'chère']);
      expect(analysed!.phrase).toBe("'penur' <2> 'main-d' <-> 'main' <2> 'oeuvr' <2> 'cher'");
    });

    it('un lexème cité est un seul opérande, que PostgreSQL relit tel quel, même hostile', async () => {
      for (const lexeme of ["l'x", 'a\\b', "' | !x", 'x:*', '(a & b)', '<->', "''"]) {
        const [row] = await prisma.$queryRaw<{ matches: boolean; nodes: number }[]>`
          SELECT array_to_tsvector(ARRAY[${lexeme}]) @@ ${quoteLexeme(lexeme)}::tsquery AS matches, numnode(${quoteLexeme(lexeme)}::tsquery) AS nodes`;
        expect(row, lexeme).toEqual({ matches: true, nodes: 1 });
      }
    });
  });

  describe('trouve par synonyme, et le dit', () => {
    it('« ordi usagé » : le matériel informatique valorisé d’Insertech et de l’OPEQ', async () => {
      expect((await search('ordi usagé', { synonyms: null })).total).toBe(0);
      const results = await search('ordi usagé');
      expect(results.mode).toBe('all');
      expect(slugs(results.solutions)[0]).toBe('materiel-informatique-valorise');
      expect(slugs(results.providers)).toEqual(expect.arrayContaining(['insertech', 'opeq']));
      const hit = results.solutions[0]!;
      expect(hit.reasons).toEqual([{ kind: 'synonym', typed: 'ordi usagé', found: 'matériel informatique valorisé' }]);
      expect(reasonSentence('solutions', hit.reasons)).toBe(`Trouvée par synonyme (${quoted('ordi usagé')} → ${quoted('matériel informatique valorisé')}).`);
      // The expansion's words are highlighted.
      expect(stripHighlights(hit.title)).not.toBe(hit.title);
    });

    it('« logiciels pas chers » : par radical, les mots vides ignorés', async () => {
      const results = await search('logiciels pas chers');
      expect(slugs(results.solutions)).toContain('logiciels-a-rabais');
      expect(results.solutions.find((hit) => hit.slug === 'logiciels-a-rabais')!.reasons).toContainEqual({ kind: 'synonym', typed: 'chers', found: 'rabais' });
    });

    it('« burnout » : le besoin « Manque de temps, épuisement et surcharge » et la ligne d’écoute LÉO', async () => {
      const results = await search('burnout');
      expect(slugs(results.needs)).toEqual(['manque-de-temps-et-epuisement']);
      expect(slugs(results.providers)).toContain('ligne-d-ecoute-leo');
      expect(results.needs[0]!.reasons[0]).toEqual({ kind: 'synonym', typed: 'burnout', found: 'épuisement' });
    });

    it('un résultat trouvé par ses voisins le dit aussi', async () => {
      const results = await search('loi 25');
      const reasons = results.solutions.find((hit) => hit.slug === 'atelier-sur-la-politique-de-confidentialite')!.reasons;
      expect(reasons).toEqual([{ kind: 'neighbour', via: 'needs' }]);
      expect(reasonSentence('solutions', reasons)).toBe('Trouvée par un besoin auquel elle répond.');
      // Its own title says it: nothing to add.
      expect(results.needs[0]!.reasons).toEqual([]);
    });

    it('un mot court n’est pas un radical : « cela » ne cherche pas « cellulaire », « ça » pas le CA', async () => {
      for (const query of ['cela', 'ça va']) {
        const [withSynonyms, without] = await Promise.all([search(query), search(query, { synonyms: null })]);
        expect(withSynonyms, query).toEqual(without);
      }
      expect(slugs((await search('CA')).solutions)).toContain('impliquer-le-ca-et-la-direction');
    });
  });

  it('n’enlève rien à ce que tous les mots trouvent : les synonymes ne font qu’ajouter', async () => {
    for (const query of ['formation', 'ordinateur', 'matériel informatique', 'fractures numériques', 'loi 25', 'logiciels', 'accompagnement personnalisé']) {
      const [withSynonyms, without] = await Promise.all([search(query, { type: 'solutions' }), search(query, { type: 'solutions', synonyms: null })]);
      expect(without.mode, query).toBe('all');
      expect(withSynonyms.mode, query).toBe('all');
      const found = new Set((await findAll(query, 'solutions', synonyms)).concat());
      for (const slug of await findAll(query, 'solutions', null)) expect(found.has(slug), `${query} : ${slug}`).toBe(true);
      expect(withSynonyms.counts.solutions, query).toBeGreaterThanOrEqual(without.counts.solutions);
    }
  });

  it('une requête dont aucune fiche n’a tous les mots peut les trouver par synonymes, au lieu de « n’importe lequel »', async () => {
    const [withSynonyms, without] = await Promise.all([search('logiciels gratuits'), search('logiciels gratuits', { synonyms: null })]);
    expect(without.mode).toBe('any');
    expect(withSynonyms.mode).toBe('all');
    expect(slugs(withSynonyms.solutions)).toEqual(['logiciels-a-rabais']);
  });

  // Every solution or provider the query finds, every page of it.
  async function findAll(query: string, type: 'solutions' | 'providers', index: SynonymIndex | null): Promise<string[]> {
    const found: string[] = [];
    for (let page = 1; ; page += 1) {
      const results = await searchDirectory(prisma, query, { synonyms: index, type, page });
      found.push(...slugs(results[type]));
      if (results[type].length === 0 || found.length >= results.counts[type]) return found;
    }
  }

  it('cherche tel quel une requête avec opérateurs (guillemets, « or », « -mot »)', async () => {
    for (const query of ['"ordi usagé"', 'ordi -formation', 'ordi or burnout']) {
      expect(await search(query), query).toEqual(await search(query, { synonyms: null }));
    }
  });

  it('lit un groupe ajouté ou modifié, et un groupe hostile ne casse rien', async () => {
    const group = await prisma.synonymGroup.create({ data: { terms: ['zorglub'], oneWay: true, expandsTo: ['Juripop'] } });
    const hostile = await prisma.synonymGroup.create({
      data: { terms: ["'; DROP TABLE \"Need\";--", 'a & b | !c <-> d:*', 'x\\y', 'ordinateur'], oneWay: false },
    });
    try {
      const fresh = await loadSynonymIndex(prisma);
      expect(slugs((await searchDirectory(prisma, 'zorglub', { synonyms: fresh })).providers)).toEqual(['juripop']);
      for (const query of ['ordinateur', 'drop table', 'a b c d', 'x\\y']) {
        const results = await searchDirectory(prisma, query, { synonyms: fresh });
        expect(results.query, query).toBe(query);
      }
      expect(await prisma.need.count()).toBeGreaterThan(0);
      // The cached index does not know the new group until it is read again.
      expect((await search('zorglub')).providers.map((hit) => hit.slug)).not.toContain('juripop');
    } finally {
      await prisma.synonymGroup.deleteMany({ where: { id: { in: [group.id, hostile.id] } } });
    }
  });

  describe('classe', () => {
    // Each result of a type: 0 when its own name holds the words typed, 1 otherwise.
    async function typedInTitle(query: string, type: SearchType): Promise<number[]> {
      const hits = (await search(query))[type];
      if (hits.length === 0) return [];
      const table = { needs: Prisma.sql`"Need"`, solutions: Prisma.sql`"Solution"`, providers: Prisma.sql`"Provider"` }[type];
      const name = type === 'providers' ? Prisma.sql`name || ' ' || "alternateName"` : Prisma.sql`title`;
      const rows = await prisma.$queryRaw<{ slug: string; typed: boolean }[]>`
        SELECT slug, to_tsvector('fr_unaccent', ${name}) @@ plainto_tsquery('fr_unaccent', ${query}) AS typed
        FROM ${table} WHERE slug = ANY(${slugs(hits)}::text[])`;
      const typed = new Map(rows.map((row) => [row.slug, row.typed]));
      return hits.map((hit) => (typed.get(hit.slug) ? 0 : 1));
    }

    const isSorted = (values: number[]): boolean => values.every((value, index) => index === 0 || values[index - 1]! <= value);

    it('les titres qui portent les mots tapés d’abord, avant ceux qui n’en portent que les synonymes', async () => {
      for (const query of ['atelier', 'subventionner', 'former', 'confidentialité', 'accompagnement', 'formation', 'logiciels', 'numérique']) {
        for (const type of ['needs', 'solutions', 'providers'] as const) {
          const classes = await typedInTitle(query, type);
          expect(isSorted(classes), `${query} (${type}) : ${classes.join('')}`).toBe(true);
        }
      }
      // « Atelier » is also a synonym of « formation », in many titles: the atelier comes first.
      expect(slugs((await search('atelier')).solutions)[0]).toBe('atelier-sur-la-politique-de-confidentialite');
    });

    it('les solutions d’un besoin avant celles qui ne font qu’en citer les mots', async () => {
      for (const [query, needSlug] of [
        ['formation', 'formation-du-personnel-au-numerique'],
        ['personnel', 'formation-du-personnel-au-numerique'],
        ['personnalisé', 'accompagnement-personnalise'],
        ['virage', 'resistance-et-craintes-face-au-virage-numerique'],
      ] as const) {
        const links = await prisma.needSolution.findMany({ where: { need: { slug: needSlug } }, select: { solution: { select: { slug: true } } } });
        const own = new Set(links.map((link) => link.solution.slug));
        const results = await search(query, { type: 'solutions' });
        // Past the titles that hold the word: the need's own solutions, then the others.
        const rest = results.solutions.filter((hit) => stripHighlights(hit.title) === hit.title).map((hit) => (own.has(hit.slug) ? 0 : 1));
        expect(isSorted(rest), `${query} : ${rest.join('')}`).toBe(true);
        expect(rest, query).toContain(0);
      }
    });

    it('le titre exact d’un besoin le met en tête, ponctuation et accents à part', async () => {
      expect(slugs((await search('Conformite a la Loi 25 et a la Loi 27')).needs)[0]).toBe('conformite-loi-25');
      expect(slugs((await search('accompagnement personnalise')).needs)[0]).toBe('accompagnement-personnalise');
    });
  });
});
