// The text a reader sees on a served page, read with parse5 (the WHATWG parser): blocks of text
// in document order (a paragraph, a heading, a list item, a table cell, a label, a button…),
// each knowing whether it lies in the site's frame (outside <main>) and which parts are the
// inventory's own words (SOURCE_QUOTE_ATTRIBUTE) or sit in an <abbr title>. Attributes a
// reader meets (aria-label, alt, placeholder, title) are kept apart: they are checked for
// words, not scored.
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { SOURCE_QUOTE_ATTRIBUTE, SOURCE_QUOTE_VALUE } from '../../../lib/copy/vocabulary';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

export type Span = { start: number; end: number };
export type AbbrSpan = Span & { title: string };

export type Block = {
  /** The whole visible text of the block, quotations included. */
  text: string;
  /** Spans of `text` that are the inventory's words. */
  quotes: Span[];
  /** Spans in <code>, <kbd>, <samp>, <pre>: identifiers and formats, not words of the interface. */
  codes: Span[];
  abbrs: AbbrSpan[];
  /** False for the choices of a <select>: a list of names (the regions), not sentences. */
  isScored: boolean;
  /** Outside <main>: the header, navigation and footer every page shares. */
  isChrome: boolean;
};

export type AttributeText = { name: string; text: string; isChrome: boolean };

export type PageText = { blocks: Block[]; attributes: AttributeText[] };

// Elements that end a run of text: what comes after them is not the same sentence.
const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'button', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'label', 'legend',
  'li', 'main', 'nav', 'ol', 'optgroup', 'option', 'p', 'pre', 'section', 'select', 'summary', 'table', 'tbody', 'td',
  'textarea', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
// Never seen as text.
const SKIPPED_TAGS = new Set(['head', 'script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'canvas']);
const READ_ATTRIBUTES = ['aria-label', 'alt', 'placeholder', 'title'];
const CODE_TAGS = new Set(['code', 'kbd', 'samp', 'pre']);
const LIST_TAGS = new Set(['select', 'datalist']);

type Context = { isQuote: boolean; isCode: boolean; isList: boolean; abbrTitle?: string; isChrome: boolean };

/** Straight apostrophes and plain spaces, so that patterns need not know typography. */
export function normalizeText(text: string): string {
  return text.replace(/[’ʼ]/g, "'").replace(/[\u00a0\u202f\u2009\u2007]/g, ' ');
}

const attr = (element: Element, name: string): string | undefined => element.attrs.find((item) => item.name === name)?.value;

function isHidden(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  if (attr(element, 'hidden') !== undefined || attr(element, 'aria-hidden') === 'true') return true;
  if (element.tagName === 'input' && attr(element, 'type') === 'hidden') return true;
  return false;
}

export function extractPageText(html: string): PageText {
  // scriptingEnabled: false parses <noscript> as markup: its content is what a reader without
  // JavaScript sees.
  const document = parse(html, { scriptingEnabled: false });
  const blocks: Block[] = [];
  const attributes: AttributeText[] = [];

  let current: Block | undefined;
  const flush = (): void => {
    if (!current) return;
    const trimmed = trimBlock(current);
    if (trimmed.text !== '') blocks.push(trimmed);
    current = undefined;
  };

  const append = (raw: string, context: Context): void => {
    let text = normalizeText(raw).replace(/\s+/g, ' ');
    if (text === '') return;
    current ??= { text: '', quotes: [], codes: [], abbrs: [], isChrome: context.isChrome, isScored: !context.isList };
    if (current.text.endsWith(' ') && text.startsWith(' ')) text = text.slice(1);
    if (text === '') return;
    const start = current.text.length;
    current.text += text;
    const end = current.text.length;
    if (context.isQuote) extendSpan(current.quotes, start, end);
    if (context.isCode) extendSpan(current.codes, start, end);
    if (context.abbrTitle !== undefined) {
      // One <abbr> whose text is cut by inner elements (« <abbr><mark>Loi</mark> 27</abbr> ») is one span.
      const last = current.abbrs.at(-1);
      if (last && last.end === start && last.title === context.abbrTitle) last.end = end;
      else current.abbrs.push({ start, end, title: context.abbrTitle });
    }
  };

  const visit = (node: Node, context: Context): void => {
    if (node.nodeName === '#text') {
      append((node as DefaultTreeAdapterTypes.TextNode).value, context);
      return;
    }
    if (!('tagName' in node)) {
      // The document itself, or a comment.
      if ('childNodes' in node) for (const child of node.childNodes) visit(child, context);
      return;
    }
    const element = node as Element;
    if (isHidden(element)) return;

    const tag = element.tagName;
    const next: Context = {
      isQuote: context.isQuote || attr(element, SOURCE_QUOTE_ATTRIBUTE) === SOURCE_QUOTE_VALUE,
      isCode: context.isCode || CODE_TAGS.has(tag),
      isList: context.isList || LIST_TAGS.has(tag),
      abbrTitle: tag === 'abbr' ? normalizeText(attr(element, 'title') ?? '').trim() : context.abbrTitle,
      isChrome: tag === 'main' ? false : context.isChrome,
    };
    for (const name of READ_ATTRIBUTES) {
      if (name === 'title' && tag === 'abbr') continue;
      const value = attr(element, name)?.trim();
      if (value) attributes.push({ name, text: normalizeText(value), isChrome: next.isChrome });
    }
    const isBlock = BLOCK_TAGS.has(tag);
    if (isBlock) flush();
    // Items of a flex or grid container are laid out as blocks (badges side by side are not
    // one word): Tailwind's `flex`, `inline-flex`, `grid`, `sm:flex`… on the parent.
    const hasBlockChildren = (attr(element, 'class') ?? '').split(/\s+/).some((name) => /^(?:[\w-]+:)*(?:inline-)?(?:flex|grid)$/.test(name));
    for (const child of element.childNodes) {
      const isItem = hasBlockChildren && 'tagName' in child;
      if (isItem) flush();
      visit(child, next);
      if (isItem) flush();
    }
    if (isBlock) flush();
  };

  const body = findBody(document);
  if (body) visit(body, { isQuote: false, isCode: false, isList: false, isChrome: true });
  flush();
  return { blocks, attributes };
}

function findBody(node: Node): Element | undefined {
  if ('tagName' in node && node.tagName === 'body') return node as Element;
  if ('childNodes' in node) {
    for (const child of node.childNodes) {
      const found = findBody(child);
      if (found) return found;
    }
  }
  return undefined;
}

function extendSpan(spans: Span[], start: number, end: number): void {
  const last = spans.at(-1);
  // Adjacent quoted runs (a quotation holding a link) form one span.
  if (last && last.end >= start - 1) last.end = end;
  else spans.push({ start, end });
}

function trimBlock(block: Block): Block {
  const leading = block.text.length - block.text.trimStart().length;
  const text = block.text.trim();
  const shift = (span: Span): Span => ({ start: Math.max(0, span.start - leading), end: Math.min(text.length, span.end - leading) });
  return {
    text,
    quotes: block.quotes.map(shift).filter((span) => span.end > span.start),
    codes: block.codes.map(shift).filter((span) => span.end > span.start),
    abbrs: block.abbrs.map((span) => ({ ...shift(span), title: span.title })).filter((span) => span.end > span.start),
    isChrome: block.isChrome,
    isScored: block.isScored,
  };
}

/** The block's text with the given spans taken out (each replaced by a space). */
export function textWithout(block: Block, spans: readonly Span[]): string {
  if (spans.length === 0) return block.text;
  let text = '';
  let position = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < position) {
      position = Math.max(position, span.end);
      continue;
    }
    text += `${block.text.slice(position, span.start)} `;
    position = span.end;
  }
  text += block.text.slice(position);
  return text.replace(/\s+/g, ' ').trim();
}

/** What the interface itself says: without the inventory's words, nor codes. */
export function interfaceText(block: Block): string {
  return textWithout(block, [...block.quotes, ...block.codes]);
}

/** The inventory's words of a block, one string per quotation. */
export function quotedTexts(block: Block): string[] {
  return block.quotes.map((quote) => block.text.slice(quote.start, quote.end).trim()).filter(Boolean);
}
