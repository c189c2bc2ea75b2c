// Search on a real PostgreSQL with the 2023 inventory: French stemming, accents, case, typos,
// ranking, hostile input, and the triggers that keep the search documents up to date.
// Runs in a database of its own (created on the test server, migrated, seeded, dropped at the
// end), because it needs the inventory and edits entries at the end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { EXAMPLE_SEARCHES } from '@/lib/search/examples';
import { HIGHLIGHT_START, HIGHLIGHT_STOP, stripHighlights } from '@/lib/search/highlight';
import { MAX_QUERY_LENGTH } from '@/lib/search/normalize';
import { MAX_ANY_WORDS, OVERVIEW_SIZE, PAGE_SIZE, searchDirectory } from '@/lib/search/search';
import type { SearchResults } from '@/lib/search/types';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `search_test_${process.pid}_${Date.now()}`;

const slugs = (hits: { slug: string }[]): string[] => hits.map((hit) => hit.slug);

describe.skipIf(!serverUrl)('recherche', () => {
  let prisma: PrismaClient;
  const search = (query: unknown, options?: Parameters<typeof searchDirectory>[2]): Promise<SearchResults> =>
    searchDirectory(prisma, query, options);

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  describe('trouve', () => {
    it('« loi 25 » : le besoin, les conseils de Juripop, et Juripop et Nord Ouvert parmi les fournisseurs', async () => {
      const results = await search('loi 25');
      expect(results.mode).toBe('all');
      expect(slugs(results.needs)[0]).toBe('conformite-loi-25');
      expect(slugs(results.solutions)[0]).toBe('conseils-juridiques-sur-la-loi-25');
      // Nord Ouvert's solutions answer the Loi 25 need: that is how it is found.
      expect(slugs(results.solutions)).toEqual(
        expect.arrayContaining(['atelier-sur-la-politique-de-confidentialite', 'conformite-dans-le-cadre-de-dataide']),
      );
      expect(slugs(results.providers)).toEqual(expect.arrayContaining(['juripop', 'nord-ouvert']));
      // Those whose own description names the law come first.
      expect(slugs(results.providers).indexOf('juripop')).toBeLessThan(slugs(results.providers).indexOf('nord-ouvert'));
      expect(results.total).toBe(results.counts.needs + results.counts.solutions + results.counts.providers);
      expect(results.suggestions).toEqual([]);
      // Plain objects with exactly what the page shows.
      expect(Object.keys(results.needs[0]!).sort()).toEqual(['excerpt', 'kind', 'reasons', 'slug', 'theme', 'title']);
      expect(Object.keys(results.solutions[0]!).sort()).toEqual(['availability', 'excerpt', 'needs', 'providers', 'reasons', 'slug', 'title']);
      expect(Object.keys(results.providers[0]!).sort()).toEqual(['alternateName', 'excerpt', 'kind', 'name', 'reasons', 'slug', 'solutionCount', 'solutions']);
      expect(results.solutions[0]!.providers).toEqual([{ slug: 'juripop', name: 'Juripop', role: 'APPROACHED', isRoleInferred: false }]);
      expect(results.solutions[0]!.needs).toEqual([{ slug: 'conformite-loi-25', title: 'Conformité à la Loi 25 (et à la Loi 27)' }]);
    });

    it('sans tenir compte de la casse : « LOI 25 » = « loi 25 »', async () => {
      const [lower, upper] = await Promise.all([search('loi 25'), search('LOI 25')]);
      expect(upper).toEqual({ ...lower, query: 'LOI 25' });
    });

    it('sans tenir compte des accents : « numerique » = « numérique » = « NUMÉRIQUES »', async () => {
      const [plain, accented, shouted] = await Promise.all([search('numerique'), search('numérique'), search('NUMÉRIQUES')]);
      expect(plain.total).toBeGreaterThan(10);
      expect(slugs(plain.needs)).toEqual(slugs(accented.needs));
      expect(plain.counts).toEqual(accented.counts);
      expect(shouted.counts).toEqual(accented.counts);
      expect(slugs(plain.needs)).toContain('fractures-numeriques');
    });

    // French stemming alone folds « numérique » and « numerique » (the accent sits in the part
    // it cuts off); here it does not: « conformité » stems to « conform », « conformite » to
    // « conformit ». Only unaccent before the stemmer (fr_unaccent) makes them meet.
    it('sans accent même quand le radical français diffère : « conformite » = « conformité », « confidentialite » = « confidentialité »', async () => {
      for (const [plain, accented, expected] of [
        ['conformite', 'conformité', 'conformite-loi-25'],
        ['confidentialite', 'confidentialité', null],
      ] as const) {
        const [withoutAccent, withAccent] = await Promise.all([search(plain), search(accented)]);
        expect(withAccent.total, accented).toBeGreaterThan(0);
        if (expected) expect(slugs(withoutAccent.needs), plain).toContain(expected);
        expect(withoutAccent.mode, plain).toBe(withAccent.mode);
        expect(withoutAccent.counts, plain).toEqual(withAccent.counts);
        expect(slugs(withoutAccent.needs), plain).toEqual(slugs(withAccent.needs));
      }
    });

    it('avec le radical français : « formations » trouve « formation » et inversement', async () => {
      const [plural, singular] = await Promise.all([search('formations'), search('formation')]);
      expect(plural.counts).toEqual(singular.counts);
      expect(slugs(plural.needs)[0]).toBe('formation-du-personnel-au-numerique');
      expect(slugs(plural.solutions)).toContain('formations-par-cohorte');
      expect(plural.needs[0]!.title).toContain(`${HIGHLIGHT_START}formation${HIGHLIGHT_STOP}`);
      expect(slugs((await search('accompagnateurs')).solutions)).toContain('former-de-nouveaux-accompagnateurs');
    });

    it('malgré une faute de frappe dans un nom : « techsup », « insertek »', async () => {
      const techsoup = await search('techsup');
      expect(techsoup.mode).toBe('approximate');
      expect(slugs(techsoup.providers)[0]).toBe('techsoup-canada');
      expect(techsoup.suggestions[0]).toBe('techsoup');

      const insertech = await search('insertek');
      expect(slugs(insertech.providers)[0]).toBe('insertech');
      expect(insertech.suggestions).toContain('insertech');

      expect(slugs((await search('jurypop')).providers)[0]).toBe('juripop');
      expect(slugs((await search('tecsoup')).providers)[0]).toBe('techsoup-canada');
    });

    it('par les noms des fournisseurs derrière une solution, et par un nom secondaire', async () => {
      expect(slugs((await search('TechSoup')).solutions)).toEqual(['logiciels-a-rabais']);
      expect(slugs((await search('Ordinateurs pour les écoles')).providers)).toEqual(['opeq']);
      expect(slugs((await search('Hub0/1')).providers)).toContain('hub01');
    });

    it('une expression entre guillemets, « ou », et un mot exclu', async () => {
      const phrase = await search('"renseignements personnels"');
      expect(slugs(phrase.solutions)).toEqual(['services-juridiques-en-renseignements-personnels']);

      const either = await search('techsoup or juripop');
      expect(slugs(either.providers).sort()).toEqual(['juripop', 'techsoup-canada']);

      const [withWord, without] = await Promise.all([search('numérique'), search('numérique -formation')]);
      expect(without.total).toBeGreaterThan(0);
      expect(without.total).toBeLessThan(withWord.total);
      expect(slugs(without.needs)).not.toContain('formation-du-personnel-au-numerique');
    });

    it('une phrase entière, même si aucune fiche n’a tous ses mots', async () => {
      const results = await search('logiciels gratuits pour notre organisme');
      expect(results.mode).toBe('any');
      expect(slugs(results.solutions)).toContain('logiciels-a-rabais');
      expect(slugs(results.needs)[0]).toBe('acces-au-materiel-et-aux-logiciels');
    });

    it(`une longue phrase : seuls ses ${MAX_ANY_WORDS} premiers mots servent, et le résultat le dit`, async () => {
      // Words no entry has, so that no entry has every word and each word is searched on its own.
      const filler = ['zorglub', 'vlimpf', 'grumpfel', 'plorxa', 'snarfu', 'quuxol', 'fnordi', 'blargu', 'wibblo', 'frobni'];
      expect(MAX_ANY_WORDS).toBe(8);

      const first = await search(['juripop', ...filler].join(' '));
      expect(first.mode).toBe('any');
      expect(slugs(first.providers)).toContain('juripop');
      expect(first.wordsUsed).toEqual({ kept: 8, total: 11 });

      // The same word past the eighth is not searched: nothing found, and the reader is told why.
      const last = await search([...filler, 'juripop'].join(' '));
      expect(slugs(last.providers)).not.toContain('juripop');
      expect(last.total).toBe(0);
      expect(last.wordsUsed).toEqual({ kept: 8, total: 11 });

      // Up to the limit, every word counts and nothing is said.
      const short = await search([...filler.slice(0, 7), 'juripop'].join(' '));
      expect(short.mode).toBe('any');
      expect(slugs(short.providers)).toContain('juripop');
      expect(short.wordsUsed).toBeUndefined();
    });

    it('les mots vides tapés sans accent ne deviennent pas obligatoires', async () => {
      const [typed, accented] = await Promise.all([search('acces a des logiciels'), search('accès à des logiciels')]);
      expect(typed.mode).toBe('all');
      expect(typed.counts).toEqual(accented.counts);
      expect(slugs(typed.needs)).toEqual(['acces-au-materiel-et-aux-logiciels']);
    });

    it('chaque exemple de la page de recherche trouve quelque chose avec tous ses mots', async () => {
      for (const example of EXAMPLE_SEARCHES) {
        const results = await search(example.query);
        expect(results.mode, example.query).toBe('all');
        expect(results.total, example.query).toBeGreaterThan(0);
      }
    });
  });

  describe('classe', () => {
    it("met en tête l'entrée qui porte le nom cherché", async () => {
      expect(slugs((await search('Juripop')).providers)[0]).toBe('juripop');
      expect(slugs((await search('techsoup')).providers)[0]).toBe('techsoup-canada');
      expect(slugs((await search('audits numériques')).solutions)[0]).toBe('audits-numeriques');
      expect(slugs((await search('fractures numériques')).needs)[0]).toBe('fractures-numeriques');
      expect(slugs((await search('matériel informatique')).solutions)[0]).toBe('materiel-informatique-valorise');
    });

    it('regroupe par type, avec les comptes, et pagine un type à la fois', async () => {
      const overview = await search('numérique');
      expect(overview.type).toBeNull();
      expect(overview.solutions.length).toBe(Math.min(OVERVIEW_SIZE, overview.counts.solutions));
      expect(overview.providers.length).toBe(Math.min(OVERVIEW_SIZE, overview.counts.providers));
      expect(overview.counts.solutions).toBeGreaterThan(OVERVIEW_SIZE);

      const first = await search('numérique', { type: 'solutions' });
      expect(first.needs).toEqual([]);
      expect(first.providers).toEqual([]);
      expect(first.pageSize).toBe(PAGE_SIZE);
      expect(first.solutions.length).toBe(Math.min(PAGE_SIZE, first.counts.solutions));
      expect(slugs(first.solutions).slice(0, OVERVIEW_SIZE)).toEqual(slugs(overview.solutions));

      const beyond = await search('numérique', { type: 'solutions', page: 40 });
      expect(beyond.solutions).toEqual([]);
      expect(beyond.counts).toEqual(first.counts);
      const absurd = await search('numérique', { type: 'solutions', page: Number.MAX_SAFE_INTEGER });
      expect(absurd.solutions).toEqual([]);
    });
  });

  describe('met en évidence', () => {
    it('les mots trouvés dans le titre et un extrait, avec des marques et non du HTML', async () => {
      const { needs, providers } = await search('loi 25');
      const need = needs[0]!;
      expect(need.title).toBe(`Conformité à la ${HIGHLIGHT_START}Loi${HIGHLIGHT_STOP} ${HIGHLIGHT_START}25${HIGHLIGHT_STOP} (et à la ${HIGHLIGHT_START}Loi${HIGHLIGHT_STOP} 27)`);
      expect(need.excerpt).toContain(`${HIGHLIGHT_START}25${HIGHLIGHT_STOP}`);
      const juripop = providers.find((provider) => provider.slug === 'juripop')!;
      expect(stripHighlights(juripop.name)).toBe('Juripop');
      expect(juripop.excerpt).toMatch(/conformité à la \uE000loi\uE001 \uE00025\uE001/);
      for (const text of [need.title, need.excerpt, juripop.excerpt]) expect(text).not.toMatch(/<\/?b>/);
    });

    it('les solutions de chaque fournisseur, celles qui correspondent en premier', async () => {
      const { providers } = await search('loi 25');
      const nordOuvert = providers.find((provider) => provider.slug === 'nord-ouvert')!;
      expect(nordOuvert.solutionCount).toBe(3);
      expect(slugs(nordOuvert.solutions).slice(0, 2).sort()).toEqual(['atelier-sur-la-politique-de-confidentialite', 'conformite-dans-le-cadre-de-dataide']);
    });
  });

  describe('quand rien ne correspond', () => {
    it('propose des corrections qui trouvent quelque chose', async () => {
      const results = await search('formaton numeriqe');
      expect(results.total).toBe(0);
      expect(results.mode).toBe('none');
      expect(results.suggestions).toContain('formation numérique');
      for (const suggestion of results.suggestions) expect((await search(suggestion)).total, suggestion).toBeGreaterThan(0);
    });

    it('ne propose rien quand rien ne s’en approche', async () => {
      const results = await search('xyzzy qwfp');
      expect(results).toMatchObject({ mode: 'none', total: 0, suggestions: [], needs: [], solutions: [], providers: [] });
    });

    it('répond vide à une requête vide', async () => {
      for (const query of ['', '   ', undefined, null, [], ['']]) {
        expect(await search(query)).toMatchObject({ query: '', mode: 'none', total: 0, suggestions: [] });
      }
    });
  });

  describe('résiste aux requêtes hostiles', () => {
    const hostile: [string, string][] = [
      ['injection SQL', `'; DROP TABLE "Need";--`],
      ['guillemets', `"'"'"'`],
      ['guillemet ouvert', '"loi 25'],
      ['opérateurs tsquery', "loi & 25 | !(formation) <-> 'x':* \\"],
      ['jokers LIKE', '%_%\\'],
      ['HTML', '<script>alert("x")</script>'],
      ['émojis', '🙂👩‍💻🇨🇦'],
      ['émoji et mot', '🙂 formation'],
      ['ponctuation seule', '!!! ??? ... ---'],
      ['octet NUL', 'loi\u000025'],
      ['marques de surlignage', `${HIGHLIGHT_START}loi${HIGHLIGHT_STOP}`],
      ['demi-paire de substitution', 'loi \uD83D 25'],
      ['10 ko', 'formation '.repeat(1_000)],
      ['10 ko sans espace', 'x'.repeat(10_240)],
      ['seulement des mots vides', 'le la les de des à'],
      ['seulement une négation', '-formation'],
      ['mots courts', 'a b c d e f g'],
    ];

    for (const [label, query] of hostile) {
      it(label, async () => {
        const results = await search(query);
        expect(Array.from(results.query).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
        expect(results.query).not.toMatch(/[\u0000\uE000\uE001]/);
        expect(['all', 'any', 'approximate', 'none']).toContain(results.mode);
        expect(results.total).toBe(results.counts.needs + results.counts.solutions + results.counts.providers);
        for (const hits of [results.needs, results.solutions, results.providers]) {
          expect(hits.length).toBeLessThanOrEqual(OVERVIEW_SIZE);
        }
        expect(results.suggestions.length).toBeLessThanOrEqual(3);
      });
    }

    it('trouve quand même ce qui a du sens', async () => {
      expect(slugs((await search('loi\u000025')).needs)).toEqual(['conformite-loi-25']);
      expect(slugs((await search('"loi 25')).needs)).toEqual(['conformite-loi-25']);
      expect((await search('🙂 formation')).counts).toEqual((await search('formation')).counts);
      expect((await search('!!! ??? ... ---')).total).toBe(0);
      expect((await search('formation '.repeat(1_000))).counts).toEqual((await search('formation')).counts);
    });

    it('ne touche pas aux tables', async () => {
      await search(`'; DROP TABLE "Need";--`);
      expect(await prisma.need.count()).toBe(12);
    });
  });

  describe('ne montre que ce qui est publié', () => {
    it('ni brouillon ni archive', async () => {
      await prisma.provider.update({ where: { slug: 'juripop' }, data: { status: 'ARCHIVED' } });
      await prisma.solution.update({ where: { slug: 'conseils-juridiques-sur-la-loi-25' }, data: { status: 'DRAFT' } });
      try {
        // Nothing has the word any more, not even through a neighbour's document: only names
        // that look like it are left ("Services juridiques…").
        const results = await search('Juripop');
        expect(results.mode).toBe('approximate');
        expect(slugs(results.providers)).toEqual([]);
        expect(slugs(results.solutions)).not.toContain('conseils-juridiques-sur-la-loi-25');
        const law = await search('loi 25');
        expect(slugs(law.providers)).not.toContain('juripop');
        expect(slugs(law.solutions)).not.toContain('conseils-juridiques-sur-la-loi-25');
        // Published solutions no longer list the archived provider.
        for (const solution of law.solutions) expect(slugs(solution.providers)).not.toContain('juripop');
      } finally {
        await prisma.provider.update({ where: { slug: 'juripop' }, data: { status: 'PUBLISHED' } });
        await prisma.solution.update({ where: { slug: 'conseils-juridiques-sur-la-loi-25' }, data: { status: 'PUBLISHED' } });
      }
      expect(slugs((await search('Juripop')).providers)).toEqual(['juripop']);
    });
  });

  describe('garde les documents de recherche à jour (triggers)', () => {
    it('quand un fournisseur change de nom : lui et ses solutions', async () => {
      const before = await prisma.solution.findUniqueOrThrow({ where: { slug: 'logiciels-a-rabais' } });
      await prisma.provider.update({ where: { slug: 'techsoup-canada' }, data: { name: 'Zorglub Informatique' } });
      try {
        const renamed = await search('zorglub');
        expect(slugs(renamed.providers)).toEqual(['techsoup-canada']);
        expect(slugs(renamed.solutions)).toEqual(['logiciels-a-rabais']);
        // Only the solution whose own description names TechSoup is still found by that name.
        const former = await search('techsoup');
        expect(slugs(former.providers)).toEqual([]);
        expect(slugs(former.solutions)).toEqual(['logiciels-a-rabais']);
        // Recomputing a neighbour's document is not an edit: the seed still sees it as untouched.
        const after = await prisma.solution.findUniqueOrThrow({ where: { slug: 'logiciels-a-rabais' } });
        expect(after.updatedAt).toEqual(before.updatedAt);
        expect(after.version).toBe(before.version);
      } finally {
        await prisma.provider.update({ where: { slug: 'techsoup-canada' }, data: { name: 'TechSoup Canada' } });
      }
      expect((await search('zorglub')).total).toBe(0);
    });

    it('quand une description change', async () => {
      await prisma.need.update({ where: { slug: 'organisation-du-travail-hybride' }, data: { description: 'Télétravail et visioconférence au quotidien.' } });
      expect(slugs((await search('visioconference')).needs)).toEqual(['organisation-du-travail-hybride']);
    });

    it("quand un besoin change de titre : ses solutions et leurs fournisseurs", async () => {
      const need = await prisma.need.findUniqueOrThrow({ where: { slug: 'conformite-loi-25' } });
      await prisma.need.update({ where: { id: need.id }, data: { title: 'Conformité à la Loi Quibble' } });
      try {
        const results = await search('quibble');
        expect(slugs(results.needs)).toEqual(['conformite-loi-25']);
        expect(slugs(results.solutions)).toContain('atelier-sur-la-politique-de-confidentialite');
        expect(slugs(results.providers)).toContain('nord-ouvert');
      } finally {
        await prisma.need.update({ where: { id: need.id }, data: { title: need.title } });
      }
      expect((await search('quibble')).total).toBe(0);
    });

    it('quand un lien entre solution et fournisseur ou besoin est ajouté puis retiré', async () => {
      const solution = await prisma.solution.findUniqueOrThrow({ where: { slug: 'vulgariser-le-langage' } });
      const provider = await prisma.provider.findUniqueOrThrow({ where: { slug: 'juripop' } });
      const need = await prisma.need.findUniqueOrThrow({ where: { slug: 'conformite-loi-25' } });

      await prisma.solutionProvider.create({ data: { solutionId: solution.id, providerId: provider.id, role: 'PARTNERS' } });
      await prisma.needSolution.create({ data: { solutionId: solution.id, needId: need.id, position: 9 } });
      expect(slugs((await search('juripop')).solutions)).toContain('vulgariser-le-langage');
      expect(slugs((await search('loi 25')).solutions)).toContain('vulgariser-le-langage');
      // The provider's document now has the solution's title.
      expect(slugs((await search('vulgariser')).providers)).toEqual(['juripop']);

      await prisma.solutionProvider.delete({
        where: { solutionId_providerId_role: { solutionId: solution.id, providerId: provider.id, role: 'PARTNERS' } },
      });
      await prisma.needSolution.delete({ where: { needId_solutionId: { needId: need.id, solutionId: solution.id } } });
      expect(slugs((await search('juripop')).solutions)).not.toContain('vulgariser-le-langage');
      expect(slugs((await search('loi 25')).solutions)).not.toContain('vulgariser-le-langage');
      expect((await search('vulgariser')).providers).toEqual([]);
    });

    it("quand un thème change de nom : ses besoins", async () => {
      await prisma.theme.update({ where: { slug: 'organisation-du-travail-hybride' }, data: { name: 'Mode hybride et quibbleries' } });
      expect(slugs((await search('quibbleries')).needs)).toEqual(['organisation-du-travail-hybride']);
    });

    it('pour une entrée créée, puis supprimée', async () => {
      const created = await prisma.provider.create({
        data: { slug: 'brioche-numerique', name: 'Brioche numérique', description: 'Ateliers de cybersécurité.' },
      });
      expect(slugs((await search('cybersecurite')).providers)).toEqual(['brioche-numerique']);
      expect(slugs((await search('brioshe')).providers)).toEqual(['brioche-numerique']);
      await prisma.provider.delete({ where: { id: created.id } });
      expect((await search('cybersecurite')).total).toBe(0);
    });
  });
});
