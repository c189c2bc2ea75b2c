// pg_trgm's similarity() in JavaScript, for the word suggestions computed in this process
// (lib/search/vocabulary.ts) instead of PostgreSQL. Same rules as the extension:
// lowercase; words are runs of letters and digits; each word is padded with two spaces before
// and one after; a text's trigrams are the distinct runs of three characters of its padded
// words; similarity = shared trigrams / distinct trigrams of both, as a single-precision float
// (pg_trgm returns a `real`: comparisons and ties must round the same way).
// Pure functions: unit-tested, and checked against pg_trgm itself in tests/integration.

// pg_trgm keeps alphanumeric characters (iswalnum() in a UTF-8 locale) and splits on the rest.
const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct trigrams of `text`, as pg_trgm's show_trgm() would list them. */
export function trigramsOf(text: string): Set<string> {
  const trigrams = new Set<string>();
  for (const [word] of text.toLowerCase().matchAll(WORD)) {
    // By code points, like PostgreSQL's characters: an emoji or a rare letter is one character.
    const characters = Array.from(`  ${word} `);
    for (let index = 0; index + 2 < characters.length; index += 1) {
      trigrams.add(characters[index]! + characters[index + 1]! + characters[index + 2]!);
    }
  }
  return trigrams;
}

/** pg_trgm's similarity from the number of shared trigrams and the size of each set. */
export function similarityOfCounts(shared: number, sizeA: number, sizeB: number): number {
  if (sizeA === 0 || sizeB === 0) return 0;
  // A float division in C: rounding the double quotient to single precision gives the same result.
  return Math.fround(shared / (sizeA + sizeB - shared));
}

/** similarity(a, b) of pg_trgm. */
export function trigramSimilarity(a: string, b: string): number {
  const first = trigramsOf(a);
  const second = trigramsOf(b);
  let shared = 0;
  for (const trigram of first) if (second.has(trigram)) shared += 1;
  return similarityOfCounts(shared, first.size, second.size);
}

/** `threshold` as PostgreSQL compares it with a `real` (a bound parameter takes the type of the other side). */
export function asReal(threshold: number): number {
  return Math.fround(threshold);
}
