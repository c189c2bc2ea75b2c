// The cold search of `npm run bench` (issue 18): a fixed list of distinct French queries made
// from the synthetic dataset's own words, so that no request repeats one (each one misses
// every cache): common words, rare words, typos of both, and two to four words taken in the
// order the texts use them. Deterministic: same dataset, same list.
import { createRandom, type SyntheticDataset } from './synthetic-dataset';

// Words too short or too common to be a search (PostgreSQL's French stop words, mostly).
const SKIP = new Set(['avec', 'dans', 'pour', 'leurs', 'leur', 'vous', 'votre', 'vos', 'nous', 'elle', 'elles', 'sont', 'être', 'plus', 'sans', 'entre', 'selon', 'mais', 'comme', 'tout', 'tous', 'cette', 'ces', 'des', 'les', 'une', 'aux', 'par', 'sur', 'qui', 'que']);

function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}’'-]+/u)
    .map((word) => word.replace(/^[’'-]+|[’'-]+$/g, ''))
    .filter((word) => word.length >= 4 && !SKIP.has(word) && !/\d/.test(word));
}

/** A typo: a letter dropped, doubled, or two neighbours swapped. */
function typo(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

export function coldSearchQueries(dataset: SyntheticDataset, count = 2_400): string[] {
  const random = createRandom(dataset.seed + 18);
  const texts = [
    ...dataset.needs.map((need) => need.title),
    ...dataset.solutions.map((solution) => `${solution.title}. ${solution.description}`),
    ...dataset.providers.slice(0, 2_000).map((provider) => `${provider.name}. ${provider.description}`),
  ];
  const frequency = new Map<string, number>();
  const sentences = texts.flatMap((text) => text.split(/[.;:!?]/)).map(wordsOf).filter((words) => words.length > 0);
  for (const words of sentences) for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const byFrequency = [...frequency.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  const common = byFrequency.slice(0, Math.max(1, Math.floor(byFrequency.length / 4)));
  const rare = byFrequency.slice(Math.floor(byFrequency.length / 2));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

  const queries = new Set<string>();
  const makers = [
    () => pick(common),
    () => pick(rare),
    () => typo(pick(common), random),
    () => typo(pick(rare), random),
    () => {
      // Two to four words as a text has them.
      const words = pick(sentences);
      const length = 2 + Math.floor(random() * 3);
      const start = Math.floor(random() * Math.max(1, words.length - length + 1));
      return words.slice(start, start + length).join(' ');
    },
    () => `${pick(common)} ${typo(pick(common), random)}`,
  ];
  for (let attempt = 0; queries.size < count && attempt < count * 50; attempt += 1) {
    const query = makers[attempt % makers.length]!();
    if (query.length >= 3) queries.add(query);
  }
  return [...queries];
}
