// The state of /recherche lives in its URL (?q=…&type=…&page=…): read it leniently (a
// hand-edited or truncated URL still gives a page) and write it back for links.
import { normalizeQuery } from '@/lib/search/normalize';
import type { SearchType } from '@/lib/search/types';

export const SEARCH_PATH = '/recherche';

// French words in URLs, like the site's paths (/besoins, /fournisseurs).
export const TYPE_SLUGS: Record<SearchType, string> = {
  needs: 'besoins',
  solutions: 'solutions',
  providers: 'fournisseurs',
};

const TYPES_BY_SLUG = new Map(Object.entries(TYPE_SLUGS).map(([type, slug]) => [slug, type as SearchType]));

export type SearchParams = Record<string, string | string[] | undefined>;

export type SearchState = { query: string; type: SearchType | null; page: number };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseSearchParams(params: SearchParams): SearchState {
  const query = normalizeQuery(first(params.q));
  const type = TYPES_BY_SLUG.get(first(params.type) ?? '') ?? null;
  const pageNumber = Number.parseInt(first(params.page) ?? '', 10);
  const page = type && Number.isSafeInteger(pageNumber) && pageNumber > 1 ? pageNumber : 1;
  return { query, type, page };
}

/**
 * Link to a search: `searchHref({ query: 'loi 25' })` → "/recherche?q=loi+25". `filters`
 * are the active filters' query parameters, kept from page to page.
 */
export function searchHref({
  query,
  type = null,
  page = 1,
  filters = [],
}: {
  query: string;
  type?: SearchType | null;
  page?: number;
  filters?: readonly (readonly [string, string])[];
}): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  if (type) params.set('type', TYPE_SLUGS[type]);
  if (type && page > 1) params.set('page', String(page));
  for (const [name, value] of filters) params.append(name, value);
  const search = params.toString();
  return search ? `${SEARCH_PATH}?${search}` : SEARCH_PATH;
}
