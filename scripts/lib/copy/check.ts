// What `npm run copy:check` and the copy test find on one page: the readability of the
// interface's own text (the inventory's quotations set apart), its longest sentences, the
// acronyms whose first use on the page is not explained, and the banned words
// (lib/copy/vocabulary.ts; docs/vocabulaire.md gives the rules).
import { ACRONYM_CANDIDATE, ACRONYMS, BANNED_WORDS, NOT_ACRONYMS, type Acronym, type BannedWord } from '../../../lib/copy/vocabulary';
import { extractPageText, interfaceText, quotedTexts, type Block, type PageText } from './extract';
import { readability, wordsOf, type Readability } from './readability';

/** Where a finding is: the frame every page shares, or the page's own content. */
export type Place = 'gabarit' | 'page';

export type BannedFinding = { word: string; use: string; place: Place; excerpt: string };
export type AcronymFinding = { acronym: string; place: Place; excerpt: string; reason: string };

export type PageReport = {
  /** The page's own text (in <main>), the inventory's quotations set apart. */
  interface: Readability;
  /** The frame every page shares (header, navigation, footer), scored apart once. */
  frame: Readability;
  /** The inventory's quoted words, scored apart. */
  quotations: Readability;
  longestSentences: Array<{ words: number; text: string }>;
  unexplainedAcronyms: AcronymFinding[];
  bannedWords: BannedFinding[];
};

const LONGEST = 3;
const EXCERPT_RADIUS = 40;

export function analyzeHtml(html: string): PageReport {
  return analyzePageText(extractPageText(html));
}

export function analyzePageText(page: PageText): PageReport {
  const scored = page.blocks.filter((block) => block.isScored);
  const score = readability(scored.filter((block) => !block.isChrome).map(interfaceText));
  const frame = readability(scored.filter((block) => block.isChrome).map(interfaceText));
  const quotations = readability(page.blocks.flatMap(quotedTexts));
  const longestSentences = score.sentenceList
    .map((text) => ({ words: wordsOf(text).length, text }))
    .sort((a, b) => b.words - a.words)
    .slice(0, LONGEST);
  const figures = ({ sentences, words, syllables, score }: Readability): Readability => ({ sentences, words, syllables, score });
  return {
    interface: figures(score),
    frame: figures(frame),
    quotations: figures(quotations),
    longestSentences,
    unexplainedAcronyms: findUnexplainedAcronyms(page.blocks),
    bannedWords: findBannedWords(page),
  };
}

function excerpt(text: string, start: number, end: number): string {
  const from = Math.max(0, start - EXCERPT_RADIUS);
  const to = Math.min(text.length, end + EXCERPT_RADIUS);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** Occurrences of a banned word, outside the sense its `unless` pattern protects. */
export function matchBannedWord(banned: BannedWord, text: string): Array<{ start: number; end: number }> {
  const protectedSpans = banned.unless ? [...text.matchAll(banned.unless)].map((m) => ({ start: m.index, end: m.index + m[0].length })) : [];
  return [...text.matchAll(banned.pattern)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length }))
    .filter((hit) => !protectedSpans.some((span) => hit.start >= span.start && hit.end <= span.end));
}

function findBannedWords(page: PageText): BannedFinding[] {
  const findings: BannedFinding[] = [];
  const texts = [
    ...page.blocks.map((block) => ({ text: interfaceText(block), isChrome: block.isChrome })),
    ...page.attributes.map((attribute) => ({ text: attribute.text, isChrome: attribute.isChrome })),
  ];
  for (const { text, isChrome } of texts) {
    for (const banned of BANNED_WORDS) {
      for (const hit of matchBannedWord(banned, text)) {
        findings.push({ word: banned.word, use: banned.use, place: isChrome ? 'gabarit' : 'page', excerpt: excerpt(text, hit.start, hit.end) });
      }
    }
  }
  return findings;
}

/** Lowercase, straight apostrophes, single spaces: how an expansion is compared. */
export function normalizeExpansion(text: string): string {
  return text.toLocaleLowerCase('fr-CA').replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ').trim();
}

type Occurrence = { key: string; acronym: Acronym | undefined; start: number; end: number };

function occurrencesIn(text: string): Occurrence[] {
  const found: Occurrence[] = [];
  for (const acronym of ACRONYMS) {
    if (!acronym.pattern) continue;
    for (const m of text.matchAll(acronym.pattern)) found.push({ key: acronym.short, acronym, start: m.index, end: m.index + m[0].length });
  }
  const covered = (start: number, end: number): boolean => found.some((item) => start >= item.start && end <= item.end);
  for (const m of text.matchAll(ACRONYM_CANDIDATE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (covered(start, end) || m[0] in NOT_ACRONYMS) continue;
    const acronym = ACRONYMS.find((item) => !item.pattern && item.short === m[0]);
    found.push({ key: acronym?.short ?? m[0], acronym, start, end });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Why the first use of an acronym is not explained, or undefined when it is. */
export function explanationProblem(block: Block, occurrence: Occurrence): string | undefined {
  const abbr = block.abbrs.find((span) => occurrence.start >= span.start && occurrence.end <= span.end);
  const expansion = occurrence.acronym ? normalizeExpansion(occurrence.acronym.expansion) : undefined;
  if (abbr) {
    const title = normalizeExpansion(abbr.title);
    if (title === '' || title === normalizeExpansion(occurrence.key)) return '<abbr> sans title';
    if (expansion === undefined || title === expansion) return undefined;
    return `<abbr title> différent du vocabulaire (« ${abbr.title} »)`;
  }
  if (expansion === undefined) return 'sigle absent du vocabulaire';
  // « CA (conseil d'administration) »
  const after = /^\s*\(([^)]*)\)/.exec(block.text.slice(occurrence.end));
  if (after && normalizeExpansion(after[1]!).startsWith(expansion)) return undefined;
  // « conseil d'administration (CA) »
  const before = block.text.slice(0, occurrence.start);
  if (/\(\s*$/.test(before) && /^\s*\)/.test(block.text.slice(occurrence.end))) {
    if (normalizeExpansion(before.replace(/\(\s*$/, '')).endsWith(expansion)) return undefined;
  }
  return 'première mention sans développement';
}

function findUnexplainedAcronyms(blocks: readonly Block[]): AcronymFinding[] {
  const seen = new Set<string>();
  const findings: AcronymFinding[] = [];
  for (const block of blocks) {
    for (const occurrence of occurrencesIn(block.text)) {
      // A code (`EXISTING`, `AAAA-MM-JJ`) is an identifier, not an acronym.
      if (block.codes.some((span) => occurrence.start >= span.start && occurrence.end <= span.end)) continue;
      if (seen.has(occurrence.key)) continue;
      seen.add(occurrence.key);
      const reason = explanationProblem(block, occurrence);
      if (reason) {
        findings.push({
          acronym: occurrence.key,
          place: block.isChrome ? 'gabarit' : 'page',
          excerpt: excerpt(block.text, occurrence.start, occurrence.end),
          reason,
        });
      }
    }
  }
  return findings;
}
