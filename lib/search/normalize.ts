// What people type in the search box, made safe and predictable before it reaches
// PostgreSQL: one string (a repeated ?q= counts once), no control characters (a NUL byte
// is an error for PostgreSQL), no invisible formatting (bidi overrides would garble the
// echoed query), one space between words, and at most MAX_QUERY_LENGTH characters.
// Pure functions: unit-tested without a database.

export const MAX_QUERY_LENGTH = 200;

// Anything longer is cut before the regular expressions run, so a 10 kB query costs nothing.
const PRE_CUT_LENGTH = MAX_QUERY_LENGTH * 4;

// Control characters and line/paragraph separators separate words; format characters
// (bidi overrides, zero-width joiners, soft hyphens), private-use characters (our highlight
// markers among them) and lone surrogates are removed.
const SEPARATORS = /[\p{Cc}\p{Zl}\p{Zp}]/gu;
const INVISIBLES = /[\p{Cf}\p{Co}\p{Cs}]/gu;

/** The query as searched and shown; '' when there is nothing to search. */
export function normalizeQuery(raw: unknown): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return '';
  const cleaned = value
    .slice(0, PRE_CUT_LENGTH)
    .replace(SEPARATORS, ' ')
    .replace(INVISIBLES, '')
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim();
  // Cut by code points, not UTF-16 units, so that an emoji is never split in half.
  const characters = Array.from(cleaned);
  return characters.length > MAX_QUERY_LENGTH ? characters.slice(0, MAX_QUERY_LENGTH).join('').trimEnd() : cleaned;
}

/** Whether the query has at least one letter or digit (punctuation alone finds nothing). */
export function hasSearchableText(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

// PostgreSQL's French stop words that carry accents. The search configuration drops them
// before removing accents, so "à" or "été" in a text is not indexed. Typed without their
// accents ("acces a internet") they would become required words that most entries lack:
// give them their accents back so that they are dropped from the query too.
const UNACCENTED_STOP_WORDS: Record<string, string> = {
  a: 'à',
  meme: 'même',
  ete: 'été',
  etee: 'étée',
  etees: 'étées',
  etes: 'étés',
  etant: 'étant',
  etante: 'étante',
  etants: 'étants',
  etantes: 'étantes',
  etais: 'étais',
  etait: 'était',
  etions: 'étions',
  etiez: 'étiez',
  etaient: 'étaient',
  fumes: 'fûmes',
  futes: 'fûtes',
  eumes: 'eûmes',
  eutes: 'eûtes',
  eut: 'eût',
};

const STOP_WORD_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(${Object.keys(UNACCENTED_STOP_WORDS).join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);

/** The text handed to websearch_to_tsquery (quotes, "or" and "-" keep their meaning). */
export function toFullTextQuery(query: string): string {
  return query.replace(STOP_WORD_PATTERN, (word) => UNACCENTED_STOP_WORDS[word.toLowerCase()] ?? word);
}

/** Distinct words of the query (lowercase, letters and digits only), for suggestions. */
export function queryWords(query: string, limit = 8): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, limit);
}
