// The search's fast paths against plain SQL on a real PostgreSQL with the 2023 inventory:
//  - the vocabulary in memory (pg_trgm similarity in JavaScript) against pg_trgm and against
//    the SQL that used to suggest corrections;
//  - the pages, read again only for the entries that can be on them, against the whole ranking
//    computed in one query, in every mode;
//  - the matching step shared within a request, and the names found by the typo step, against
//    what each function finds on its own.
// Runs in a database of its own (created on the test server, migrated, seeded, dropped at the end).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { OVERVIEW_SIZE, PAGE_SIZE, findMatches, searchDirectory, slugsOf } from '@/lib/search/search';
import { suggestQueries } from '@/lib/search/suggest';
import { similarityOfCounts, trigramsOf } from '@/lib/search/trigram';
import { buildVocabulary, closestWord, loadVocabulary, readVocabulary, type Vocabulary } from '@/lib/search/vocabulary';
import type { SearchType } from '@/lib/search/types';
import { dropDatabase, ensureDatabase, withDatabase } from '@/scripts/lib/embedded-postgres';
import { applyMigrations } from '@/scripts/lib/migrations';
import { generateSyntheticDataset, insertSyntheticDataset } from '@/scripts/lib/synthetic-dataset';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `search_ranking_test_${process.pid}_${Date.now()}`;
const syntheticName = `search_ranking_synthetic_${process.pid}_${Date.now()}`;
// The benchmark's generator, smaller: hundreds of entries per word, many ranks tied, several pages.
const SYNTHETIC_SIZES = { themes: 5, needs: 60, solutions: 500, providers: 1_000 };

const TYPED = ['formaton', 'numeriqe', 'techsup', 'insertek', 'jurypop', 'cybersecurite', 'benevoles', 'logiciel', 'donnés', 'œuvre', 'accompagnment', 'xyzzy'];

// The ranks of lib/search/search.ts written as one query over the whole table, the way they
// were computed before the search was split in two steps (the reference for the pages).
const TABLES: Record<SearchType, { table: Prisma.Sql; name: Prisma.Sql; order: Prisma.Sql }> = {
  needs: { table: Prisma.sql`"Need"`, name: Prisma.sql`lower(immutable_unaccent(e.title))`, order: Prisma.sql`e.position` },
  solutions: { table: Prisma.sql`"Solution"`, name: Prisma.sql`lower(immutable_unaccent(e.title))`, order: Prisma.sql`e.title, e.slug` },
  providers: {
    table: Prisma.sql`"Provider"`,
    name: Prisma.sql`lower(immutable_unaccent(e.name || ' ' || e."alternateName"))`,
    order: Prisma.sql`e.name, e.slug`,
  },
};

// In 'all' mode, the bonuses of lib/search/search.ts written with ts_filter (the document's
// parts of one weight) rather than weight-restricted queries, added in the same order: title
// (twice a half: the query has no synonyms here), a linked need's title (solutions and
// providers), the typed words (every entry), an exact name.
function allBonuses(type: SearchType, title: Prisma.Sql): Prisma.Sql {
  const has = (weights: string) => Prisma.sql`ts_filter(e."searchVector", ${weights}::"char"[]) @@ input.query`;
  const exact = Prisma.sql`btrim(regexp_replace(lower(immutable_unaccent(${title})), '[^a-z0-9]+', ' ', 'g')) = btrim(regexp_replace(lower(immutable_unaccent(input.text)), '[^a-z0-9]+', ' ', 'g'))`;
  const link = type === 'needs' ? Prisma.sql`0::real` : Prisma.sql`(CASE WHEN ${has('{d}')} THEN 0.5::real ELSE 0 END)`;
  return Prisma.sql`(CASE WHEN ${has('{a}')} THEN 0.5::real ELSE 0 END) + (CASE WHEN ${has('{a}')} THEN 0.5::real ELSE 0 END)
    + ${link} + 0.25::real + (CASE WHEN ${exact} THEN 1::real ELSE 0 END)`;
}

async function rankedSlugs(prisma: PrismaClient, type: SearchType, query: string, mode: 'all' | 'any'): Promise<string[]> {
  const { table, name, order } = TABLES[type];
  const all = Prisma.sql`websearch_to_tsquery('fr_unaccent', ${query})`;
  const tsquery = mode === 'any' ? Prisma.sql`replace(${all}::text, ' & ', ' | ')::tsquery` : all;
  const title = type === 'providers' ? Prisma.sql`e.name` : Prisma.sql`e.title`;
  const textRank =
    mode === 'all'
      ? Prisma.sql`ts_rank(e."searchVector", input.query) + ${allBonuses(type, title)} + ${0.1}::real * word_similarity(input.folded, ${name})`
      : Prisma.sql`ts_rank(e."searchVector", input.query) + ${0.1}::real * word_similarity(input.folded, ${name})`;
  const rank =
    mode === 'any'
      ? Prisma.sql`(
          SELECT coalesce(sum(ts_rank('{0.25, 0.5, 0.75, 1}', e."searchVector", term) * ln(
            (SELECT count(*) FROM ${table} d WHERE d.status = 'PUBLISHED')::float8
            / nullif((SELECT count(*) FROM ${table} d WHERE d.status = 'PUBLISHED' AND d."searchVector" @@ term), 0)
          )), 0)
          FROM unnest(input.terms) AS term WHERE e."searchVector" @@ term
        ) + ${textRank}`
      : textRank;
  const rows = await prisma.$queryRaw<{ slug: string }[]>`
    WITH input AS (
      SELECT ${tsquery} AS query, lower(immutable_unaccent(${query})) AS folded, ${query}::text AS text,
        ARRAY(SELECT websearch_to_tsquery('simple', lexeme) FROM unnest(tsvector_to_array(to_tsvector('fr_unaccent', ${query}))) AS lexeme) AS terms
    )
    SELECT e.slug FROM ${table} e, input
    WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ input.query
    ORDER BY ${rank} DESC, ${order}`;
  return rows.map((row) => row.slug);
}

// The SQL that suggested corrections before the vocabulary was kept in memory.
type WordRow = { position: number; typed: string; known: boolean; suggestion: string | null };
function closestWordsInSql(prisma: PrismaClient, words: string[]): Promise<WordRow[]> {
  return prisma.$queryRaw<WordRow[]>`
    WITH documents AS (
      SELECT title || ' ' || description AS text FROM "Need" WHERE status = 'PUBLISHED'
      UNION ALL SELECT title || ' ' || description FROM "Solution" WHERE status = 'PUBLISHED'
      UNION ALL SELECT name || ' ' || "alternateName" || ' ' || description FROM "Provider" WHERE status = 'PUBLISHED'
    ), tokens AS (
      SELECT lower(token.token) AS word, count(*) AS frequency
      FROM documents, ts_parse('default', documents.text) AS token
      WHERE token.tokid IN (1, 2, 3, 9, 10, 11) AND char_length(token.token) >= 3
      GROUP BY 1
    ), vocabulary AS MATERIALIZED (
      SELECT word, frequency, immutable_unaccent(word) AS folded FROM tokens
    ), typed AS MATERIALIZED (
      SELECT typed.word, typed.position, lower(immutable_unaccent(typed.word)) AS folded
      FROM unnest(${words}::text[]) WITH ORDINALITY AS typed(word, position)
    )
    SELECT typed.position::int AS position, typed.word AS typed,
      EXISTS (SELECT 1 FROM vocabulary v WHERE v.folded = typed.folded) AS known,
      best.word AS suggestion
    FROM typed
    LEFT JOIN LATERAL (
      SELECT v.word FROM vocabulary v
      WHERE similarity(v.folded, typed.folded) >= ${0.35}
      ORDER BY similarity(v.folded, typed.folded) DESC, v.frequency DESC, v.word
      LIMIT 1
    ) best ON true
    ORDER BY typed.position`;
}

describe.skipIf(!serverUrl)('recherche : chemins rapides', () => {
  let prisma: PrismaClient;
  let vocabulary: Vocabulary;

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
    vocabulary = await loadVocabulary(prisma);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  describe('vocabulaire en mémoire', () => {
    it('calcule la similarité de pg_trgm, au bit près, pour chaque mot du répertoire', async () => {
      const entries = await readVocabulary(prisma);
      expect(entries.length).toBeGreaterThan(200);
      // Typos of words of the directory (one letter dropped), and a few unrelated words.
      const typed = [
        ...entries.filter((entry) => entry.folded.length >= 6).slice(0, 40).map((entry) => entry.folded.slice(0, 2) + entry.folded.slice(3)),
        'formaton', 'numeriqe', 'oeuvre', 'xyzzy',
      ];
      const pairs = entries.flatMap((entry) => typed.map((word) => [entry.folded, word] as const));
      const rows = await prisma.$queryRaw<{ similarity: number }[]>`
        SELECT similarity(pair.a, pair.b) AS similarity
        FROM unnest(${pairs.map(([a]) => a)}::text[], ${pairs.map(([, b]) => b)}::text[]) WITH ORDINALITY AS pair(a, b, position)
        ORDER BY pair.position`;
      let close = 0;
      pairs.forEach(([a, b], index) => {
        const first = trigramsOf(a);
        const second = trigramsOf(b);
        const shared = [...first].filter((trigram) => second.has(trigram)).length;
        const similarity = similarityOfCounts(shared, first.size, second.size);
        expect(similarity, `${a} / ${b}`).toBe(Math.fround(rows[index]!.similarity));
        if (similarity >= 0.35) close += 1;
      });
      // Not only zeros: the comparison covers many words close enough to be suggested.
      expect(close).toBeGreaterThan(40);
    });

    it('propose les mêmes corrections que la requête SQL d’avant', async () => {
      const rows = await closestWordsInSql(prisma, TYPED);
      const folded = await prisma.$queryRaw<{ folded: string }[]>`
        SELECT lower(immutable_unaccent(word)) AS folded FROM unnest(${TYPED}::text[]) WITH ORDINALITY AS typed(word, position) ORDER BY position`;
      expect(rows.filter((row) => row.suggestion !== null).length).toBeGreaterThan(5);
      rows.forEach((row, index) => {
        expect(closestWord(vocabulary, folded[index]!.folded), row.typed).toEqual({ known: row.known, suggestion: row.suggestion });
      });
    });

    it('suit les modifications : un mot ajouté à une fiche en fait partie à la lecture suivante', async () => {
      const need = await prisma.need.findUniqueOrThrow({ where: { slug: 'organisation-du-travail-hybride' } });
      expect(closestWord(vocabulary, 'zorglubification').known).toBe(false);
      await prisma.need.update({ where: { id: need.id }, data: { description: `${need.description} Zorglubification.` } });
      try {
        expect(closestWord(await loadVocabulary(prisma), 'zorglubification').known).toBe(true);
      } finally {
        await prisma.need.update({ where: { id: need.id }, data: { description: need.description } });
      }
    });

    it('suggestQueries se sert du vocabulaire qu’on lui donne', async () => {
      const extra = buildVocabulary([...vocabulary.entries, { word: 'quibblerie', frequency: 1, folded: 'quibblerie' }]);
      const loader = vi.fn(async () => extra);
      expect(await suggestQueries(prisma, 'quiblerie', loader)).toContain('quibblerie');
      expect(loader).toHaveBeenCalledTimes(1);
      expect(await suggestQueries(prisma, 'quiblerie')).not.toContain('quibblerie');
    });
  });

  describe('pages (inventaire 2023)', () => {
    const cases: [string, SearchType, 'all' | 'any'][] = [
      ['numérique', 'solutions', 'all'],
      ['numérique', 'providers', 'all'],
      ['accompagnement', 'providers', 'all'],
      ['logiciels gratuits pour notre organisme', 'solutions', 'any'],
      ['formation en ligne pour organismes communautaires', 'providers', 'any'],
    ];

    for (const [query, type, mode] of cases) {
      it(`« ${query} » (${mode}), ${type} : les premiers du classement complet`, async () => {
        const expected = await rankedSlugs(prisma, type, query, mode);
        expect(expected.length, 'more entries than one overview').toBeGreaterThan(OVERVIEW_SIZE);
        const overview = await searchDirectory(prisma, query);
        expect(overview.mode).toBe(mode);
        expect(overview.counts[type]).toBe(expected.length);
        expect(overview[type].map((hit) => hit.slug)).toEqual(expected.slice(0, OVERVIEW_SIZE));
      });
    }

    it('avec des filtres : les comptes et les pages de ce qui reste', async () => {
      const { solutions } = slugsOf(await findMatches(prisma, 'numérique'));
      const kept = solutions.filter((_, index) => index % 2 === 0);
      const results = await searchDirectory(prisma, 'numérique', { restrict: { solutions: kept } });
      expect(results.counts.solutions).toBe(kept.length);
      const expected = (await rankedSlugs(prisma, 'solutions', 'numérique', 'all')).filter((slug) => kept.includes(slug));
      expect(results.solutions.map((hit) => hit.slug)).toEqual(expected.slice(0, OVERVIEW_SIZE));
    });
  });

  describe('étape de correspondance partagée', () => {
    const queries = ['loi 25', 'numérique', 'logiciels gratuits pour notre organisme', 'techsup', 'formaton numeriqe', 'xyzzy qwfp'];

    it('donne les mêmes résultats que la recherche seule, filtres compris', async () => {
      for (const query of queries) {
        const matches = await findMatches(prisma, query);
        expect(await searchDirectory(prisma, query, { matches }), query).toEqual(await searchDirectory(prisma, query));
        const { solutions, providers } = slugsOf(matches);
        const restrict = { solutions: solutions.slice(0, 3), providers: providers.slice(1) };
        expect(await searchDirectory(prisma, query, { matches, restrict, type: 'providers' }), query).toEqual(
          await searchDirectory(prisma, query, { restrict, type: 'providers' }),
        );
      }
    });

    it('ignore une correspondance faite pour une autre requête', async () => {
      const other = await findMatches(prisma, 'techsoup');
      expect(await searchDirectory(prisma, 'loi 25', { matches: other })).toEqual(await searchDirectory(prisma, 'loi 25'));
    });

    it('les noms proches trouvés par l’étape des fautes sont ceux que les suggestions chercheraient', async () => {
      // "ordinatteurs" is close to OPEQ's alternate name, not to its name: OPEQ is not suggested.
      for (const query of ['techsup', 'insertek', 'jurypop', 'formaton numeriqe', 'xyzzy qwfp', 'ordinatteurs', 'OPEK']) {
        const matches = await findMatches(prisma, query);
        expect(matches.closeNames, query).toBeDefined();
        const loader = async (): Promise<Vocabulary> => vocabulary;
        expect(await suggestQueries(prisma, query, loader, matches.closeNames), query).toEqual(await suggestQueries(prisma, query, loader));
      }
      expect((await findMatches(prisma, 'techsup')).closeNames).toContain('TechSoup Canada');
    });
  });
  describe('pages (jeu synthétique du banc d’essai, 1 000 fournisseurs)', () => {
    let synthetic: PrismaClient;

    beforeAll(async () => {
      await ensureDatabase(serverUrl!, syntheticName);
      const url = withDatabase(serverUrl!, syntheticName);
      await applyMigrations(url);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await insertSyntheticDataset(client, generateSyntheticDataset(SYNTHETIC_SIZES));
      } finally {
        await client.end();
      }
      synthetic = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    });

    afterAll(async () => {
      await synthetic?.$disconnect();
      await dropDatabase(serverUrl!, syntheticName);
    });

    // Pages 1 to 3 of a type, one after the other, and the overview: the start of the ranking.
    const cases: [string, SearchType, 'all' | 'any'][] = [
      ['formation', 'providers', 'all'],
      ['formation', 'solutions', 'all'],
      ['formation', 'needs', 'all'],
      ['sauvegarde données', 'providers', 'all'],
      ['carrefour', 'providers', 'all'],
      ['formation numérique zorglub', 'providers', 'any'],
      ['formation numérique zorglub', 'solutions', 'any'],
    ];

    for (const [query, type, mode] of cases) {
      it(`« ${query} » (${mode}), ${type}`, async () => {
        const expected = await rankedSlugs(synthetic, type, query, mode);
        expect(expected.length, 'more than one page').toBeGreaterThan(PAGE_SIZE);
        const overview = await searchDirectory(synthetic, query);
        expect(overview.mode).toBe(mode);
        expect(overview.counts[type]).toBe(expected.length);
        expect(overview[type].map((hit) => hit.slug)).toEqual(expected.slice(0, OVERVIEW_SIZE));
        const pages: string[] = [];
        for (let page = 1; page <= 3; page += 1) {
          pages.push(...(await searchDirectory(synthetic, query, { type, page }))[type].map((hit) => hit.slug));
        }
        expect(pages).toEqual(expected.slice(0, 3 * PAGE_SIZE));
      });
    }

    it('par fautes de frappe : les noms les plus proches d’abord, à égalité par nom, page après page', async () => {
      const first = await searchDirectory(synthetic, 'carefour', { type: 'providers' });
      expect(first.mode).toBe('approximate');
      expect(first.counts.providers).toBeGreaterThan(2 * PAGE_SIZE);
      const second = await searchDirectory(synthetic, 'carefour', { type: 'providers', page: 2 });
      const rows = await synthetic.$queryRaw<{ slug: string }[]>`
        SELECT e.slug FROM "Provider" e, (SELECT lower(immutable_unaccent(e.name || ' ' || e."alternateName")) AS name, e.id FROM "Provider" e) named
        WHERE named.id = e.id AND e.status = 'PUBLISHED' AND word_similarity('carefour', named.name) >= ${0.45}::float8
        ORDER BY word_similarity('carefour', named.name) DESC, e.name, e.slug`;
      expect([...first.providers, ...second.providers].map((hit) => hit.slug)).toEqual(rows.map((row) => row.slug).slice(0, 2 * PAGE_SIZE));
    });
  });
});
