import type { ReactNode } from 'react';
import { findAcronyms } from '@/components/ui/abbreviated';
import { splitHighlights } from '@/lib/search/highlight';

/**
 * Text from ts_headline with its matches as <mark> elements. React escapes every segment:
 * the text is never parsed as HTML. Known acronyms are spelled out in an <abbr>, even when a
 * match cuts through one (« <abbr><mark>Loi</mark> 27</abbr> »).
 */
export function HighlightedText({ text }: { text: string }) {
  const segments = splitHighlights(text);
  const starts: number[] = [];
  segments.reduce((position, segment) => (starts.push(position), position + segment.text.length), 0);
  // The segments' pieces that fall between two positions of the plain text.
  const piecesBetween = (from: number, to: number): ReactNode[] =>
    segments.flatMap((segment, index) => {
      const start = Math.max(from, starts[index]!);
      const end = Math.min(to, starts[index]! + segment.text.length);
      if (start >= end) return [];
      const piece = segment.text.slice(start - starts[index]!, end - starts[index]!);
      return segment.isMatch
        ? [
            <mark key={`${index}-${start}`} className="rounded-sm bg-amber-100 px-0.5 font-semibold text-slate-900">
              {piece}
            </mark>,
          ]
        : [<span key={`${index}-${start}`}>{piece}</span>];
    });
  const plain = segments.map((segment) => segment.text).join('');
  const parts: ReactNode[] = [];
  let last = 0;
  for (const acronym of findAcronyms(plain)) {
    parts.push(...piecesBetween(last, acronym.start));
    parts.push(
      <abbr key={`abbr-${acronym.start}`} title={acronym.expansion}>
        {piecesBetween(acronym.start, acronym.end)}
      </abbr>,
    );
    last = acronym.end;
  }
  parts.push(...piecesBetween(last, plain.length));
  return <>{parts}</>;
}
