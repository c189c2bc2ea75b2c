// "Vouliez-vous dire… ?": when a query finds little, propose queries built from the words
// and names of the directory that are closest to it (pg_trgm similarity).
// The words come from a vocabulary read once per generation of the data and matched in memory
// (lib/search/vocabulary.ts); the names through the trigram indexes of the migration "search".
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { queryWords } from '@/lib/search/normalize';
import { trigramInput } from '@/lib/search/trigram-threshold';
import { MIN_CORRECTED_LENGTH, closestWord, loadVocabulary, type VocabularyLoader } from '@/lib/search/vocabulary';

/** Word similarity of a suggested name (pg_trgm's default threshold for `<%`). */
export const MIN_NAME_SIMILARITY = 0.6;
const MAX_NAME_SUGGESTIONS = 3;

type WordRow = { typed: string; known: boolean; suggestion: string | null };

// The typed words as PostgreSQL folds them (unaccent's rules, not JavaScript's), so that they
// compare with the vocabulary's folded forms exactly as the SQL version did.
async function foldWords(db: PrismaClient, words: string[]): Promise<string[]> {
  const rows = await db.$queryRaw<{ folded: string }[]>`
    SELECT lower(immutable_unaccent(typed.word)) AS folded
    FROM unnest(${words}::text[]) WITH ORDINALITY AS typed(word, position)
    ORDER BY typed.position`;
  return rows.map((row) => row.folded);
}

/**
 * The closest names among `names` (a relation with columns `name`, and `similarity`: the word
 * similarity of the query to that name alone), as a text[] expression: best first, shortest
 * first on a tie.
 */
export function closestNamesAmong(names: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT coalesce(array_agg(best.name ORDER BY best.similarity DESC, char_length(best.name), best.name), '{}')
    FROM (
      SELECT names.name, names.similarity FROM ${names} names
      WHERE names.similarity >= ${MIN_NAME_SIMILARITY}
      ORDER BY names.similarity DESC, char_length(names.name), names.name
      LIMIT ${MAX_NAME_SUGGESTIONS}
    ) best
  )`;
}

// The `<%` prefilter lets the trigram indexes of the migration "search" answer (a scan of every
// name costs most of a second at 10,000 providers); the provider index covers the name and the
// alternate name, whose word similarity is at least the name's, so the recheck on the name alone
// keeps exactly what a full scan would.
async function closestNames(db: PrismaClient, query: string): Promise<string[]> {
  const [row] = await db.$queryRaw<{ names: string[] }[]>`
    ${trigramInput(query, MIN_NAME_SIMILARITY)}
    SELECT ${closestNamesAmong(Prisma.sql`(
      SELECT found.name, word_similarity(input.folded, lower(immutable_unaccent(found.name))) AS similarity
      FROM input, (
        SELECT e.name FROM "Provider" e, input
        WHERE e.status = 'PUBLISHED' AND input.folded <% lower(immutable_unaccent(e.name || ' ' || e."alternateName"))
        UNION SELECT e.title FROM "Need" e, input
        WHERE e.status = 'PUBLISHED' AND input.folded <% lower(immutable_unaccent(e.title))
        UNION SELECT e.title FROM "Solution" e, input
        WHERE e.status = 'PUBLISHED' AND input.folded <% lower(immutable_unaccent(e.title))
      ) found
    )`)} AS names`;
  return row?.names ?? [];
}

/** The query with each unknown word replaced by the closest known one ('' if unchanged). */
export function correctedQuery(rows: WordRow[]): string {
  const words = rows.flatMap((row) => {
    if (row.known || Array.from(row.typed).length < MIN_CORRECTED_LENGTH) return [row.typed];
    return row.suggestion ? [row.suggestion] : [];
  });
  const corrected = words.join(' ');
  return corrected === rows.map((row) => row.typed).join(' ') ? '' : corrected;
}

/**
 * Candidate queries, best first: the query with its words corrected, then the names of the
 * closest entries. The caller keeps those that find something. `vocabulary` defaults to
 * reading it now (about a second at 10,000 providers): the site passes the kept one.
 * `names`, when given, are the closest names already found for this query (closestNamesAmong).
 */
export async function suggestQueries(
  db: PrismaClient,
  query: string,
  vocabulary: VocabularyLoader = () => loadVocabulary(db),
  names?: readonly string[],
): Promise<string[]> {
  const words = queryWords(query);
  // One or two characters are close to too many things to suggest anything useful.
  if (words.join('').length < MIN_CORRECTED_LENGTH) return [];
  const [known, folded, closest] = await Promise.all([vocabulary(), foldWords(db, words), names ?? closestNames(db, query)]);
  const wordRows = words.map((typed, index) => ({ typed, ...closestWord(known, folded[index] ?? typed) }));
  const candidates = [correctedQuery(wordRows), ...closest];
  const seen = new Set<string>([query.toLowerCase()]);
  return candidates.filter((candidate) => {
    const key = candidate.toLowerCase();
    if (!candidate || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
