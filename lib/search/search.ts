// Search over the published needs, solutions and providers, in PostgreSQL (GUIDE.md §3).
// The documents ("searchVector") and the fr_unaccent configuration come from the migration
// "search". Every value from the query travels as a bind parameter of a tagged template;
// the only raw SQL fragments are constants of this file (and numbered column names t0, w0…).
//
// Strategy, stopping at the first that finds something:
//  1. every word (websearch_to_tsquery: "quoted phrases", "or", "-word" work);
//  2. any of the words (a sentence typed in full rarely has all its words in one entry);
//  3. names and titles close to the query (pg_trgm), for typos: "techsup", "insertek".
// Ranking: ts_rank on the weighted document, plus a small bonus for a name close to the query.
//
// Cost: a common word finds 6,000 of the 15,500 entries of the benchmark's dataset, so a search
// reads everything it finds once, and only once:
//  - findMatches: one statement per strategy lists every entry found with the text part of its
//    rank (all of it but the name bonus). That gives the counts, the slugs the filters count
//    (slugsOf) and, filtered in JavaScript, the counts of a filtered search.
//  - fetchX: the page of each type. Only the entries that can still be on it are read again
//    (candidatesFor, then the `floor` CTE), by slug, to add the name bonus (word_similarity costs
//    tens of microseconds per name), order them and highlight them (ts_headline on the page only).
// lib/data/search.ts makes findMatches once per request for both the filters and the results.
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { FRAGMENT_DELIMITER, HIGHLIGHT_MARKERS, HIGHLIGHT_START, HIGHLIGHT_STOP, frameExcerpt } from '@/lib/search/highlight';
import { hasSearchableText, normalizeQuery, toFullTextQuery } from '@/lib/search/normalize';
import { MIN_NAME_SIMILARITY, closestNamesAmong, suggestQueries } from '@/lib/search/suggest';
import { trigramInput } from '@/lib/search/trigram-threshold';
import type {
  MatchReason,
  NeedHit,
  ProviderHit,
  ScoredEntry,
  SearchCounts,
  SearchMatches,
  SearchMode,
  SearchOptions,
  SearchResults,
  SearchType,
  SolutionHit,
} from '@/lib/search/types';
import type { VocabularyLoader } from '@/lib/search/vocabulary';
import { expandQuery, expandedQueryText, hasSearchOperators, nodeQuery, typedQueryText, type QueryExpansion, type SynonymIndex } from '@/lib/synonyms/expand';
import { analyseTexts } from '@/lib/synonyms/words';

/** Results of each type on the overview page (all types at once). */
export const OVERVIEW_SIZE = 10;
/** Results per page when one type is shown. */
export const PAGE_SIZE = 20;
/** Past this page the query is answered with an empty page rather than a deep OFFSET. */
export const MAX_PAGE = 50;
/**
 * Words (lexemes) the « any word » mode ranks by, at most: each one costs a count per table and
 * a ts_rank per entry found, so a 200-character query of 60 short words cost 40 times a short
 * one. Past this many, the first ones of the query are kept and the page says so
 * (SearchResults.wordsUsed).
 */
export const MAX_ANY_WORDS = 8;
// Typo matching on fewer characters than this matches almost anything.
const MIN_APPROXIMATE_LENGTH = 3;
/**
 * Typo matching compares the query with every name that shares trigrams with it: a long query
 * shares some with nearly all of them, and cost most of a second at 10,000 providers, only to
 * find nothing (a name must hold most of the query's trigrams). Past this many characters
 * (more than the longest name of the inventory) it is not tried, nor are names suggested.
 */
export const MAX_APPROXIMATE_LENGTH = 80;
// pg_trgm's word_similarity threshold for typos. Its default (0.6) misses one wrong letter in a
// short name ("jurypop" is 0.45 from "Juripop"); lower ones pair unrelated names.
const TYPO_THRESHOLD = 0.45;
// Among close names, only those nearly as close as the closest: "techsup" gives TechSoup Canada
// (0.63), not also Techno Culture Club (0.5).
const TYPO_WINDOW = 0.1;
// Weight of name similarity in the rank, next to ts_rank (which is about 0.1 to 1).
export const NAME_BONUS = 0.1;
// Ranks are compared in JavaScript only to choose candidates: a margin far above the rounding of
// their single-precision parts, far below any difference in rank that matters.
const RANK_MARGIN = 1e-4;

// ts_headline options: a few words around the matches for excerpts, the whole title
// for titles. Markers instead of HTML (see lib/search/highlight.ts).
const EXCERPT_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter="${FRAGMENT_DELIMITER}"`;
const TITLE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_STOP}, HighlightAll=true`;

// `expansion`: the query with its synonyms (lib/synonyms/expand.ts), when a term of a group is
// in it; `keptParts`: in 'any' mode, how many of its parts were searched (MAX_ANY_WORDS).
type Input = { text: string; ftsText: string; expansion?: QueryExpansion; keptParts?: number };
type MatchMode = Exclude<SearchMode, 'none'>;

const EMPTY_COUNTS: SearchCounts = { needs: 0, solutions: 0, providers: 0 };

// The tsquery of a mode. 'any' turns the AND of websearch_to_tsquery into OR by rewriting its
// text form (lexemes are quoted there, so ' & ' only ever is an operator); not when the query
// has a negation, which OR would turn into "almost everything". 'approximate' highlights the
// words themselves.
// With `kept` (a query cut to MAX_ANY_WORDS lexemes), 'any' is the OR of those lexemes only.
// A query with synonyms is written out by lib/synonyms/expand.ts as tsquery text, lexemes
// quoted, and cast from a bound parameter.
function tsquery(input: Input, mode: MatchMode, kept?: readonly string[]): Prisma.Sql {
  if (input.expansion) {
    const parts = input.expansion.parts.slice(0, input.keptParts ?? input.expansion.parts.length);
    return Prisma.sql`${expandedQueryText(input.expansion, mode === 'any' ? 'any' : 'all', mode === 'any' ? parts : undefined)}::tsquery`;
  }
  const all = Prisma.sql`websearch_to_tsquery('fr_unaccent', ${input.ftsText})`;
  if (mode !== 'any') return all;
  if (kept) return Prisma.sql`(${Prisma.join(kept.map((lexeme) => Prisma.sql`websearch_to_tsquery('simple', ${lexeme})`), ' || ')})`;
  return Prisma.sql`CASE WHEN strpos(${all}::text, '!') = 0 THEN replace(${all}::text, ' & ', ' | ')::tsquery ELSE ${all} END`;
}

// These name expressions are the ones of the trigram indexes (migration "search").
const NEED_NAME = Prisma.sql`lower(immutable_unaccent(e.title))`;
const SOLUTION_NAME = Prisma.sql`lower(immutable_unaccent(e.title))`;
const PROVIDER_NAME = Prisma.sql`lower(immutable_unaccent(e.name || ' ' || e."alternateName"))`;

// ---------------------------------------------------------------------------------------------
// Step 1: what the query finds.
// Each type's entries come back as one text, a line per entry: the slug, then the text part of
// its rank as PostgreSQL writes it (exact: since PostgreSQL 12, with the default
// extra_float_digits, floats are written with the digits needed to read them back).
// One string rather than thousands of rows: decoding rows one by one cost several times more.

// The line of an entry: its slug, then the parts of its rank, separated by spaces.
function line(parts: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`string_agg(${parts}, E'\n')`;
}

type MatchRow = { needs: string | null; solutions: string | null; providers: string | null };

// Lines of `slug rank…`; slugs never have spaces (lib/validation/slug.ts checks every write).
// Thousands of lines for a common word: indexOf and slices, no split per line.
function parseScored(text: string | null): ScoredEntry[] {
  if (!text) return [];
  const entries: ScoredEntry[] = [];
  for (let start = 0; start < text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const space = text.indexOf(' ', start);
    entries.push({ slug: text.slice(start, space === -1 || space > end ? end : space), line: text.slice(start, end) });
    start = end + 1;
  }
  return entries;
}

// The text part of an entry's rank: the sum of the numbers after its slug.
function textRankOf(entry: ScoredEntry): number {
  const first = entry.line.indexOf(' ');
  const second = entry.line.indexOf(' ', first + 1);
  if (second === -1) return Number(entry.line.slice(first + 1));
  return Number(entry.line.slice(first + 1, second)) + Number(entry.line.slice(second + 1));
}

// The k-th largest value (1-based) of `values`, which it reorders (quickselect).
function kthLargest(values: Float64Array, k: number): number {
  let low = 0;
  let high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >> 1]!;
    let left = low;
    let right = high;
    while (left <= right) {
      while (values[left]! > pivot) left += 1;
      while (values[right]! < pivot) right -= 1;
      if (left <= right) {
        [values[left], values[right]] = [values[right]!, values[left]!];
        left += 1;
        right -= 1;
      }
    }
    if (target <= right) high = right;
    else if (target >= left) low = left;
    else break;
  }
  return values[target]!;
}

function matchesOf(query: string, mode: SearchMode, input: Input, row: (MatchRow & { names?: string[] }) | undefined, kept?: KeptWords): SearchMatches {
  return {
    query,
    mode,
    ftsText: input.ftsText,
    ...(input.expansion ? { expansion: input.expansion } : {}),
    ...(kept ? (input.expansion ? { keptParts: kept.lexemes.length } : { keptLexemes: kept.lexemes }) : {}),
    ...(kept ? { wordsUsed: { kept: kept.lexemes.length, total: kept.total } } : {}),
    ...(row?.names ? { closeNames: row.names } : {}),
    needs: parseScored(row?.needs ?? null),
    solutions: parseScored(row?.solutions ?? null),
    providers: parseScored(row?.providers ?? null),
  };
}

// 'all' ranks by ts_rank plus bonuses (all of type real, like ts_rank, so that the page step
// reads the same numbers back):
//  - TITLE_BONUS when the entry's own name holds the whole query (weight A of its document),
//    half of it when it does only through synonyms: a title match comes before any passing
//    mention in a description, and the word typed before its synonyms;
//  - LINK_BONUS, for solutions and providers, when the title of a need they answer holds it
//    (weight D): a need's own solutions come before those that only mention its words;
//  - EXACT_TITLE_BONUS when the name is the query itself, punctuation and accents aside: an
//    exact need title ranks that need first;
//  - TYPED_BONUS when the entry has the words typed, not only their synonyms.
export const TITLE_BONUS = 1;
export const LINK_BONUS = 0.5;
export const EXACT_TITLE_BONUS = 1;
export const TYPED_BONUS = 0.25;
// Names further than this from the query's length are not compared character by character.
const EXACT_LENGTH_MARGIN = 10;

// The tsquery with every lexeme restricted to the given weights ('x' -> 'x':A). Lexemes are
// single-quoted in a tsquery's text, inner quotes doubled: the pattern takes each one whole.
function restrictedTo(query: Prisma.Sql, weights: 'A' | 'D' | 'AB' | 'ABC'): Prisma.Sql {
  return Prisma.sql`regexp_replace(${query}::text, ${"'(?:[^']|'')*'"}, ${`\\&:${weights}`}, 'g')::tsquery`;
}

// A name as compared with the query for an exact match: lowercase, no accents, punctuation as spaces.
function comparable(text: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`btrim(regexp_replace(lower(immutable_unaccent(${text})), '[^a-z0-9]+', ' ', 'g'))`;
}

// The query's words without synonyms (the same query when it has none).
function typedTsquery(input: Input): Prisma.Sql {
  return input.expansion ? Prisma.sql`${typedQueryText(input.expansion)}::tsquery` : tsquery(input, 'all');
}

const bonus = (condition: Prisma.Sql, value: number): Prisma.Sql => Prisma.sql`(CASE WHEN ${condition} THEN ${value}::real ELSE 0 END)`;

function allRank(name: Prisma.Sql, hasLinkBonus: boolean): Prisma.Sql {
  const vector = Prisma.sql`e."searchVector"`;
  return Prisma.sql`(ts_rank(${vector}, input.query)
    + ${bonus(Prisma.sql`${vector} @@ input.title_query`, TITLE_BONUS / 2)} + ${bonus(Prisma.sql`${vector} @@ input.typed_title_query`, TITLE_BONUS / 2)}
    + ${hasLinkBonus ? bonus(Prisma.sql`${vector} @@ input.link_query`, LINK_BONUS) : Prisma.sql`0::real`}
    + ${bonus(Prisma.sql`${vector} @@ input.typed_query`, TYPED_BONUS)}
    + (CASE WHEN abs(char_length(${name}) - input.length) > ${EXACT_LENGTH_MARGIN}::int THEN 0
        WHEN ${comparable(name)} = input.exact THEN ${EXACT_TITLE_BONUS}::real ELSE 0 END))`;
}

// 'all': every entry with every word, whether 'any' could find more (not with a single word,
// nor with a negation: then its query is the same), and the lexemes 'any' ranks by.
// MATERIALIZED: the planner then does not fold the tsquery to estimate it for each table, which
// cost more planning than the query itself for a rare word; the indexes are used either way.
// The lexemes come in the order of the query (where each first appears), so that a query cut
// to MAX_ANY_WORDS keeps its first words.
async function matchAll(db: PrismaClient, input: Input): Promise<{ row: MatchRow | undefined; canWiden: boolean; lexemes: string[] }> {
  const [row] = await db.$queryRaw<(MatchRow & { canWiden: boolean; lexemes: string[] })[]>`
    WITH found AS MATERIALIZED (SELECT ${tsquery(input, 'all')} AS query, ${typedTsquery(input)} AS typed_query),
    input AS MATERIALIZED (
      SELECT found.query, found.typed_query,
        ${restrictedTo(Prisma.sql`found.query`, 'A')} AS title_query, ${restrictedTo(Prisma.sql`found.typed_query`, 'A')} AS typed_title_query,
        ${restrictedTo(Prisma.sql`found.query`, 'D')} AS link_query,
        ${comparable(Prisma.sql`${input.text}`)} AS exact, char_length(${input.text}) AS length
      FROM found
    )
    SELECT
      (SELECT ${line(Prisma.sql`e.slug || ' ' || ${allRank(Prisma.sql`e.title`, false)}::text`)}
        FROM "Need" e WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ input.query) AS needs,
      (SELECT ${line(Prisma.sql`e.slug || ' ' || ${allRank(Prisma.sql`e.title`, true)}::text`)}
        FROM "Solution" e WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ input.query) AS solutions,
      (SELECT ${line(Prisma.sql`e.slug || ' ' || ${allRank(Prisma.sql`e.name`, true)}::text`)}
        FROM "Provider" e WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ input.query) AS providers,
      ${input.expansion ? Prisma.sql`${input.expansion.parts.length > 1}` : Prisma.sql`strpos(input.query::text, ' & ') > 0 AND strpos(input.query::text, '!') = 0`} AS "canWiden",
      (SELECT coalesce(array_agg(word.lexeme ORDER BY word.positions[1], word.lexeme), '{}')
        FROM unnest(to_tsvector('fr_unaccent', ${input.ftsText})) AS word) AS lexemes
    FROM input`;
  return { row, canWiden: row?.canWiden ?? false, lexemes: row?.lexemes ?? [] };
}

// 'any': an entry with a rare word of the query comes before one with a common word, and a word
// in a title before one in a description: each word counts for its inverse document frequency
// in that table times its own ts_rank, with weights closer together than ts_rank's default
// (0.1, 0.2, 0.4, 1) so that rarity matters more than place.
// The frequencies are counted once per word and table (`weights`), not once per entry found, and
// each entry adds up its words in one expression (a subquery per entry cost more than the rest):
// the sum of the words it has, in the order of the lexemes, as sum() would.
const term = (index: number): Prisma.Sql => Prisma.raw(`terms.t${index}`);
const weight = (index: number): Prisma.Sql => Prisma.raw(`weights.w${index}`);

function termWeights(table: Prisma.Sql, lexemes: string[]): Prisma.Sql {
  const columns = lexemes.map((_, index) => Prisma.sql`ln(total.count / nullif(
    (SELECT count(*) FROM ${table} d WHERE d.status = 'PUBLISHED' AND d."searchVector" @@ ${term(index)}), 0)) AS ${Prisma.raw(`w${index}`)}`);
  return Prisma.sql`(
    SELECT ${columns.length > 0 ? Prisma.join(columns) : Prisma.empty}
    FROM terms, (SELECT count(*)::float8 AS count FROM ${table} d WHERE d.status = 'PUBLISHED') total
  )`;
}

function anyLines(table: Prisma.Sql, weights: Prisma.Sql, lexemes: string[]): Prisma.Sql {
  const words = lexemes.map(
    (_, index) => Prisma.sql`(CASE WHEN e."searchVector" @@ ${term(index)}
      THEN ts_rank('{0.25, 0.5, 0.75, 1}', e."searchVector", ${term(index)}) * ${weight(index)} ELSE 0 END)`,
  );
  return Prisma.sql`(
    SELECT ${line(Prisma.sql`hit.slug || ' ' || hit.word_rank::text || ' ' || hit.text_rank::text`)}
    FROM (
      SELECT e.slug, (0::float8${words.length > 0 ? Prisma.sql` + ${Prisma.join(words, ' + ')}` : Prisma.empty}) AS word_rank, ts_rank(e."searchVector", input.query) AS text_rank
      FROM ${table} e, input, terms, ${weights} weights
      WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ input.query
    ) hit
  )`;
}

type KeptWords = { lexemes: string[]; total: number };

/** The lexemes 'any' ranks by, in alphabetical order as before the cap; `kept` when some were left out. */
export function anyWords(lexemes: readonly string[]): { lexemes: string[]; kept?: KeptWords } {
  const used = lexemes.slice(0, MAX_ANY_WORDS);
  const sorted = [...used].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return lexemes.length > MAX_ANY_WORDS ? { lexemes: sorted, kept: { lexemes: sorted, total: lexemes.length } } : { lexemes: sorted };
}

// A query with synonyms ranks by its parts (a word, or a span with its synonyms), in the order
// typed, the first MAX_ANY_WORDS of them.
export function anyParts(expansion: QueryExpansion): { parts: QueryExpansion['parts']; kept?: KeptWords } {
  const parts = expansion.parts.slice(0, MAX_ANY_WORDS);
  const texts = parts.map((part) => part.text);
  return expansion.parts.length > MAX_ANY_WORDS ? { parts, kept: { lexemes: texts, total: expansion.parts.length } } : { parts };
}

// The parts of a query with synonyms in the shape anyWords gives lexemes (only their count
// matters to the SQL: one term per part).
function partsAsWords(expansion: QueryExpansion): { lexemes: string[]; kept?: KeptWords } {
  const { parts, kept } = anyParts(expansion);
  return { lexemes: parts.map((part) => part.text), ...(kept ? { kept } : {}) };
}

async function matchAny(db: PrismaClient, input: Input, lexemes: string[], kept: KeptWords | undefined): Promise<MatchRow | undefined> {
  // Each lexeme becomes its own tsquery; websearch_to_tsquery('simple', …) never fails on
  // whatever a lexeme contains and leaves a plain lexeme as it is. With synonyms, each part.
  const terms = input.expansion
    ? anyParts(input.expansion).parts.map((part, index) => Prisma.sql`${nodeQuery(part)}::tsquery AS ${Prisma.raw(`t${index}`)}`)
    : lexemes.map((lexeme, index) => Prisma.sql`websearch_to_tsquery('simple', ${lexeme}) AS ${Prisma.raw(`t${index}`)}`);
  const [row] = await db.$queryRaw<MatchRow[]>`
    WITH input AS MATERIALIZED (SELECT ${tsquery(input, 'any', kept?.lexemes)} AS query),
    terms AS MATERIALIZED (SELECT ${terms.length > 0 ? Prisma.join(terms) : Prisma.empty}),
    need_weights AS MATERIALIZED ${termWeights(Prisma.sql`"Need"`, lexemes)},
    solution_weights AS MATERIALIZED ${termWeights(Prisma.sql`"Solution"`, lexemes)},
    provider_weights AS MATERIALIZED ${termWeights(Prisma.sql`"Provider"`, lexemes)}
    SELECT
      ${anyLines(Prisma.sql`"Need"`, Prisma.sql`need_weights`, lexemes)} AS needs,
      ${anyLines(Prisma.sql`"Solution"`, Prisma.sql`solution_weights`, lexemes)} AS solutions,
      ${anyLines(Prisma.sql`"Provider"`, Prisma.sql`provider_weights`, lexemes)} AS providers`;
  return row;
}

// 'approximate': names close to the query (`<%` lets the trigram indexes answer; with the
// threshold at TYPO_THRESHOLD it keeps exactly the word similarities ≥ TYPO_THRESHOLD), then only
// those nearly as close as the closest of any type. Ranked by that closeness alone, so the lines
// come in the page's order (ties broken as fetchX does) and a page only needs its own entries.
function closeEntries(table: Prisma.Sql, name: Prisma.Sql, label: Prisma.Sql, order: Prisma.Sql, isNameAlone: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT e.slug, ${label} AS name, ${order} AS position, word_similarity(input.folded, ${name}) AS similarity,
      ${isNameAlone} AS is_name_alone
    FROM ${table} e, input
    WHERE e.status = 'PUBLISHED' AND input.folded <% ${name}
  )`;
}

function closeLines(names: Prisma.Sql, order: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT string_agg(slug || ' ' || similarity::text, E'\n' ORDER BY similarity DESC, ${order})
    FROM ${names}, closeness WHERE similarity >= closeness.value
  )`;
}

// What suggestQueries would find for the names: among the same rows, those that `<%` at
// MIN_NAME_SIMILARITY keeps (a word similarity of at least that, compared in double precision
// as the operator does), compared again on the name alone. That is the similarity already
// computed unless the provider has an alternate name (a trailing space adds no trigram).
// Saves the suggestions a second pass over the same names.
const SUGGESTED_NAMES = Prisma.sql`(
  SELECT close.name,
    CASE WHEN close.is_name_alone THEN close.similarity
      ELSE word_similarity(input.folded, lower(immutable_unaccent(close.name))) END AS similarity
  FROM input, (
    SELECT name, similarity, is_name_alone FROM provider_names WHERE similarity::float8 >= ${MIN_NAME_SIMILARITY}::float8
    UNION ALL SELECT name, similarity, is_name_alone FROM need_names WHERE similarity::float8 >= ${MIN_NAME_SIMILARITY}::float8
    UNION ALL SELECT name, similarity, is_name_alone FROM solution_names WHERE similarity::float8 >= ${MIN_NAME_SIMILARITY}::float8
  ) close
  GROUP BY 1, 2
)`;

async function matchClose(db: PrismaClient, input: Input): Promise<MatchRow & { names: string[] } | undefined> {
  const [row] = await db.$queryRaw<(MatchRow & { names: string[] })[]>`
    ${trigramInput(input.text, TYPO_THRESHOLD)},
    need_names AS MATERIALIZED ${closeEntries(Prisma.sql`"Need"`, NEED_NAME, Prisma.sql`e.title`, Prisma.sql`e.position`, Prisma.sql`true`)},
    solution_names AS MATERIALIZED ${closeEntries(Prisma.sql`"Solution"`, SOLUTION_NAME, Prisma.sql`e.title`, Prisma.sql`ROW(e.title, e.slug)`, Prisma.sql`true`)},
    provider_names AS MATERIALIZED ${closeEntries(Prisma.sql`"Provider"`, PROVIDER_NAME, Prisma.sql`e.name`, Prisma.sql`ROW(e.name, e.slug)`, Prisma.sql`e."alternateName" = ''`)},
    closeness AS (
      SELECT greatest(${TYPO_THRESHOLD}::float8, greatest(
        (SELECT max(similarity) FROM need_names), (SELECT max(similarity) FROM solution_names), (SELECT max(similarity) FROM provider_names)
      )::float8 - ${TYPO_WINDOW}::float8) AS value
    )
    SELECT
      ${closeLines(Prisma.sql`need_names`, Prisma.sql`position`)} AS needs,
      ${closeLines(Prisma.sql`solution_names`, Prisma.sql`position`)} AS solutions,
      ${closeLines(Prisma.sql`provider_names`, Prisma.sql`position`)} AS providers,
      ${closestNamesAmong(SUGGESTED_NAMES)} AS names
    FROM closeness, input`;
  return row;
}

function totalOf(counts: SearchCounts): number {
  return counts.needs + counts.solutions + counts.providers;
}

function countsOf(matches: Pick<SearchMatches, SearchType>): SearchCounts {
  return { needs: matches.needs.length, solutions: matches.solutions.length, providers: matches.providers.length };
}

/**
 * Every published entry the query finds, in the first mode that finds something. `rawQuery` may
 * be anything (a ?q= value as received): it is normalised first.
 */
/**
 * The query with the synonyms of `synonyms`, or null: when no term of a group is in it, and
 * for a query with operators (quotes, "or", "-word"), searched exactly as typed.
 */
async function expansionOf(db: PrismaClient, ftsText: string, synonyms: SynonymIndex | null | undefined): Promise<QueryExpansion | null> {
  if (!synonyms || synonyms.rules.size === 0 || hasSearchOperators(ftsText)) return null;
  const [analysed] = await analyseTexts(db, [ftsText]);
  return analysed ? expandQuery(synonyms, analysed) : null;
}

/**
 * Every published entry the query finds, in the first mode that finds something. `rawQuery` may
 * be anything (a ?q= value as received): it is normalised first. `synonyms`: the groups' index
 * (lib/data/synonyms.ts); without it the query is searched as typed.
 */
export async function findMatches(db: PrismaClient, rawQuery: unknown, synonyms?: SynonymIndex | null): Promise<SearchMatches> {
  const query = normalizeQuery(rawQuery);
  const ftsText = toFullTextQuery(query);
  if (!hasSearchableText(query)) return matchesOf(query, 'none', { text: query, ftsText }, undefined);
  const expansion = await expansionOf(db, ftsText, synonyms);
  const input: Input = { text: query, ftsText, ...(expansion ? { expansion } : {}) };

  const strict = await matchAll(db, input);
  const all = matchesOf(query, 'all', input, strict.row);
  if (totalOf(countsOf(all)) > 0) return all;
  // No typo matching for a long query, and no names to suggest for it (closeNames: none).
  const isLong = Array.from(query).length > MAX_APPROXIMATE_LENGTH;
  // Set when 'any' searched only the first words: the page says so whatever the mode that follows.
  let wordsUsed: Pick<SearchMatches, 'wordsUsed'> = {};
  if (strict.canWiden) {
    const { lexemes, kept } = input.expansion ? partsAsWords(input.expansion) : anyWords(strict.lexemes);
    const anyInput: Input = input.expansion && kept ? { ...input, keptParts: kept.lexemes.length } : input;
    const any = matchesOf(query, 'any', anyInput, await matchAny(db, anyInput, lexemes, kept), kept);
    if (totalOf(countsOf(any)) > 0) return isLong ? { ...any, closeNames: [] } : any;
    if (any.wordsUsed) wordsUsed = { wordsUsed: any.wordsUsed };
  }
  if (isLong) return { ...matchesOf(query, 'none', input, undefined), closeNames: [], ...wordsUsed };
  if (Array.from(query.replace(/[^\p{L}\p{N}]/gu, '')).length >= MIN_APPROXIMATE_LENGTH) {
    const close = { ...matchesOf(query, 'approximate', input, await matchClose(db, input)), ...wordsUsed };
    // Nothing close: 'none', with the names for suggestions that step compared (none either).
    return totalOf(countsOf(close)) > 0 ? close : { ...close, mode: 'none' };
  }
  return { ...matchesOf(query, 'none', input, undefined), ...wordsUsed };
}

// ---------------------------------------------------------------------------------------------
// Step 2: the page of each type.

type Page = { limit: number; offset: number };

/**
 * The entries that can be among the first `wanted` ones. In 'all' and 'any' modes the rank is
 * the text part plus a name bonus between 0 and NAME_BONUS: an entry whose text part, even with
 * the whole bonus, stays below the wanted-th best text part is beaten by `wanted` entries,
 * whatever their names. In 'approximate' mode the entries come in the page's order already.
 */
export function candidatesFor(scored: readonly ScoredEntry[], wanted: number, mode: SearchMode): ScoredEntry[] {
  if (mode === 'approximate') return scored.slice(0, wanted);
  if (scored.length <= wanted) return [...scored];
  const ranks = new Float64Array(scored.length);
  scored.forEach((entry, index) => {
    ranks[index] = textRankOf(entry);
  });
  const floor = kthLargest(ranks.slice(), wanted) - NAME_BONUS - RANK_MARGIN;
  return scored.filter((_, index) => ranks[index]! >= floor);
}

// The final rank, in the same operations and types as one computed at once: in 'all',
// ts_rank + bonus (real); in 'any', the words' part (float8) + that; in 'approximate' the
// similarity.
function rankOf(mode: MatchMode, name: Prisma.Sql): Prisma.Sql {
  if (mode === 'approximate') return Prisma.sql`c.text_rank`;
  const withBonus = Prisma.sql`c.text_rank + ${NAME_BONUS}::real * word_similarity(input.folded, ${name})`;
  return mode === 'any' ? Prisma.sql`c.word_rank + (${withBonus})` : withBonus;
}

/**
 * The CTEs every page query starts from: `input` (tsquery for the highlights, folded text for
 * the name bonus), `candidate` (the entries sent back with their text parts), and `floor`: the
 * lowest full rank among the `wanted` candidates with the best text parts. The wanted-th best
 * rank is at least that, so a candidate whose text part plus the largest bonus is below it
 * cannot be on the page: only the others are read and get their name compared.
 */
function pageCtes(matches: SearchMatches, table: Prisma.Sql, name: Prisma.Sql, candidates: ScoredEntry[], wanted: number): Prisma.Sql {
  const mode = matches.mode as MatchMode;
  const input: Input = {
    text: matches.query,
    ftsText: matches.ftsText,
    ...(matches.expansion ? { expansion: matches.expansion } : {}),
    ...(matches.keptParts ? { keptParts: matches.keptParts } : {}),
  };
  // The lines as findMatches received them: `slug word_rank text_rank` in 'any', `slug text_rank` otherwise.
  const wordRank = mode === 'any' ? Prisma.sql`split_part(c.line, ' ', 2)` : Prisma.sql`'0'`;
  const textRank = mode === 'any' ? Prisma.sql`split_part(c.line, ' ', 3)` : Prisma.sql`split_part(c.line, ' ', 2)`;
  return Prisma.sql`WITH found AS MATERIALIZED (SELECT ${tsquery(input, mode, matches.keptLexemes)} AS query),
    input AS MATERIALIZED (
      SELECT found.query, lower(immutable_unaccent(${input.text})) AS folded,
        ${restrictedTo(Prisma.sql`found.query`, 'AB')} AS text_query, ${restrictedTo(Prisma.sql`found.query`, 'ABC')} AS near_query
      FROM found
    ),
    candidate AS MATERIALIZED (
      SELECT split_part(c.line, ' ', 1) AS slug, ${wordRank}::float8 AS word_rank, ${textRank}::real AS text_rank
      FROM string_to_table(${candidates.map((entry) => entry.line).join('\n')}, E'\n') AS c(line)
    ),
    floor AS (${floorOf(mode, table, name, candidates.length > FLOOR_FACTOR * wanted ? wanted : 0)})`;
}

// The floor costs a name comparison for `wanted` candidates, then one for each candidate above
// it: with few more candidates than wanted, comparing them all costs less.
const FLOOR_FACTOR = 3;

// The floor's query; without one (NULL) when every candidate is compared or the rank has no bonus.
function floorOf(mode: MatchMode, table: Prisma.Sql, name: Prisma.Sql, wanted: number): Prisma.Sql {
  if (wanted === 0 || mode === 'approximate') return Prisma.sql`SELECT NULL::float8 AS rank`;
  return Prisma.sql`
    SELECT CASE WHEN count(*) < ${wanted} THEN NULL ELSE min(${rankOf(mode, name)}) END AS rank
    FROM (SELECT * FROM candidate ORDER BY word_rank + text_rank DESC LIMIT ${wanted}) c
      ${entryOf(table)}, input`;
}

// The entry of candidate `c`, if still published. One index lookup per slug: LIMIT keeps the
// planner from hashing the whole table for a few hundred candidates.
function entryOf(table: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CROSS JOIN LATERAL (SELECT * FROM ${table} d WHERE d.slug = c.slug AND d.status = 'PUBLISHED' LIMIT 1) e`;
}

// Whether candidate `c` can still be on the page (see pageCtes).
function abovePageFloor(mode: MatchMode): Prisma.Sql {
  const bonus = mode === 'approximate' ? 0 : NAME_BONUS;
  return Prisma.sql`(floor.rank IS NULL OR c.word_rank + c.text_rank + ${bonus + RANK_MARGIN}::float8 >= floor.rank)`;
}

// Why each entry of the page matched (SearchHit.reasons): the synonym pairs it matched through
// (it has the expansion, not the words typed), and, when the query's words are not in its own
// title or text, whether its document's C or D part (neighbours: providers, needs, solutions,
// a need's note or theme) holds them. Computed on the page only. In 'approximate' mode the
// entries were found by their names: no reason to add.
type ReasonColumns = { synonymPairs: number[]; via: 'C' | 'D' | null };

function reasonColumns(matches: SearchMatches): Prisma.Sql {
  if (matches.mode === 'approximate') return Prisma.sql`'{}'::int[] AS "synonymPairs", NULL::text AS via`;
  const pairs = (matches.expansion?.pairs ?? []).map(
    (pair, index) => Prisma.sql`CASE WHEN hit.vector @@ ${pair.phrase}::tsquery AND NOT hit.vector @@ ${pair.typedQuery}::tsquery THEN ${index}::int END`,
  );
  const synonymPairs = pairs.length > 0 ? Prisma.sql`array_remove(ARRAY[${Prisma.join(pairs)}], NULL)` : Prisma.sql`'{}'::int[]`;
  return Prisma.sql`${synonymPairs} AS "synonymPairs",
    CASE WHEN hit.vector @@ input.text_query THEN NULL WHEN hit.vector @@ input.near_query THEN 'C' ELSE 'D' END AS via`;
}

type NeighbourVia = Extract<MatchReason, { kind: 'neighbour' }>['via'];
type SynonymReason = Extract<MatchReason, { kind: 'synonym' }>;

const NEIGHBOURS: Record<SearchType, Record<'C' | 'D', NeighbourVia>> = {
  needs: { C: 'note', D: 'note' },
  solutions: { C: 'providers', D: 'needs' },
  providers: { C: 'solutions', D: 'needs' },
};

function reasonsOf(type: SearchType, matches: SearchMatches, row: ReasonColumns): MatchReason[] {
  const pairs = matches.expansion?.pairs ?? [];
  const synonyms = row.synonymPairs.flatMap((index): SynonymReason[] => {
    const pair = pairs[index];
    return pair ? [{ kind: 'synonym', typed: pair.typed, found: pair.found }] : [];
  });
  // A longer span's synonym says enough: « ordi usagé » → « matériel informatique valorisé »
  // rather than also « ordi » → « matériel informatique ».
  const typed = new Set(synonyms.map((reason) => reason.typed));
  const seen = new Set<string>();
  const reasons: MatchReason[] = synonyms.filter((reason) => {
    const key = `${reason.typed}→${reason.found}`.toLowerCase();
    if (seen.has(key) || [...typed].some((other) => other !== reason.typed && other.includes(reason.typed))) return false;
    seen.add(key);
    return true;
  });
  if (row.via) reasons.push({ kind: 'neighbour', via: NEIGHBOURS[type][row.via] });
  return reasons;
}

type WithDescription = { description: string };

type NeedRow = Omit<NeedHit, 'reasons'> & WithDescription & ReasonColumns;

function fetchNeeds(db: PrismaClient, matches: SearchMatches, candidates: ScoredEntry[], page: Page): Promise<NeedRow[]> {
  const mode = matches.mode as MatchMode;
  return db.$queryRaw<NeedRow[]>`
    ${pageCtes(matches, Prisma.sql`"Need"`, NEED_NAME, candidates, page.offset + page.limit)}
    SELECT hit.slug, hit.kind, hit.theme,
      ts_headline('fr_unaccent', hit.title, input.query, ${TITLE_OPTIONS}) AS title,
      ts_headline('fr_unaccent', hit.description, input.query, ${EXCERPT_OPTIONS}) AS excerpt, hit.description,
      ${reasonColumns(matches)}
    FROM (
      SELECT e.slug, e.kind, e.position, e."searchVector" AS vector,
        translate(e.title, ${HIGHLIGHT_MARKERS}, '') AS title,
        translate(e.description, ${HIGHLIGHT_MARKERS}, '') AS description,
        (SELECT theme.name FROM "Theme" theme WHERE theme.id = e."themeId" AND theme.status = 'PUBLISHED') AS theme,
        ${rankOf(mode, NEED_NAME)} AS rank
      FROM floor, input, candidate c ${entryOf(Prisma.sql`"Need"`)}
      WHERE ${abovePageFloor(mode)}
      ORDER BY rank DESC, e.position
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) hit, input
    ORDER BY hit.rank DESC, hit.position`;
}

type SolutionRow = Omit<SolutionHit, 'reasons'> & WithDescription & ReasonColumns;

function fetchSolutions(db: PrismaClient, matches: SearchMatches, candidates: ScoredEntry[], page: Page): Promise<SolutionRow[]> {
  const mode = matches.mode as MatchMode;
  return db.$queryRaw<SolutionRow[]>`
    ${pageCtes(matches, Prisma.sql`"Solution"`, SOLUTION_NAME, candidates, page.offset + page.limit)}
    SELECT hit.slug, hit.availability,
      ts_headline('fr_unaccent', hit.title, input.query, ${TITLE_OPTIONS}) AS title,
      ts_headline('fr_unaccent', hit.description, input.query, ${EXCERPT_OPTIONS}) AS excerpt, hit.description,
      (SELECT coalesce(json_agg(json_build_object('slug', p.slug, 'name', p.name, 'role', link.role, 'isRoleInferred', link."isRoleInferred")
                ORDER BY p.name, link.role), '[]'::json)
        FROM "SolutionProvider" link JOIN "Provider" p ON p.id = link."providerId"
        WHERE link."solutionId" = hit.id AND p.status = 'PUBLISHED') AS providers,
      (SELECT coalesce(json_agg(json_build_object('slug', n.slug, 'title', n.title) ORDER BY n.position), '[]'::json)
        FROM "NeedSolution" link JOIN "Need" n ON n.id = link."needId"
        WHERE link."solutionId" = hit.id AND n.status = 'PUBLISHED') AS needs,
      ${reasonColumns(matches)}
    FROM (
      SELECT e.id, e.slug, e.availability, e."searchVector" AS vector,
        translate(e.title, ${HIGHLIGHT_MARKERS}, '') AS title,
        translate(e.description, ${HIGHLIGHT_MARKERS}, '') AS description,
        ${rankOf(mode, SOLUTION_NAME)} AS rank
      FROM floor, input, candidate c ${entryOf(Prisma.sql`"Solution"`)}
      WHERE ${abovePageFloor(mode)}
      ORDER BY rank DESC, e.title, e.slug
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) hit, input
    ORDER BY hit.rank DESC, hit.title, hit.slug`;
}

type ProviderRow = Omit<ProviderHit, 'reasons'> & WithDescription & ReasonColumns;

// What a provider offers is often why it was found ("loi 25" finds Nord Ouvert through its
// workshop for the Loi 25 need): its solutions that match come first.
const PROVIDER_SOLUTIONS_SHOWN = 3;

function fetchProviders(db: PrismaClient, matches: SearchMatches, candidates: ScoredEntry[], page: Page): Promise<ProviderRow[]> {
  const mode = matches.mode as MatchMode;
  return db.$queryRaw<ProviderRow[]>`
    ${pageCtes(matches, Prisma.sql`"Provider"`, PROVIDER_NAME, candidates, page.offset + page.limit)}
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
        WHERE link."providerId" = hit.id AND s.status = 'PUBLISHED') AS "solutionCount",
      ${reasonColumns(matches)}
    FROM (
      SELECT e.id, e.slug, e.kind, e."searchVector" AS vector,
        translate(e.name, ${HIGHLIGHT_MARKERS}, '') AS name,
        translate(e."alternateName", ${HIGHLIGHT_MARKERS}, '') AS "alternateName",
        translate(e.description, ${HIGHLIGHT_MARKERS}, '') AS description,
        ${rankOf(mode, PROVIDER_NAME)} AS rank
      FROM floor, input, candidate c ${entryOf(Prisma.sql`"Provider"`)}
      WHERE ${abovePageFloor(mode)}
      ORDER BY rank DESC, e.name, e.slug
      LIMIT ${page.limit} OFFSET ${page.offset}
    ) hit, input
    ORDER BY hit.rank DESC, hit.name, hit.slug`;
}

// The description was only needed to tell whether the excerpt starts or ends it.
function toHit<T extends { excerpt: string; reasons: MatchReason[] }>(type: SearchType, matches: SearchMatches, row: Omit<T, 'reasons'> & WithDescription & ReasonColumns): T {
  const { description, synonymPairs, via, ...hit } = row;
  return { ...hit, excerpt: frameExcerpt(row.excerpt, description), reasons: reasonsOf(type, matches, { synonymPairs, via }) } as unknown as T;
}

function emptyResults(query: string, type: SearchType | null, page: number, pageSize: number): SearchResults {
  return { query, mode: 'none', counts: { ...EMPTY_COUNTS }, total: 0, type, page, pageSize, needs: [], solutions: [], providers: [], suggestions: [] };
}

function restricted(scored: ScoredEntry[], allowed: readonly string[] | undefined): ScoredEntry[] {
  if (!allowed) return scored;
  const slugs = new Set(allowed);
  return scored.filter((entry) => slugs.has(entry.slug));
}

/**
 * Searches the published directory. `rawQuery` may be anything (a ?q= value as received):
 * it is normalised first, and nothing a person can type makes this throw.
 * `options.matches`, when given, is findMatches' answer for the same query (made once per request
 * by lib/data/search.ts); `options.vocabulary` gives the kept vocabulary for suggestions.
 */
export async function searchDirectory(db: PrismaClient, rawQuery: unknown, options: SearchOptions = {}): Promise<SearchResults> {
  const query = normalizeQuery(rawQuery);
  const type = options.type ?? null;
  const page = type ? Math.min(Math.max(1, Math.trunc(options.page ?? 1) || 1), MAX_PAGE + 1) : 1;
  const pageSize = type ? PAGE_SIZE : OVERVIEW_SIZE;
  if (!hasSearchableText(query)) return emptyResults(query, type, page, pageSize);

  // The mode is chosen on the query alone; filters then narrow what it found.
  const found = options.matches?.query === query ? options.matches : await findMatches(db, query, options.synonyms);
  const { mode } = found;
  const suggesting = mode === 'all' ? Promise.resolve([]) : workingSuggestions(db, query, options.vocabulary, found.closeNames);
  const wordsUsed = found.wordsUsed ? { wordsUsed: found.wordsUsed } : {};
  if (mode === 'none') return { ...emptyResults(query, type, page, pageSize), ...wordsUsed, suggestions: await suggesting };

  const restrict = options.restrict ?? {};
  const matches: SearchMatches = {
    ...found,
    solutions: restricted(found.solutions, restrict.solutions),
    providers: restricted(found.providers, restrict.providers),
  };
  const counts = countsOf(matches);

  const slice: Page = page > MAX_PAGE ? { limit: 0, offset: 0 } : { limit: pageSize, offset: (page - 1) * pageSize };
  const wanted = slice.offset + slice.limit;
  const pageOf = <T>(wantedType: SearchType, fetch: (candidates: ScoredEntry[]) => Promise<T[]>): Promise<T[]> => {
    if ((type !== null && type !== wantedType) || counts[wantedType] === 0 || slice.limit === 0) return Promise.resolve([]);
    // Nothing found past the last page: no query.
    if (slice.offset >= counts[wantedType]) return Promise.resolve([]);
    return fetch(candidatesFor(matches[wantedType], wanted, mode));
  };
  const [needs, solutions, providers, suggestions] = await Promise.all([
    pageOf('needs', (candidates) => fetchNeeds(db, matches, candidates, slice)),
    pageOf('solutions', (candidates) => fetchSolutions(db, matches, candidates, slice)),
    pageOf('providers', (candidates) => fetchProviders(db, matches, candidates, slice)),
    suggesting,
  ]);

  return {
    query,
    mode,
    ...wordsUsed,
    counts,
    total: totalOf(counts),
    type,
    page,
    pageSize,
    needs: needs.map((row) => toHit<NeedHit>('needs', matches, row)),
    solutions: solutions.map((row) => toHit<SolutionHit>('solutions', matches, row)),
    providers: providers.map((row) => toHit<ProviderHit>('providers', matches, row)),
    suggestions,
  };
}

/** Slugs of the solutions and providers found (before filters), for the filters' counts. */
export function slugsOf(matches: SearchMatches): { solutions: string[]; providers: string[] } {
  return { solutions: matches.solutions.map((entry) => entry.slug), providers: matches.providers.map((entry) => entry.slug) };
}

const MAX_SUGGESTIONS = 3;

// A suggestion is only worth a link if following it finds something with all its words.
// EXISTS stops at the first entry found; the tsquery is written out (not read from a CTE) so
// that the planner sees it and uses the indexes for a word that few entries have.
async function workingSuggestions(
  db: PrismaClient,
  query: string,
  vocabulary: VocabularyLoader | undefined,
  names: readonly string[] | undefined,
): Promise<string[]> {
  const candidates = await suggestQueries(db, query, vocabulary, names);
  if (candidates.length === 0) return [];
  const finds = (candidate: string, index: number): Prisma.Sql => {
    const tsq = Prisma.sql`websearch_to_tsquery('fr_unaccent', ${toFullTextQuery(candidate)})`;
    return Prisma.sql`SELECT ${index}::int AS position
      WHERE EXISTS (SELECT 1 FROM "Need" e WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ ${tsq})
        OR EXISTS (SELECT 1 FROM "Solution" e WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ ${tsq})
        OR EXISTS (SELECT 1 FROM "Provider" e WHERE e.status = 'PUBLISHED' AND e."searchVector" @@ ${tsq})`;
  };
  const rows = await db.$queryRaw<{ position: number }[]>`${Prisma.join(candidates.map(finds), ' UNION ALL ')}`;
  const working = new Set(rows.map((row) => row.position));
  return candidates.filter((_, index) => working.has(index)).slice(0, MAX_SUGGESTIONS);
}
