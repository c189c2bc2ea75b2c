// The words of the published directory, for "Vouliez-vous dire… ?" (lib/search/suggest.ts).
// Splitting every description into words takes about a second at 10,000 providers: it is done
// once per generation of the data (lib/data/search-vocabulary.ts keeps the result), and each
// typed word is then matched here, in memory, through an index from trigram to words, so that
// a lookup only looks at the words that share a trigram with it.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { asReal, similarityOfCounts, trigramsOf } from '@/lib/search/trigram';

/** A word as written in the entries (lowercase), how often it occurs, and without accents. */
export type VocabularyEntry = { word: string; frequency: number; folded: string };

export type Vocabulary = {
  entries: readonly VocabularyEntry[];
  /** The folded forms: a typed word whose folded form is here needs no correction. */
  known: ReadonlySet<string>;
  /** Trigram → indexes in `entries` of the words (folded) that have it. */
  postings: ReadonlyMap<string, readonly number[]>;
  /** Number of distinct trigrams of each entry's folded form. */
  sizes: Uint32Array;
};

/** What the vocabulary says of one typed word. */
export type WordMatch = { known: boolean; suggestion: string | null };

export type VocabularyLoader = () => Promise<Vocabulary>;

// Below this, pg_trgm similarity pairs unrelated words.
export const MIN_WORD_SIMILARITY = 0.35;
// Shorter words are kept as typed (articles, "25"...): too short to correct reliably.
export const MIN_CORRECTED_LENGTH = 3;

/**
 * Every word of the published entries with its frequency. Words come from PostgreSQL's text
 * search parser (its idea of a word does not depend on the database locale, unlike regular
 * expressions): token types asciiword, word, numword and the parts of hyphenated words.
 */
export async function readVocabulary(db: PrismaClient): Promise<VocabularyEntry[]> {
  return db.$queryRaw<VocabularyEntry[]>`
    WITH documents AS (
      SELECT title || ' ' || description AS text FROM "Need" WHERE status = 'PUBLISHED'
      UNION ALL SELECT title || ' ' || description FROM "Solution" WHERE status = 'PUBLISHED'
      UNION ALL SELECT name || ' ' || "alternateName" || ' ' || description FROM "Provider" WHERE status = 'PUBLISHED'
    ), tokens AS (
      SELECT lower(token.token) AS word, count(*) AS frequency
      FROM documents, ts_parse('default', documents.text) AS token
      WHERE token.tokid IN (1, 2, 3, 9, 10, 11) AND char_length(token.token) >= ${MIN_CORRECTED_LENGTH}
      GROUP BY 1
    )
    SELECT word, frequency::int AS frequency, immutable_unaccent(word) AS folded FROM tokens`;
}

export function buildVocabulary(entries: readonly VocabularyEntry[]): Vocabulary {
  const postings = new Map<string, number[]>();
  const sizes = new Uint32Array(entries.length);
  entries.forEach((entry, index) => {
    const trigrams = trigramsOf(entry.folded);
    sizes[index] = trigrams.size;
    for (const trigram of trigrams) {
      const list = postings.get(trigram);
      if (list) list.push(index);
      else postings.set(trigram, [index]);
    }
  });
  return { entries, known: new Set(entries.map((entry) => entry.folded)), postings, sizes };
}

/** The vocabulary of the published entries, read now (tests, scripts; the site keeps it per data generation). */
export async function loadVocabulary(db: PrismaClient): Promise<Vocabulary> {
  return buildVocabulary(await readVocabulary(db));
}

// PostgreSQL's ORDER BY on text in the C collation of our databases: by code point.
function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const first = Array.from(a, (character) => character.codePointAt(0)!);
  const second = Array.from(b, (character) => character.codePointAt(0)!);
  for (let index = 0; index < Math.min(first.length, second.length); index += 1) {
    if (first[index] !== second[index]) return first[index]! - second[index]!;
  }
  return first.length - second.length;
}

/**
 * Whether a typed word (folded: lowercase, no accents) is a word of the directory, and the
 * closest one: the highest pg_trgm similarity (at least MIN_WORD_SIMILARITY), then the most
 * frequent, then the first in alphabetical order — what the SQL version ordered by.
 */
export function closestWord(vocabulary: Vocabulary, folded: string): WordMatch {
  const known = vocabulary.known.has(folded);
  const typed = trigramsOf(folded);
  // Shared trigrams per entry, counted only for the entries that share at least one.
  const shared = new Uint32Array(vocabulary.entries.length);
  const touched: number[] = [];
  for (const trigram of typed) {
    for (const index of vocabulary.postings.get(trigram) ?? []) {
      if (shared[index] === 0) touched.push(index);
      shared[index] = shared[index]! + 1;
    }
  }
  const threshold = asReal(MIN_WORD_SIMILARITY);
  let best: VocabularyEntry | null = null;
  let bestSimilarity = 0;
  for (const index of touched) {
    const similarity = similarityOfCounts(shared[index]!, typed.size, vocabulary.sizes[index]!);
    if (similarity < threshold) continue;
    const entry = vocabulary.entries[index]!;
    const isBetter =
      best === null ||
      similarity > bestSimilarity ||
      (similarity === bestSimilarity &&
        (entry.frequency > best.frequency || (entry.frequency === best.frequency && compareCodePoints(entry.word, best.word) < 0)));
    if (isBetter) {
      best = entry;
      bestSimilarity = similarity;
    }
  }
  return { known, suggestion: best?.word ?? null };
}
