// Kandel & Moles' French adaptation of Flesch's reading ease (1958):
//   207 − 1.015 × (words per sentence) − 73.6 × (syllables per word)
// 60 and more reads as « standard »; 70 and more « assez facile ». A report, never a gate.
import { countSyllables } from './syllables';

/** Abbreviations after which a period does not end the sentence. */
const ABBREVIATION_BEFORE_PERIOD = /(?:^|[\s(])(?:ex|etc|p|cf|env|min|max|no|n°|M|Mme|art|c\.-à-d|p\.\s?ex)\.$/i;

/** Sentences of one block of text: a block (a heading, a list item, a cell) always ends one. */
export function splitSentences(text: string): string[] {
  // After the end mark and any closing quote (« … » takes a space before it), not before one.
  const parts = text.split(/(?<=[.!?…](?:\s?[»"”)])*)\s+(?![»"”)])/u);
  const sentences: string[] = [];
  for (const part of parts) {
    const previous = sentences.at(-1);
    // « ex. : formation », « etc. et… »: the period belongs to an abbreviation.
    if (previous !== undefined && ABBREVIATION_BEFORE_PERIOD.test(previous) && !/^\p{Lu}/u.test(part)) {
      sentences[sentences.length - 1] = `${previous} ${part}`;
    } else {
      sentences.push(part);
    }
  }
  return sentences.map((sentence) => sentence.trim()).filter((sentence) => wordsOf(sentence).length > 0);
}

/** Words: what whitespace separates, holding at least one letter (« l'inventaire » is one word, « 25 » none). */
export function wordsOf(text: string): string[] {
  return text
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((token) => /\p{L}/u.test(token));
}

export type Readability = {
  sentences: number;
  words: number;
  syllables: number;
  /** Undefined when there is no word to score. */
  score: number | undefined;
};

export function kandelMoles(sentences: number, words: number, syllables: number): number | undefined {
  if (sentences === 0 || words === 0) return undefined;
  return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words);
}

/** Scores texts read one after the other (the blocks of a page). */
export function readability(blocks: readonly string[]): Readability & { sentenceList: string[] } {
  const sentenceList = blocks.flatMap(splitSentences);
  let words = 0;
  let syllables = 0;
  for (const sentence of sentenceList) {
    for (const word of wordsOf(sentence)) {
      words += 1;
      syllables += countSyllables(word);
    }
  }
  return { sentences: sentenceList.length, words, syllables, score: kandelMoles(sentenceList.length, words, syllables), sentenceList };
}
