// Query expansion with the synonym groups (issue 16), before PostgreSQL's full-text search.
//
// A group is two-way (every term also searches every other term) or one-way (each term also
// searches the group's « expandsTo », never the reverse). Expansion is not transitive: a term
// searches what its own groups say, so each group reads on its own.
//
// The query's words (lib/synonyms/words.ts) are scanned left to right; where a term's words
// follow one another in the query (stop words between them ignored), the longest such term
// makes a span. The search then takes, for that span, either its own words or any of its
// expansions (as phrases). Inside a multi-word span, shorter terms expand too: « ordi usagé »
// searches (« ordi » or its synonyms, and « usagé ») or « matériel informatique valorisé ».
// Everything the original query finds, the expanded query finds: expansion only adds.
//
// Pure functions on plain data: the index is built once per generation of the groups
// (lib/data/synonyms.ts), a query's words come from one statement (analyseTexts).
import { isSameWord, termWordKey, typedWordKeys, wordQuery, type AnalysedText, type AnalysedWord, type PositionedWord } from '@/lib/synonyms/words';

/** A synonym group as stored (lib/synonyms/schema.ts checks it). */
export type SynonymGroupData = { id: string; terms: string[]; oneWay: boolean; expandsTo: string[] };

/** A group with the analysis of each of its terms (by term text). */
export type AnalysedGroup = SynonymGroupData & { analysis: Record<string, { words: AnalysedWord[]; phrase: string }> };

type Rule = { trigger: AnalysedWord[]; expansions: { text: string; phrase: string }[] };

/** What the search needs of the groups: rules by the key of their first word. */
export type SynonymIndex = { rules: Map<string, Rule[]>; groupCount: number };

/** Expansions added to one query at most: each costs a phrase in the tsquery. */
export const MAX_EXPANSIONS = 40;

export function buildSynonymIndex(groups: readonly AnalysedGroup[]): SynonymIndex {
  const rules = new Map<string, Rule[]>();
  const add = (trigger: AnalysedWord[], expansions: Rule['expansions']): void => {
    if (trigger.length === 0 || expansions.length === 0) return;
    const key = termWordKey(trigger[0]!);
    const list = rules.get(key) ?? [];
    list.push({ trigger, expansions });
    rules.set(key, list);
  };
  const usable = (group: AnalysedGroup, text: string) => {
    const analysis = group.analysis[text];
    return analysis && analysis.words.length > 0 && analysis.phrase ? { text, ...analysis } : null;
  };
  for (const group of groups) {
    const terms = group.terms.map((text) => usable(group, text)).filter((term) => term !== null);
    if (group.oneWay) {
      const targets = group.expandsTo.map((text) => usable(group, text)).filter((term) => term !== null);
      for (const term of terms) add(term.words, targets.map(({ text, phrase }) => ({ text, phrase })));
    } else {
      for (const term of terms) {
        add(
          term.words,
          terms.filter((other) => other !== term).map(({ text, phrase }) => ({ text, phrase })),
        );
      }
    }
  }
  return { rules, groupCount: groups.length };
}

/** A part of an expanded query: one typed word, or a span of words that a synonym term matched. */
export type ExpansionNode =
  | { kind: 'word'; text: string; query: string }
  | {
      kind: 'span';
      /** The span as typed. */
      text: string;
      /** The span's own words, as a tsquery (with the expansions of shorter terms inside it). */
      own: string;
      /** The span's words alone, as typed (no expansion at all), as a tsquery. */
      typed: string;
      /** What the span also searches: each term's text and its phrase (tsquery text). */
      expansions: { text: string; phrase: string }[];
    };

/** A query with its synonyms: the parts are ANDed ('all' mode) or ORed ('any' mode). */
export type QueryExpansion = {
  parts: ExpansionNode[];
  /** Each (typed span → expansion) pair, for the results that it explains: the span as typed
   * and as a tsquery of its words alone, the expansion's text and phrase. */
  pairs: { typed: string; typedQuery: string; found: string; phrase: string }[];
};

/** The whole expanded query (every part), as tsquery text. */
export function expandedQueryText(expansion: QueryExpansion, mode: 'all' | 'any', parts = expansion.parts): string {
  return parts.map(nodeQuery).join(mode === 'all' ? ' & ' : ' | ');
}

/** The query's words alone, without any synonym, as tsquery text. */
export function typedQueryText(expansion: QueryExpansion): string {
  return expansion.parts.map((part) => (part.kind === 'word' ? part.query : `(${part.typed})`)).join(' & ');
}

export function nodeQuery(node: ExpansionNode): string {
  if (node.kind === 'word') return node.query;
  return `(${[`(${node.own})`, ...node.expansions.map((expansion) => `(${expansion.phrase})`)].join(' | ')})`;
}

type Match = { end: number; expansions: Rule['expansions'] };

// The longest terms starting at `start` (ending at or before `limit`, and not exactly
// [start, limit) when `excludeWhole`), with the expansions of every such term.
function longestMatch(index: SynonymIndex, words: readonly PositionedWord[], start: number, limit: number, excludeWhole: boolean): Match | null {
  const word = words[start]!;
  let best: Match | null = null;
  const seen = new Set<Rule>();
  for (const key of typedWordKeys(word)) {
    for (const rule of index.rules.get(key) ?? []) {
      if (seen.has(rule)) continue;
      seen.add(rule);
      const end = start + rule.trigger.length;
      if (end > limit || (excludeWhole && start === 0 && end === limit)) continue;
      if (!rule.trigger.every((termWord, offset) => isSameWord(words[start + offset]!, termWord))) continue;
      if (!best || end > best.end) best = { end, expansions: [...rule.expansions] };
      else if (end === best.end) best.expansions.push(...rule.expansions);
    }
  }
  return best;
}

type Context = { index: SynonymIndex; text: string; budget: number; pairs: QueryExpansion['pairs'] };

// Parts of `words`: a word, or the longest term found there (recursively inside it). Every
// span that expands, at any depth, adds its pairs to the context.
function segment(context: Context, words: readonly PositionedWord[], isInner: boolean): ExpansionNode[] {
  const parts: ExpansionNode[] = [];
  for (let position = 0; position < words.length; ) {
    const word = words[position]!;
    const match = context.budget > 0 ? longestMatch(context.index, words, position, words.length, isInner) : null;
    if (!match) {
      parts.push({ kind: 'word', text: context.text.slice(word.start, word.end), query: wordQuery(word) });
      position += 1;
      continue;
    }
    const spanWords = words.slice(position, match.end);
    const spanText = context.text.slice(spanWords[0]!.start, spanWords.at(-1)!.end);
    // A term never expands to itself (a word typed twice in a group, or the span's own phrase).
    const seen = new Set<string>([spanText.toLowerCase()]);
    const expansions = match.expansions.filter((expansion) => {
      const key = expansion.text.toLowerCase();
      if (seen.has(key) || context.budget <= 0) return false;
      seen.add(key);
      context.budget -= 1;
      return true;
    });
    // The whole span's synonyms are listed before those of shorter terms inside it.
    const typed = spanWords.map(wordQuery).join(' & ');
    context.pairs.push(...expansions.map((expansion) => ({ typed: spanText, typedQuery: typed, found: expansion.text, phrase: expansion.phrase })));
    const inner = spanWords.length > 1 ? segment(context, spanWords, true) : null;
    const own = inner ? inner.map(nodeQuery).join(' & ') : wordQuery(word);
    parts.push(expansions.length > 0 ? { kind: 'span', text: spanText, own, typed, expansions } : { kind: 'word', text: spanText, query: own });
    position = match.end;
  }
  return parts;
}

/**
 * The query with its synonyms, or null when no term of any group is in it (the search then
 * runs exactly as without synonyms). `analysed` is the query as analyseTexts split it.
 */
export function expandQuery(index: SynonymIndex, analysed: AnalysedText): QueryExpansion | null {
  if (index.rules.size === 0 || !analysed.hasOffsets || analysed.words.length === 0) return null;
  const context: Context = { index, text: analysed.text, budget: MAX_EXPANSIONS, pairs: [] };
  const parts = segment(context, analysed.words, false);
  return context.pairs.length > 0 ? { parts, pairs: context.pairs } : null;
}

// websearch_to_tsquery's operators: "quoted phrases", "or", a word excluded with "-". A query
// that uses them says exactly what it wants: it is searched as typed, without synonyms.
const OPERATORS = /["]|(^|\s)-[\p{L}\p{N}]|(^|\s)or(\s|$)/iu;

export function hasSearchOperators(query: string): boolean {
  return OPERATORS.test(query);
}
