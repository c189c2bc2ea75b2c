// Search over the published needs, solutions and providers, in PostgreSQL (GUIDE.md §3).
// The documents ("searchVector") and the fr_unaccent configuration come from the migration
// "search". Every value from the query travels as a bind parameter of a tagged template;
// the only raw SQL fragments are constants of this file.
//
// Strategy, stopping at the first that finds something:
//  1. every word (websearch_to_tsquery: "quoted phrases", "or", "-word" work);
//  2. any of the words (a sentence typed in full rarely has all its words in one entry);
//  3. names and titles close to the query (pg_trgm), for typos: "techsup", "insertek".
// Ranking: ts_rank on the weighted document, plus a small bonus for a name close to the query.
// ts_headline runs only on the rows of the page being shown.
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { FRAGMENT_DELIMITER, HIGHLIGHT_MARKERS, HIGHLIGHT_START, HIGHLIGHT_STOP, frameExcerpt } from '@/lib/search/highlight';
import { hasSearchableText, normalizeQuery, toFullTextQuery } from '@/lib/search/normalize';
import { suggestQueries } from '@/lib/search/suggest';
import type {
  SearchRestriction,
  NeedHit,
  ProviderHit,
  SearchCounts,
  SearchMode,
  SearchOptions,
  SearchResults,
  SearchType,
  SolutionHit,
} from '@/lib/search/types';

/** Results of each type on the overview page (all types at once). */
export const OVERVIEW_SIZE = 10;
/** Results per page when one type is shown. */
export const PAGE_SIZE = 20;
/** Past this page the query is answered with an empty page rather than a deep OFFSET. */
export const MAX_PAGE = 50;
// Typo matching on fewer characters than this matches almost anything.
const MIN_APPROXIMATE_LENGTH = 3;
// pg_trgm's word_similarity threshold for typos. Its default (0.6) misses one wrong letter in a
// short name ("jurypop" is 0.45 from "Juripop"); lower ones pair unrelated names.
const TYPO_THRESHOLD = 0.45;
// Among close names, only those nearly as close as the closest: "techsup" gives TechSoup Canada
// (0.63), not also Techno Culture Club (0.5).
const TYPO_WINDOW = 0.1;
// Weight of name similarity in the rank, next to ts_rank (which is about 0.1 to 1).
const NAME_BONUS = 0.1;

// ts_headline options: a few words around the matches for excerpts, the whole title
// for titles. Markers instead of HTML (see lib/search/highlight.ts).
const EXCERPT_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter="${FRAGMENT_DELIMITER}"`;
const TITLE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

type Input = {
  text: string;
  ftsText: string;
  /** 'approximate' only: the lowest word_similarity kept. */
  closeness?: number;
};

const EMPTY_COUNTS: SearchCounts = { needs: 0, solutions: 0, providers: 0 };

// The `input` CTE every query starts from: the tsquery, the folded text for pg_trgm, and
// (for 'any') one tsquery per word of the query.
// 'any' turns the AND of websearch_to_tsquery into OR by rewriting its text form (lexemes
// are quoted there, so ' & ' only ever is an operator); not when the query has a negation,
// which OR would turn into "almost everything".
function inputCte(input: Input, mode: SearchMode): Prisma.Sql {
  const all = Prisma.sql`websearch_to_tsquery('fr_unaccent', ${input.ftsText})`;
  const query =
    mode === 'any'
      ? Prisma.sql`CASE WHEN strpos(${all}::text, '!') = 0 THEN replace(${all}::text, ' & ', ' | ')::tsquery ELSE ${all} END`
      : all;
  // Each lexeme becomes its own tsquery; websearch_to_tsquery('simple', …) never fails on
  // whatever a lexeme contains and leaves a plain lexeme as it is.
  const terms =
    mode === 'any'
      ? Prisma.sql`ARRAY(SELECT websearch_to_tsquery('simple', lexeme) FROM unnest(tsvector_to_array(to_tsvector('fr_unaccent', ${input.ftsText}))) AS lexeme)`
      : Prisma.sql`ARRAY[]::tsquery[]`;
  return Prisma.sql`WITH input AS (
    SELECT ${query} AS query, lower(immutable_unaccent(${input.text})) AS folded, ${terms} AS terms,
      ${input.closeness ?? TYPO_THRESHOLD}::float8 AS closeness
  )`;
}

// These name expressions are the ones of the trigram indexes (migration "search").
const NEED = Prisma.sql`"Need"`;
const SOLUTION = Prisma.sql`"Solution"`;
const PROVIDER = Prisma.sql`"Provider"`;
const NEED_NAME = Prisma.sql`lower(immutable_unaccent(e.title))`;
const SOLUTION_NAME = Prisma.sql`lower(immutable_unaccent(e.title))`;
const PROVIDER_NAME = Prisma.sql`lower(immutable_unaccent(e.name || ' ' || e."alternateName"))`;

// Filters of /recherche narrow solutions and providers to an allow-list of slugs.
function allowed(slugs: readonly string[] | undefined): Prisma.Sql {
  return slugs ? Prisma.sql`e.slug = ANY(${[...slugs]}::text[])` : Prisma.sql`TRUE`;
}

function matches(mode: SearchMode, name: Prisma.Sql): Prisma.Sql {
  // `<%`: word_similarity(folded, name) >= pg_trgm.word_similarity_threshold (see runQuery);
  // the operator, unlike a comparison with the function, can use the trigram indexes.
  if (mode !== 'approximate') return Prisma.sql`e."searchVector" @@ input.query`;
  return Prisma.sql`input.folded <% ${name} AND word_similarity(input.folded, ${name}) >= input.closeness`;
}

// Runs a search query; for typos, in a transaction that sets the trigram threshold for itself.
async function runQuery<T>(db: PrismaClient, mode: SearchMode, query: Prisma.Sql): Promise<T> {
  if (mode !== 'approximate') return db.$queryRaw<T>(query);
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_THRESHOLD)}, true)`,
    db.$queryRaw<T>(query),
  ]);
  return rows;
}

// 'all': every entry has every word, ts_rank orders them (weights A to D).
// 'any': an entry with a rare word of the query comes before one with a common word, and a word
// in a title before one in a description: each word counts for its inverse document frequency
// in that table times its own ts_rank, with weights closer together than ts_rank's default
// (0.1, 0.2, 0.4, 1) so that rarity matters more than place.
// 'approximate': the closest names first.
function rank(mode: SearchMode, table: Prisma.Sql, name: Prisma.Sql): Prisma.Sql {
  const similarity = Prisma.sql`word_similarity(input.folded, ${name})`;
  if (mode === 'approximate') return similarity;
  const textRank = Prisma.sql`ts_rank(e."searchVector", input.query) + ${NAME_BONUS}::real * ${similarity}`;
  if (mode !== 'any') return textRank;
  return Prisma.sql`(
    SELECT coalesce(sum(ts_rank('{0.25, 0.5, 0.75, 1}', e."searchVector", term) * ln(
      (SELECT count(*) FROM ${table} d WHERE d.status = 'PUBLISHED')::float8
      / nullif((SELECT count(*) FROM ${table} d WHERE d.status = 'PUBLISHED' AND d."searchVector" @@ term), 0)
    )), 0)
    FROM unnest(input.terms) AS term
    WHERE e."searchVector" @@ term
  ) + ${textRank}`;
}

async function countMatches(
  db: PrismaClient,
  input: Input,
  mode: Exclude<SearchMode, 'none'>,
  restrict: SearchRestriction = {},
): Promise<SearchCounts> {
  const [row] = await runQuery<SearchCounts[]>(db, mode, Prisma.sql`
    ${inputCte(input, mode)}
    SELECT
      (SELECT count(*) FROM "Need" e, input WHERE e.status = 'PUBLISHED' AND ${matches(mode, NEED_NAME)})::int AS needs,
      (SELECT count(*) FROM "Solution" e, input WHERE e.status = 'PUBLISHED' AND ${matches(mode, SOLUTION_NAME)} AND ${allowed(restrict.solutions)})::int AS solutions,
      (SELECT count(*) FROM "Provider" e, input WHERE e.status = 'PUBLISHED' AND ${matches(mode, PROVIDER_NAME)} AND ${allowed(restrict.providers)})::int AS providers`);
  return row ?? EMPTY_COUNTS;
}

type Page = { limit: number; offset: number };

type WithDescription = { description: string };

type NeedRow = NeedHit & WithDescription;

function fetchNeeds(db: PrismaClient, input: Input, mode: SearchMode, page: Page): Promise<NeedRow[]> {
  return runQuery<NeedRow[]>(db, mode, Prisma.sql`
    ${inputCte(input, mode)}
    SELECT hit.slug, hit.kind, hit.theme,
      ts_headline('fr_unaccent', hit.title, input.query, ${TITLE_OPTIONS}) AS title,
      ts_headline('fr_unaccent', hit.description, input.query, ${EXCERPT_OPTIONS}) AS excerpt, hit.description
    FROM (
      SELECT e.slug, e.kind, e.position,
        translate(e.title, ${HIGHLIGHT_MARKERS}, '') AS title,
        translate(e.description, ${HIGHLIGHT_MARKERS}, '') AS description,
        (SELECT theme.name FROM "Theme" theme WHERE theme.id = e."themeId" AND theme.status = 'PUBLISHED') AS theme,
        ${rank(mode, NEED, NEED_NAME)} AS rank
      FROM "Need" e, input
      WHERE e.status = 'PUBLISHED' AND ${matches(mode, NEED_NAME)}
      ORDER BY rank DESC, e.position
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) hit, input
    ORDER BY hit.rank DESC, hit.position`);
}

type SolutionRow = SolutionHit & WithDescription;

function fetchSolutions(db: PrismaClient, input: Input, mode: SearchMode, page: Page, restrict: SearchRestriction): Promise<SolutionRow[]> {
  return runQuery<SolutionRow[]>(db, mode, Prisma.sql`
    ${inputCte(input, mode)}
    SELECT hit.slug, hit.availability,
      ts_headline('fr_unaccent', hit.title, input.query, ${TITLE_OPTIONS}) AS title,
      ts_headline('fr_unaccent', hit.description, input.query, ${EXCERPT_OPTIONS}) AS excerpt, hit.description,
      (SELECT coalesce(json_agg(json_build_object('slug', p.slug, 'name', p.name, 'role', link.role) ORDER BY p.name, link.role), '[]'::json)
        FROM "SolutionProvider" link JOIN "Provider" p ON p.id = link."providerId"
        WHERE link."solutionId" = hit.id AND p.status = 'PUBLISHED') AS providers,
      (SELECT coalesce(json_agg(json_build_object('slug', n.slug, 'title', n.title) ORDER BY n.position), '[]'::json)
        FROM "NeedSolution" link JOIN "Need" n ON n.id = link."needId"
        WHERE link."solutionId" = hit.id AND n.status = 'PUBLISHED') AS needs
    FROM (
      SELECT e.id, e.slug, e.availability,
        translate(e.title, ${HIGHLIGHT_MARKERS}, '') AS title,
        translate(e.description, ${HIGHLIGHT_MARKERS}, '') AS description,
        ${rank(mode, SOLUTION, SOLUTION_NAME)} AS rank
      FROM "Solution" e, input
      WHERE e.status = 'PUBLISHED' AND ${matches(mode, SOLUTION_NAME)} AND ${allowed(restrict.solutions)}
      ORDER BY rank DESC, e.title, e.slug
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) hit, input
    ORDER BY hit.rank DESC, hit.title, hit.slug`);
}

type ProviderRow = ProviderHit & WithDescription;

// What a provider offers is often why it was found ("loi 25" finds Nord Ouvert through its
// workshop for the Loi 25 need): its solutions that match come first.
const PROVIDER_SOLUTIONS_SHOWN = 3;

function fetchProviders(db: PrismaClient, input: Input, mode: SearchMode, page: Page, restrict: SearchRestriction): Promise<ProviderRow[]> {
  return runQuery<ProviderRow[]>(db, mode, Prisma.sql`
    ${inputCte(input, mode)}
    SELECT hit.slug, hit.kind,
      ts_headline('fr_unaccent', hit.name, input.query, ${TITLE_OPTIONS}) AS name,
      ts_headline('fr_unaccent', hit."alternateName", input.query, ${TITLE_OPTIONS}) AS "alternateName",
      ts_headline('fr_unaccent', hit.description, input.query, ${EXCERPT_OPTIONS}) AS excerpt, hit.description,
      (SELECT coalesce(json_agg(json_build_object('slug', offered.slug, 'title', offered.title)), '[]'::json)
        FROM (
          SELECT s.slug, s.title FROM "Solution" s
          WHERE s.status = 'PUBLISHED' AND s.id IN (SELECT link."solutionId" FROM "SolutionProvider" link WHERE link."providerId" = hit.id)
          ORDER BY s."searchVector" @@ input.query DESC, s.title
          LIMIT ${PROVIDER_SOLUTIONS_SHOWN}
        ) offered) AS solutions,
      (SELECT count(DISTINCT s.id)::int FROM "Solution" s JOIN "SolutionProvider" link ON link."solutionId" = s.id
        WHERE link."providerId" = hit.id AND s.status = 'PUBLISHED') AS "solutionCount"
    FROM (
      SELECT e.id, e.slug, e.kind,
        translate(e.name, ${HIGHLIGHT_MARKERS}, '') AS name,
        translate(e."alternateName", ${HIGHLIGHT_MARKERS}, '') AS "alternateName",
        translate(e.description, ${HIGHLIGHT_MARKERS}, '') AS description,
        ${rank(mode, PROVIDER, PROVIDER_NAME)} AS rank
      FROM "Provider" e, input
      WHERE e.status = 'PUBLISHED' AND ${matches(mode, PROVIDER_NAME)} AND ${allowed(restrict.providers)}
      ORDER BY rank DESC, e.name, e.slug
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) hit, input
    ORDER BY hit.rank DESC, hit.name, hit.slug`);
}

// The description was only needed to tell whether the excerpt starts or ends it.
function toHit<T extends { excerpt: string }>(row: T & WithDescription): T {
  const { description, ...hit } = row;
  return { ...hit, excerpt: frameExcerpt(row.excerpt, description) } as unknown as T;
}

function emptyResults(query: string, type: SearchType | null, page: number, pageSize: number): SearchResults {
  return { query, mode: 'none', counts: { ...EMPTY_COUNTS }, total: 0, type, page, pageSize, needs: [], solutions: [], providers: [], suggestions: [] };
}

function totalOf(counts: SearchCounts): number {
  return counts.needs + counts.solutions + counts.providers;
}

// The similarity of the closest name of any type, or null when none is close enough.
async function closestNameSimilarity(db: PrismaClient, input: Input): Promise<number | null> {
  const [row] = await runQuery<{ best: number | null }[]>(db, 'approximate', Prisma.sql`
    ${inputCte(input, 'approximate')}
    SELECT greatest(
      (SELECT max(word_similarity(input.folded, ${NEED_NAME})) FROM "Need" e, input WHERE e.status = 'PUBLISHED' AND ${matches('approximate', NEED_NAME)}),
      (SELECT max(word_similarity(input.folded, ${SOLUTION_NAME})) FROM "Solution" e, input WHERE e.status = 'PUBLISHED' AND ${matches('approximate', SOLUTION_NAME)}),
      (SELECT max(word_similarity(input.folded, ${PROVIDER_NAME})) FROM "Provider" e, input WHERE e.status = 'PUBLISHED' AND ${matches('approximate', PROVIDER_NAME)})
    )::float8 AS best`);
  return row?.best ?? null;
}

type Found = { mode: SearchMode; counts: SearchCounts; input: Input };

/** Finds the mode that gives results, and the counts per type in that mode. */
async function findMode(db: PrismaClient, input: Input): Promise<Found> {
  const strict = await countMatches(db, input, 'all');
  if (totalOf(strict) > 0) return { mode: 'all', counts: strict, input };
  const loose = await countMatches(db, input, 'any');
  if (totalOf(loose) > 0) return { mode: 'any', counts: loose, input };
  if (Array.from(input.text.replace(/[^\p{L}\p{N}]/gu, '')).length >= MIN_APPROXIMATE_LENGTH) {
    const best = await closestNameSimilarity(db, input);
    if (best !== null) {
      const close: Input = { ...input, closeness: Math.max(TYPO_THRESHOLD, best - TYPO_WINDOW) };
      return { mode: 'approximate', counts: await countMatches(db, close, 'approximate'), input: close };
    }
  }
  return { mode: 'none', counts: { ...EMPTY_COUNTS }, input };
}

/**
 * Searches the published directory. `rawQuery` may be anything (a ?q= value as received):
 * it is normalised first, and nothing a person can type makes this throw.
 */
export async function searchDirectory(db: PrismaClient, rawQuery: unknown, options: SearchOptions = {}): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery);
  const type = options.type ?? null;
  const page = type ? Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), MAX_PAGE + 1) : 1;
  const pageSize = type ? PAGE_SIZE : OVERVIEW_SIZE;
  if (!hasSearchableText(query)) return emptyResults(query, type, page, pageSize);

  // The mode is chosen on the query alone; filters then narrow what it found.
  const found = await findMode(db, { text: query, ftsText: toFullTextQuery(query) });
  const { mode, input } = found;
  const restrict = options.restrict ?? {};
  const suggestions = mode === 'all' ? [] : await workingSuggestions(db, query);
  if (mode === 'none') return { ...emptyResults(query, type, page, pageSize), suggestions };
  const counts = options.restrict ? await countMatches(db, input, mode, restrict) : found.counts;

  const slice: Page = page > MAX_PAGE ? { limit: 0, offset: 0 } : { limit: pageSize, offset: (page - 1) * pageSize };
  const wants = (wanted: SearchType): boolean => (type === null || type === wanted) && counts[wanted] > 0;
  const [needs, solutions, providers] = await Promise.all([
    wants('needs') ? fetchNeeds(db, input, mode, slice) : [],
    wants('solutions') ? fetchSolutions(db, input, mode, slice, restrict) : [],
    wants('providers') ? fetchProviders(db, input, mode, slice, restrict) : [],
  ]);

  return {
    query,
    mode,
    counts,
    total: totalOf(counts),
    type,
    page,
    pageSize,
    needs: needs.map((row) => toHit<NeedHit>(row)),
    solutions: solutions.map((row) => toHit<SolutionHit>(row)),
    providers: providers.map((row) => toHit<ProviderHit>(row)),
    suggestions,
  };
}

/** Slugs of every published solution and provider the query finds (before filters), for filter counts. */
export async function listMatchingSlugs(db: PrismaClient, rawQuery: unknown): Promise<{ solutions: string[]; providers: string[] }> {
  const query = normalizeQuery(rawQuery);
  if (!hasSearchableText(query)) return { solutions: [], providers: [] };
  const { mode, input } = await findMode(db, { text: query, ftsText: toFullTextQuery(query) });
  if (mode === 'none') return { solutions: [], providers: [] };
  const rows = await runQuery<{ type: 'solution' | 'provider'; slug: string }[]>(db, mode, Prisma.sql`
    ${inputCte(input, mode)}
    SELECT 'solution' AS type, e.slug FROM "Solution" e, input WHERE e.status = 'PUBLISHED' AND ${matches(mode, SOLUTION_NAME)}
    UNION ALL
    SELECT 'provider' AS type, e.slug FROM "Provider" e, input WHERE e.status = 'PUBLISHED' AND ${matches(mode, PROVIDER_NAME)}`);
  return {
    solutions: rows.filter((row) => row.type === 'solution').map((row) => row.slug),
    providers: rows.filter((row) => row.type === 'provider').map((row) => row.slug),
  };
}

const MAX_SUGGESTIONS = 3;

// A suggestion is only worth a link if following it finds something with all its words.
async function workingSuggestions(db: PrismaClient, query: string): Promise<string[]> {
  const candidates = await suggestQueries(db, query);
  const counts = await Promise.all(
    candidates.map((candidate) => countMatches(db, { text: candidate, ftsText: toFullTextQuery(candidate) }, 'all')),
  );
  return candidates.filter((_, index) => totalOf(counts[index] ?? EMPTY_COUNTS) > 0).slice(0, MAX_SUGGESTIONS);
}
