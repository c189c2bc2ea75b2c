// Pure functions over the basket's list of references: parse, serialise, add, remove.
// The same text form is used in the cookie, in shared links and in forms:
// "s:<solution slug>,p:<provider slug>", in the order the items were added.
import {
  BASKET_LIST_MAX_LENGTH,
  BASKET_MAX_ITEMS,
  basketRefSchema,
  type BasketKind,
  type BasketRef,
} from '@/lib/validation/basket';

export type { BasketKind, BasketRef };

/**
 * Cookies are limited to about 4 kB (name, value and attributes together), and Next writes
 * the value through encodeURIComponent (":" and "," take 3 bytes each).
 */
export const COOKIE_VALUE_MAX_BYTES = 3_800;

const kindToPrefix: Record<BasketKind, string> = { solution: 's', provider: 'p' };

export function formatRef(ref: BasketRef): string {
  return `${kindToPrefix[ref.kind]}:${ref.slug}`;
}

export function sameRef(a: BasketRef, b: BasketRef): boolean {
  return a.kind === b.kind && a.slug === b.slug;
}

export function hasRef(refs: readonly BasketRef[], ref: BasketRef): boolean {
  return refs.some((candidate) => sameRef(candidate, ref));
}

export function serializeRefs(refs: readonly BasketRef[]): string {
  return refs.map(formatRef).join(',');
}

export type ParsedRefs = {
  refs: BasketRef[];
  /** Entries that are not a valid reference (garbage, unknown prefix, bad slug). */
  rejected: number;
  /** Valid entries left out because the list was already full. */
  overflow: number;
};

/**
 * Reads a list from a cookie, a URL or a form. Never throws: what is not a valid
 * reference is counted and dropped, duplicates are kept once, and the list is cut at
 * BASKET_MAX_ITEMS. Anything that is not a string, or is absurdly long, is an empty list.
 */
export function parseRefs(text: unknown): ParsedRefs {
  if (typeof text !== 'string' || text.length === 0) return { refs: [], rejected: 0, overflow: 0 };
  if (text.length > BASKET_LIST_MAX_LENGTH) return { refs: [], rejected: 1, overflow: 0 };
  const refs: BasketRef[] = [];
  let rejected = 0;
  let overflow = 0;
  for (const part of text.split(',')) {
    if (part.trim() === '') continue;
    const parsed = basketRefSchema.safeParse(part);
    if (!parsed.success) {
      rejected += 1;
      continue;
    }
    if (hasRef(refs, parsed.data)) continue;
    if (refs.length >= BASKET_MAX_ITEMS) {
      overflow += 1;
      continue;
    }
    refs.push(parsed.data);
  }
  return { refs, rejected, overflow };
}

/** True when the list can be written to the cookie (count and size). */
export function fitsInBasket(refs: readonly BasketRef[]): boolean {
  return refs.length <= BASKET_MAX_ITEMS && encodeURIComponent(serializeRefs(refs)).length <= COOKIE_VALUE_MAX_BYTES;
}

export type AddResult = { refs: BasketRef[]; status: 'added' | 'already' | 'full' };

export function addRef(refs: readonly BasketRef[], ref: BasketRef): AddResult {
  if (hasRef(refs, ref)) return { refs: [...refs], status: 'already' };
  const next = [...refs, ref];
  if (!fitsInBasket(next)) return { refs: [...refs], status: 'full' };
  return { refs: next, status: 'added' };
}

export function removeRef(refs: readonly BasketRef[], ref: BasketRef): BasketRef[] {
  return refs.filter((candidate) => !sameRef(candidate, ref));
}

export type MergeResult = { refs: BasketRef[]; added: number; left: number };

/** Adds `incoming` after `refs`, skipping what is already there, until the basket is full. */
export function mergeRefs(refs: readonly BasketRef[], incoming: readonly BasketRef[]): MergeResult {
  let current = [...refs];
  let added = 0;
  let left = 0;
  for (const ref of incoming) {
    const result = addRef(current, ref);
    if (result.status === 'added') added += 1;
    if (result.status === 'full') left += 1;
    current = result.refs;
  }
  return { refs: current, added, left };
}

/** Keeps the longest prefix of the list that fits in the cookie. */
export function truncateToFit(refs: readonly BasketRef[]): BasketRef[] {
  return mergeRefs([], refs).refs;
}
