// Which public pages are served whole from Next's route cache. next.config.ts turns the
// rules below into rewrites (/besoins/x → /statique/besoins/x) and
// app/(public)/statique/[...chemin]/page.tsx renders the variants, kept until an edit calls
// updateTag('inventory') (lib/cache/page-cache-handler.mjs).
//
// A page can come from the cache only when nothing of the request changes it: no basket
// cookie (the « Panier (n) » link and the add/remove buttons) and none of the query
// parameters these pages read (filters, page number). Any other request renders per request,
// as before. Rewrites, not proxy.ts: a rewrite made in the proxy is compared with the address
// the server listens on, and behind a reverse proxy (HOSTNAME=127.0.0.1) Next takes it for
// another site's address.
//
// Plain relative imports: next.config.ts loads this file outside the app's module aliases.
import { BASKET_COOKIE } from '../basket/cookie-name';

/** The internal prefix of the cached variants; a visit to it is sent to the real address. */
export const STATIC_PREFIX = '/statique';

/**
 * Every query parameter that changes one of these pages: the page number
 * (lib/facets/pagination.ts) and the filters (FACETS in lib/facets/facets.ts; a unit test
 * keeps this list in step with them).
 */
export const PAGE_QUERY_PARAMS = ['page', 'statut', 'aide', 'cout', 'region', 'format', 'pour', 'langue'] as const;

export type StaticPageName = 'home' | 'needs' | 'need' | 'solutions' | 'solution' | 'providers' | 'provider' | 'not-found';

// Slugs are made by slugify (lib/data/admin/write.ts uniqueSlug): lowercase letters, digits, dashes.
const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
const SLUG_PATTERN = new RegExp(`^${SLUG}$`);
const HOME_SEGMENT = 'accueil';
const NOT_FOUND_SEGMENT = 'introuvable';

const lists: Record<string, StaticPageName> = { besoins: 'needs', solutions: 'solutions', fournisseurs: 'providers' };
const entries: Record<string, StaticPageName> = { besoins: 'need', solutions: 'solution', fournisseurs: 'provider' };

/** The page a /statique path stands for, or null when there is none. */
export function resolveStaticPage(segments: readonly string[]): { name: StaticPageName; slug?: string } | null {
  const [first, slug, ...rest] = segments;
  if (first === undefined || rest.length > 0) return null;
  if (slug === undefined) {
    if (first === HOME_SEGMENT) return { name: 'home' };
    if (first === NOT_FOUND_SEGMENT) return { name: 'not-found' };
    const name = lists[first];
    return name ? { name } : null;
  }
  const name = entries[first];
  return name && SLUG_PATTERN.test(slug) ? { name, slug } : null;
}

type Condition = { type: 'cookie' | 'query' | 'header'; key: string };

/** What a request must lack to be served from the cache. */
const ANONYMOUS: Condition[] = [
  { type: 'cookie', key: BASKET_COOKIE },
  // A form posted to the page (« Ajouter au panier »: a server action, sent with JavaScript
  // or without): the page it renders in return must see the cookie the action has just set.
  // Rewrites cannot test the method; a browser's GET has no Content-Type.
  { type: 'header', key: 'next-action' },
  { type: 'header', key: 'content-type' },
  ...PAGE_QUERY_PARAMS.map((key): Condition => ({ type: 'query', key })),
];

const ROUTES: { source: string; destination: string }[] = [
  { source: '/', destination: `${STATIC_PREFIX}/${HOME_SEGMENT}` },
  ...Object.keys(lists).flatMap((list) => [
    { source: `/${list}`, destination: `${STATIC_PREFIX}/${list}` },
    { source: `/${list}/:slug(${SLUG})`, destination: `${STATIC_PREFIX}/${list}/:slug` },
  ]),
];

// An entry address whose last segment cannot be a slug (a stray character: %, _, ', a double
// dash…) never names an entry, whoever asks: one cached « Page introuvable » answers them all,
// with its 404 (rendered per request, the page could not have both: see the statique page).
// Rewrites match without regard to case, so an uppercase slug is left to the pages themselves.
const NEVER_AN_ENTRY = Object.keys(entries).map((list) => ({
  source: `/${list}/:slug((?!${SLUG}$)[^/]+)`,
  destination: `${STATIC_PREFIX}/${NOT_FOUND_SEGMENT}`,
}));

type Rewrite = { source: string; destination: string; missing?: Condition[] };
type HeaderRule = { source: string; missing?: Condition[]; headers: { key: string; value: string }[] };

// The same paths as ROUTES' sources, as Next matches them (case-insensitive, no trailing slash).
const ROUTE_PATTERN = new RegExp(`^/(?:(?:${Object.keys(lists).join('|')})(?:/${SLUG})?)?$`, 'i');

// NEVER_AN_ENTRY's sources, as Next matches them.
const NEVER_AN_ENTRY_PATTERN = new RegExp(`^/(?:${Object.keys(entries).join('|')})/(?!${SLUG}$)[^/]+$`, 'i');

export type RequestShape = {
  pathname: string;
  hasCookie(name: string): boolean;
  hasHeader(name: string): boolean;
  hasQuery(key: string): boolean;
};

/**
 * Whether the rules below send this request to the cached variant: proxy.ts gives no
 * nonce to those (the page cache gives them one of its own). Must agree
 * with staticPageRewrites(); tests/unit/static-pages.test.ts checks it against Next's own
 * matcher.
 */
export function isPageCacheRequest(request: RequestShape): boolean {
  let pathname = request.pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // A malformed escape: matched as written.
  }
  // « Page introuvable » for an address that can never be an entry is cached for everyone.
  if (NEVER_AN_ENTRY_PATTERN.test(pathname)) return true;
  if (!ROUTE_PATTERN.test(pathname)) return false;
  return !ANONYMOUS.some(({ type, key }) =>
    type === 'cookie' ? request.hasCookie(key) : type === 'header' ? request.hasHeader(key) : request.hasQuery(key),
  );
}

/** next.config.ts `rewrites().beforeFiles`: anonymous requests go to the cached variant. */
export function staticPageRewrites(): Rewrite[] {
  return [...ROUTES.map(({ source, destination }) => ({ source, destination, missing: ANONYMOUS })), ...NEVER_AN_ENTRY];
}

/**
 * next.config.ts `headers()`: Next would send the cache's own lifetime (s-maxage), letting a
 * shared cache keep a page that an edit has since changed. Browsers and proxies must ask
 * again each time.
 */
export function staticPageHeaders(): HeaderRule[] {
  const headers = [{ key: 'Cache-Control', value: 'no-cache' }];
  return [...ROUTES.map(({ source }) => ({ source, missing: ANONYMOUS, headers })), ...NEVER_AN_ENTRY.map(({ source }) => ({ source, headers }))];
}

/** next.config.ts `redirects()`: /statique is not an address of the site; its pages have their own. */
export function staticPageRedirects() {
  return [
    { source: `${STATIC_PREFIX}/${HOME_SEGMENT}`, destination: '/', permanent: false },
    { source: `${STATIC_PREFIX}/:path*`, destination: '/:path*', permanent: false },
  ];
}
