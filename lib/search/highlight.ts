// ts_headline marks the words that matched. It is asked for two private-use characters
// instead of HTML tags: the page splits on them and renders <mark> elements itself, so an
// entry's text is never parsed as HTML (no dangerouslySetInnerHTML). The characters are
// removed from the stored text before ts_headline runs, and from queries by normalizeQuery.

export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_STOP = '\uE001';
export const HIGHLIGHT_MARKERS = HIGHLIGHT_START + HIGHLIGHT_STOP;

/** Between the fragments of an excerpt (ts_headline's FragmentDelimiter). */
export const FRAGMENT_DELIMITER = ' … ';

export type HighlightSegment = { text: string; isMatch: boolean };

/**
 * Splits a marked text into plain and matched segments. Tolerant of whatever it gets:
 * a marker without its pair, nested or stray markers never leak into the output.
 */
export function splitHighlights(marked: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let isMatch = false;
  let current = '';
  const flush = (): void => {
    if (!current) return;
    const last = segments.at(-1);
    if (last && last.isMatch === isMatch) last.text += current;
    else segments.push({ text: current, isMatch });
    current = '';
  };
  for (const character of marked) {
    if (character === HIGHLIGHT_START || character === HIGHLIGHT_STOP) {
      flush();
      isMatch = character === HIGHLIGHT_START;
    } else {
      current += character;
    }
  }
  flush();
  return segments;
}

/** The text without markers (for titles, attributes, metadata). */
export function stripHighlights(marked: string): string {
  return marked.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_STOP, '');
}

const TRAILING_PUNCTUATION = /[\s.,;:!?…]+$/u;

/**
 * Marks an excerpt with "…" where it cuts its source: at the start unless it begins the
 * source, at the end unless it ends it (ts_headline drops final punctuation).
 */
export function frameExcerpt(excerpt: string, source: string): string {
  const trimmed = excerpt.trim();
  const fragments = stripHighlights(trimmed).split(FRAGMENT_DELIMITER);
  const first = fragments[0]!.trim();
  const last = fragments.at(-1)!.replace(TRAILING_PUNCTUATION, '').trim();
  if (!first && !last) return trimmed;
  const text = source.trim();
  const isStart = text.startsWith(first);
  const isEnd = text.replace(TRAILING_PUNCTUATION, '').endsWith(last);
  return `${isStart ? '' : '… '}${trimmed}${isEnd ? '' : ' …'}`;
}
