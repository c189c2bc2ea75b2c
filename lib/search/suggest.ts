// "Vouliez-vous dire… ?": when a query finds little, propose queries built from the words
// and names of the directory that are closest to it (pg_trgm similarity).
// The vocabulary is read from the published entries at query time: a few hundred entries
// split into words take a few milliseconds, and it can never be out of date. (A directory
// many times larger would keep it in a materialized view refreshed by the same triggers.)
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { queryWords } from '@/lib/search/normalize';

// Below this, pg_trgm similarity pairs unrelated words.
const MIN_WORD_SIMILARITY = 0.35;
const MIN_NAME_SIMILARITY = 0.6;
// Shorter words are kept as typed (articles, "25"...): too short to correct reliably.
const MIN_CORRECTED_LENGTH = 3;
const MAX_NAME_SUGGESTIONS = 3;

type WordRow = { position: number; typed: string; known: boolean; suggestion: string | null };
type NameRow = { name: string };

// Words come from PostgreSQL's text search parser (its idea of a word does not depend on the
// database locale, unlike regular expressions): token types asciiword, word, numword and the
// parts of hyphenated words.
async function closestWords(db: PrismaClient, words: string[]): Promise<WordRow[]> {
  return db.$queryRaw<WordRow[]>`
    WITH documents AS (
      SELECT title || ' ' || description AS text FROM "Need" WHERE status = 'PUBLISHED'
      UNION ALL SELECT title || ' ' || description FROM "Solution" WHERE status = 'PUBLISHED'
      UNION ALL SELECT name || ' ' || "alternateName" || ' ' || description FROM "Provider" WHERE status = 'PUBLISHED'
    ), tokens AS (
      SELECT lower(token.token) AS word, count(*) AS frequency
      FROM documents, ts_parse('default', documents.text) AS token
      WHERE token.tokid IN (1, 2, 3, 9, 10, 11) AND char_length(token.token) >= ${MIN_CORRECTED_LENGTH}
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
      WHERE similarity(v.folded, typed.folded) >= ${MIN_WORD_SIMILARITY}
      ORDER BY similarity(v.folded, typed.folded) DESC, v.frequency DESC, v.word
      LIMIT 1
    ) best ON true
    ORDER BY typed.position`;
}

// The `<%` prefilter lets the trigram indexes of the migration "search" answer (a scan of every
// name costs most of a second at 10,000 providers); the provider index covers the name and the
// alternate name, whose word similarity is at least the name's, so the recheck on the name alone
// keeps exactly what a full scan would.
async function closestNames(db: PrismaClient, query: string): Promise<NameRow[]> {
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(MIN_NAME_SIMILARITY)}, true)`,
    db.$queryRaw<NameRow[]>`
      WITH input AS (
        SELECT lower(immutable_unaccent(${query})) AS folded
      ), names AS (
        SELECT e.name FROM "Provider" e, input
        WHERE e.status = 'PUBLISHED' AND input.folded <% lower(immutable_unaccent(e.name || ' ' || e."alternateName"))
        UNION SELECT e.title FROM "Need" e, input
        WHERE e.status = 'PUBLISHED' AND input.folded <% lower(immutable_unaccent(e.title))
        UNION SELECT e.title FROM "Solution" e, input
        WHERE e.status = 'PUBLISHED' AND input.folded <% lower(immutable_unaccent(e.title))
      ), scored AS (
        SELECT name, word_similarity(input.folded, lower(immutable_unaccent(name))) AS similarity
        FROM names, input
      )
      SELECT name FROM scored
      WHERE similarity >= ${MIN_NAME_SIMILARITY}
      ORDER BY similarity DESC, char_length(name), name
      LIMIT ${MAX_NAME_SUGGESTIONS}`,
  ]);
  return rows;
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
 * closest entries. The caller keeps those that find something.
 */
export async function suggestQueries(db: PrismaClient, query: string): Promise<string[]> {
  const words = queryWords(query);
  // One or two characters are close to too many things to suggest anything useful.
  if (words.join('').length < MIN_CORRECTED_LENGTH) return [];
  const [wordRows, nameRows] = await Promise.all([closestWords(db, words), closestNames(db, query)]);
  const candidates = [correctedQuery(wordRows), ...nameRows.map((row) => row.name)];
  const seen = new Set<string>([query.toLowerCase()]);
  return candidates.filter((candidate) => {
    const key = candidate.toLowerCase();
    if (!candidate || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
