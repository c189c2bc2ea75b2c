// Words as PostgreSQL's search sees them. Synonym terms and queries are split by the same
// parser as the search documents (ts_parse 'default') and each word is stemmed by the same
// configuration (fr_unaccent), so that a term matches a query on stems ("logiciels pas chers"
// meets the term « pas cher »), never on raw strings. Very short words are the exception (see
// isShortWord): their stems collide with unrelated words.
import type { PrismaClient } from '@/lib/generated/prisma/client';

/** One word of a text: as typed (lowercase), folded (lowercase, no accents), and its lexemes. */
export type AnalysedWord = { lower: string; folded: string; lexemes: string[] };

/** A word of a query, with where it sits in the query's text. */
export type PositionedWord = AnalysedWord & { start: number; end: number };

export type AnalysedText = {
  text: string;
  /** The words that carry lexemes (stop words left out), in order. */
  words: PositionedWord[];
  /** phraseto_tsquery('fr_unaccent', text) as text: what the text matches as an expansion. */
  phrase: string;
  /** False when the parser's tokens did not spell the text back (URLs, e-mails…): no offsets. */
  hasOffsets: boolean;
};

// ts_parse token types (ts_token_type('default')): the parts of a hyphenated word repeat it
// (the whole word comes first, then each part); blanks are spaces and punctuation.
const HYPHENATED_PARTS = [9, 10, 11];
const BLANK = 12;
// Sub-tokens of URLs and e-mail-like tokens also repeat their parent token.
const URL_PARTS = [6, 18];

type TokenRow = { ord: number; tokid: number; token: string; unaccented: string; lexemes: string[] };
type PhraseRow = { ord: number; phrase: string };

/**
 * Splits texts into words the way the search documents are split, in one statement per kind of
 * answer. A hyphenated word ("wi-fi", "main-d'œuvre") stays one word, with every lexeme
 * PostgreSQL indexes for it (the whole and its parts).
 */
export async function analyseTexts(db: Pick<PrismaClient, '$queryRaw'>, texts: readonly string[]): Promise<AnalysedText[]> {
  if (texts.length === 0) return [];
  const list = [...texts];
  const [tokens, phrases] = await Promise.all([
    db.$queryRaw<TokenRow[]>`
      SELECT t.ord::int AS ord, p.tokid, p.token, immutable_unaccent(p.token) AS unaccented,
        CASE WHEN p.tokid = ${BLANK} THEN '{}'::text[] ELSE tsvector_to_array(to_tsvector('fr_unaccent', p.token)) END AS lexemes
      FROM unnest(${list}::text[]) WITH ORDINALITY AS t(text, ord)
      CROSS JOIN LATERAL ts_parse('default', t.text) WITH ORDINALITY AS p(tokid, token, position)
      WHERE p.tokid <> ALL (${[...HYPHENATED_PARTS, ...URL_PARTS]}::int[])
      ORDER BY t.ord, p.position`,
    db.$queryRaw<PhraseRow[]>`
      SELECT t.ord::int AS ord, phraseto_tsquery('fr_unaccent', t.text)::text AS phrase
      FROM unnest(${list}::text[]) WITH ORDINALITY AS t(text, ord)`,
  ]);
  const byText = new Map<number, TokenRow[]>();
  for (const row of tokens) {
    const rows = byText.get(row.ord) ?? [];
    rows.push(row);
    byText.set(row.ord, rows);
  }
  const phraseOf = new Map(phrases.map((row) => [row.ord, row.phrase]));
  return list.map((text, index) => wordsOf(text, byText.get(index + 1) ?? [], phraseOf.get(index + 1) ?? ''));
}

function wordsOf(text: string, rows: TokenRow[], phrase: string): AnalysedText {
  const words: PositionedWord[] = [];
  let cursor = 0;
  let hasOffsets = true;
  for (const row of rows) {
    // Blanks are skipped (the parser also reports the hyphens inside a hyphenated word); each
    // word is found in the text after the previous one. Where one is not (a URL's sub-tokens),
    // offsets are given up, not guessed.
    if (row.tokid === BLANK || row.lexemes.length === 0) continue;
    const start = text.indexOf(row.token, cursor);
    if (start === -1) hasOffsets = false;
    else cursor = start + row.token.length;
    words.push({
      lower: row.token.toLowerCase(),
      folded: row.unaccented.toLowerCase(),
      lexemes: [...row.lexemes].sort(),
      start: Math.max(start, 0),
      end: Math.max(start, 0) + row.token.length,
    });
  }
  return { text, words, phrase, hasOffsets };
}

/** Words of this many characters or fewer are compared as typed, not by stem. */
export const SHORT_WORD_LENGTH = 4;

/**
 * « cell » stems like « cela », « CA » like « ça », « ordis » does not stem to « ordi »: a short
 * word of a term is matched by its letters (a plural s or x allowed), not by its stem.
 */
export function isShortWord(word: AnalysedWord): boolean {
  return Array.from(word.folded).length <= SHORT_WORD_LENGTH && !/[-']/.test(word.folded);
}

const hasAccent = (word: AnalysedWord): boolean => word.lower !== word.folded;

function sameLexemes(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((lexeme, index) => lexeme === b[index]);
}

function withoutPlural(value: string): string | null {
  return /[sx]$/.test(value) && value.length > 1 ? value.slice(0, -1) : null;
}

/**
 * Whether a typed word is the term's word. A short word: the same letters, accents included
 * when the person typed accents (« ça » is not « CA », but « esac » is « ÉSAC »), with or
 * without a final s or x. Otherwise: the same stem (all the lexemes of a hyphenated word).
 */
export function isSameWord(typed: AnalysedWord, term: AnalysedWord): boolean {
  if (!isShortWord(term)) return sameLexemes(typed.lexemes, term.lexemes);
  const forms = [typed, { lower: withoutPlural(typed.lower), folded: withoutPlural(typed.folded) }];
  return forms.some(
    (form) => form.lower !== null && form.folded !== null && (form.lower === term.lower || (!hasAccent(typed) && form.folded === term.folded)),
  );
}

/** Keys under which a term's first word is indexed (lib/synonyms/expand.ts). */
export function termWordKey(word: AnalysedWord): string {
  return isShortWord(word) ? `s:${word.folded}` : `l:${word.lexemes.join(' ')}`;
}

/** Keys a typed word may match a term's first word under. */
export function typedWordKeys(word: AnalysedWord): string[] {
  const keys = [`l:${word.lexemes.join(' ')}`, `s:${word.folded}`];
  const singular = withoutPlural(word.folded);
  if (singular) keys.push(`s:${singular}`);
  return keys;
}

/**
 * A lexeme as a tsquery operand: quoted, with quotes doubled and backslashes escaped, so that
 * whatever the lexeme holds it is one operand (the text is then cast by PostgreSQL from a bound
 * parameter: never SQL).
 */
export function quoteLexeme(lexeme: string): string {
  return `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;
}

/** A word as a tsquery: its lexeme, or every lexeme of a hyphenated word. */
export function wordQuery(word: AnalysedWord): string {
  return word.lexemes.length === 1 ? quoteLexeme(word.lexemes[0]!) : `(${word.lexemes.map(quoteLexeme).join(' & ')})`;
}
