import { Fragment } from 'react';
import { ACRONYMS } from '@/lib/copy/vocabulary';

// Entries' own text (titles, descriptions, names) carries the inventory's acronyms (« CA »,
// « Loi 25 »): each one is given its expansion from the vocabulary in an <abbr title>, so that
// its first use on any page is explained (docs/vocabulaire.md, « Sigles »). The words stay the same.
const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// « Loi 25 » is also written « loi 25 » (its pattern ignores case); other acronyms keep their capitals.
const sourceOf = (short: string, ignoresCase: boolean): string =>
  ignoresCase ? `[${short[0]!.toUpperCase()}${short[0]!.toLowerCase()}]${escape(short.slice(1))}` : escape(short);
const ACRONYM_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${ACRONYMS.map((acronym) => sourceOf(acronym.short, acronym.pattern?.flags.includes('i') ?? false))
    .sort((a, b) => b.length - a.length)
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);

/** Where the known acronyms of a text are, with their expansion. */
export function findAcronyms(text: string): Array<{ start: number; end: number; expansion: string }> {
  return [...text.matchAll(ACRONYM_PATTERN)].flatMap((match) => {
    const expansion = expansionOf(match[0]);
    return expansion ? [{ start: match.index, end: match.index + match[0].length, expansion }] : [];
  });
}

function expansionOf(found: string): string | undefined {
  const lower = found.toLocaleLowerCase('fr-CA');
  return ACRONYMS.find((acronym) => acronym.short === found || acronym.short.toLocaleLowerCase('fr-CA') === lower)?.expansion;
}

/** The text with each known acronym in an <abbr> that spells it out. */
export function Abbreviated({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(ACRONYM_PATTERN)) {
    const expansion = expansionOf(match[0]);
    if (!expansion) continue;
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push(
      <abbr key={match.index} title={expansion}>
        {match[0]}
      </abbr>,
    );
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}

/** One acronym written in the page's own text, spelled out from the vocabulary: `<Abbr short="CSV" />`. */
export function Abbr({ short }: { short: string }) {
  const expansion = ACRONYMS.find((acronym) => acronym.short === short)?.expansion;
  return expansion ? <abbr title={expansion}>{short}</abbr> : short;
}
