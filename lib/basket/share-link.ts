// Links that carry a list in their query string: the shared view of /panier and the CSV
// download. The list stays readable ("/panier?liste=s:tech-accelerate,p:juripop"): slugs are
// lowercase ASCII and hyphens, and ":" and "," are allowed as they are in a query.
import { serializeRefs, type BasketRef } from '@/lib/basket/refs';

export const BASKET_PATH = '/panier';
export const BASKET_CSV_PATH = '/panier/csv';
/** Query parameter that carries a list. */
export const LIST_PARAM = 'liste';

function withList(path: string, refs: readonly BasketRef[]): string {
  return refs.length === 0 ? path : `${path}?${LIST_PARAM}=${serializeRefs(refs)}`;
}

/** "/panier?liste=s:a,p:b": opens the list on any device, without a cookie. */
export function sharePath(refs: readonly BasketRef[]): string {
  return withList(BASKET_PATH, refs);
}

/** Absolute share link; `siteUrl` is the public address of the site (SITE_URL). */
export function shareUrl(siteUrl: string, refs: readonly BasketRef[]): string {
  return `${siteUrl.replace(/\/+$/, '')}${sharePath(refs)}`;
}

export function csvPath(refs: readonly BasketRef[]): string {
  return withList(BASKET_CSV_PATH, refs);
}

/** Reads the `liste` parameter of a page's searchParams (a repeated parameter keeps its first value). */
export function listParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
