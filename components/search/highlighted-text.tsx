import { splitHighlights } from '@/lib/search/highlight';

/**
 * Text from ts_headline with its matches as <mark> elements. React escapes every segment:
 * the text is never parsed as HTML.
 */
export function HighlightedText({ text }: { text: string }) {
  return (
    <>
      {splitHighlights(text).map((segment, index) =>
        segment.isMatch ? (
          <mark key={index} className="rounded-sm bg-amber-100 px-0.5 font-semibold text-slate-900">
            {segment.text}
          </mark>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </>
  );
}
