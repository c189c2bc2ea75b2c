// Long lists (the provider list, the inventory of needs) are cut into pages: at 10,000
// providers a single page would weigh megabytes. The page number lives in the address
// (`?page=3`), next to the filters, so everything works without JavaScript.

/** Reads `?page=`; anything that is not a page of the list gives the nearest one. */
export function parsePage(raw: string | string[] | undefined, pageCount: number): number {
  const value = Number.parseInt(Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? ''), 10);
  if (!Number.isFinite(value) || value < 1) return 1;
  return Math.min(value, Math.max(1, pageCount));
}

export function pageCountOf(itemCount: number, pageSize: number): number {
  return Math.max(1, Math.ceil(itemCount / pageSize));
}

/** Page numbers to offer as links: the first, the last, and two on each side of the current one (null: a gap). */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const shown = new Set([1, pageCount]);
  for (let n = page - 2; n <= page + 2; n += 1) if (n >= 1 && n <= pageCount) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((n, index) => (index > 0 && n - sorted[index - 1]! > 1 ? [null, n] : [n]));
}

/** The address of another page of the same list, keeping the other parameters (filters). */
export function pageHref(path: string, params: [string, string][], page: number, hash = ''): string {
  const query = new URLSearchParams(params.filter(([name]) => name !== 'page'));
  if (page > 1) query.set('page', String(page));
  const text = query.toString();
  return `${path}${text ? `?${text}` : ''}${hash}`;
}
