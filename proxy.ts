// Proxy (Next 16's name for middleware). It never queries the database. It
//  - refuses a request body over 1 MB, except for the admin import (see below);
//  - counts searches per address (/recherche?q=…) and answers 429 past the limit
//    (lib/security/public-rate-limits.ts): a page cannot choose its status, the proxy can;
//  - gives every page rendered per request a fresh nonce and the Content-Security-Policy
//    that names it (Next puts the nonce on its own scripts when the request carries that
//    policy), so that no inline script runs without it. Pages served whole from the route
//    cache are left alone: Next cannot write a nonce into a page rendered once for everyone,
//    so the page cache writes one into each copy it serves, with the policy naming it
//    (lib/cache/page-cache-handler.mjs, lib/security/csp.mjs);
//  - in the admin area, as a convenience rather than the security boundary:
//    - sends a visitor without a session cookie (or with an expired or forged one) to the
//      sign-in page, remembering where they were going;
//    - slides the session: a valid cookie older than a minute is re-issued for another
//      30 minutes, up to 12 hours after the password was typed (with the same session id:
//      a session signed out of stays refused by requireUser(), re-issued or not);
//    - marks every admin response as not to be indexed.
// Who may do what is decided by requireUser() / requireRole() in each page and action.
import { NextResponse, type NextRequest } from 'next/server';
import { isPageCacheRequest } from '@/lib/cache/static-pages';
import { getAuthEnv } from '@/lib/env';
import { SEARCH_PATH } from '@/lib/search/params';
import { contentSecurityPolicy, newNonce } from '@/lib/security/csp.mjs';
import { hitPublicLimit, tooManyRequestsResponse } from '@/lib/security/public-rate-limits';

import {
  decodeSessionToken,
  encodeSessionToken,
  sessionClaimsOf,
  sessionCookieName,
  sessionCookieOptions,
  shouldRefresh,
} from '@/lib/security/session-token';

const SIGN_IN_PATH = '/admin/connexion';
const ADMIN_PATHS = /^\/admin(?:\/|$)/;
/** Reached without a session: the sign-in page and the one-time links. */
const OPEN_PATHS = /^\/admin\/(?:connexion|invitation)(?:\/|$)/;

function markAdmin(response: NextResponse): NextResponse {
  response.headers.set('X-Robots-Tag', 'noindex, nofollow');
  return response;
}

function redirectToSignIn(request: NextRequest, reason?: 'session'): NextResponse {
  const url = new URL(SIGN_IN_PATH, request.url);
  url.search = '';
  if (reason) url.searchParams.set('raison', reason);
  // Only a page visit is worth coming back to (not a form post).
  if (request.method === 'GET' && request.nextUrl.pathname !== '/admin') {
    url.searchParams.set('retour', `${request.nextUrl.pathname}${request.nextUrl.search}`);
  }
  return markAdmin(NextResponse.redirect(url, 303));
}

// --- Request bodies ---------------------------------------------------------------------
// Next has one body limit for every server action (next.config.ts serverActions.bodySizeLimit),
// and none for route handlers. The admin import needs 12 MB (a 5 MB file, then its text posted
// back by « Appliquer »): set globally, anyone could post 12 MB to any form of the site and
// have it parsed. So the global limit stays at what the import needs and every other request
// is held to Next's default here, before anything reads its body. The import page is under
// /admin, where a visitor without a valid session cookie is sent to the sign-in page before
// the body is read.
const MAX_BODY_BYTES = 1024 * 1024;
const LARGE_BODY_PATH = '/admin/import';

/** The declared length, or for a body sent without one (chunked), its length read up to the limit. */
async function exceedsBodyLimit(request: NextRequest, limit: number): Promise<boolean> {
  const declared = request.headers.get('content-length');
  if (declared !== null) return !/^\d+$/.test(declared.trim()) || Number(declared) > limit;
  if (!request.body) return false;
  // The proxy reads a copy of the body (Next keeps the original for the page or action).
  const reader = request.body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return true;
    }
  }
}

const TOO_LARGE_PAGE = `<!doctype html>
<html lang="fr-CA">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">
<title>Envoi trop volumineux · Répertoire numérique communautaire</title></head>
<body><main>
<h1>Envoi trop volumineux</h1>
<p>Ce formulaire accepte au plus 1 Mo. Raccourcissez le texte envoyé, puis réessayez.</p>
<p><a href="/">Revenir à l’accueil</a></p>
</main></body>
</html>
`;

function tooLarge(): NextResponse {
  return new NextResponse(TOO_LARGE_PAGE, { status: 413, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' } });
}

// --- Search ------------------------------------------------------------------------------
// Only a search costs: the page without a query is a form. A prefetch of a results link is
// counted too: Next does not render the page for it, but a header must not be a way around.
function limitSearch(request: NextRequest): NextResponse | null {
  if (!request.nextUrl.searchParams.get('q')?.trim()) return null;
  const decision = hitPublicLimit('search', request.headers);
  if (decision.allowed) return null;
  const refused = tooManyRequestsResponse('search', decision);
  return new NextResponse(refused.body, { status: refused.status, headers: refused.headers });
}

async function adminProxy(request: NextRequest, next: () => NextResponse): Promise<NextResponse> {
  if (OPEN_PATHS.test(request.nextUrl.pathname)) return markAdmin(next());

  const env = getAuthEnv();
  const cookieName = sessionCookieName(env.useSecureCookies);
  const token = request.cookies.get(cookieName)?.value;
  if (!token) return redirectToSignIn(request);

  const claims = await decodeSessionToken(token, env.secret);
  if (!claims) {
    const response = redirectToSignIn(request, 'session');
    response.cookies.set(cookieName, '', { ...sessionCookieOptions(env.useSecureCookies), maxAge: 0 });
    return response;
  }

  const response = markAdmin(next());
  if (shouldRefresh(claims)) {
    const refreshed = await encodeSessionToken(sessionClaimsOf(claims), env.secret);
    response.cookies.set(cookieName, refreshed, sessionCookieOptions(env.useSecureCookies));
  }
  return response;
}

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (request.method !== 'GET' && request.method !== 'HEAD' && pathname !== LARGE_BODY_PATH && (await exceedsBodyLimit(request, MAX_BODY_BYTES))) {
    return tooLarge();
  }
  if (pathname === SEARCH_PATH) {
    const refused = limitSearch(request);
    if (refused) return refused;
  }
  const isCachedPage = isPageCacheRequest({
    pathname,
    hasCookie: (name) => request.cookies.has(name),
    hasHeader: (name) => request.headers.has(name),
    hasQuery: (key) => request.nextUrl.searchParams.has(key),
  });
  if (isCachedPage) return NextResponse.next();

  const policy = contentSecurityPolicy({ scriptSources: [`'nonce-${newNonce()}'`], isDevelopment: process.env.NODE_ENV === 'development' });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('content-security-policy', policy);
  const next = () => NextResponse.next({ request: { headers: requestHeaders } });
  const response = ADMIN_PATHS.test(pathname) ? await adminProxy(request, next) : next();
  response.headers.set('content-security-policy', policy);
  return response;
}

// Next runs the proxy only for the requests these entries match (it costs about a
// millisecond of CPU per request, as much as half of what a cached page costs otherwise),
// so the requests served whole from the route cache do not reach it: the first entry
// leaves out their paths, and the others bring back a request on those paths as soon as it
// has one of the things that make it render per request (ANONYMOUS in
// lib/cache/static-pages.ts: the basket cookie, a form post, a filter or page number).
// Literal values only, as Next reads them when it builds: tests/unit/csp.test.ts checks
// them against lib/cache/static-pages.ts, and proxy() checks isPageCacheRequest() again.
// Every entry leaves out Next's files, the API and file names (robots.txt, a CSV download…);
// the first one also prefetches (their answer is not a document). The last entries bring
// every search (prefetches too: a header must not be a way around its limit) and every
// request with a body (server actions, route handlers that read one, the API included) to
// the body limit.
export const config = {
  matcher: [
    {
      source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$|(?:(?:besoins|solutions|fournisseurs)(?:/[a-z0-9]+(?:-[a-z0-9]+)*)?)?$).*)',
      missing: [{ type: 'header', key: 'next-router-prefetch' }, { type: 'header', key: 'purpose', value: 'prefetch' }],
    },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'cookie', key: 'panier' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'header', key: 'content-type' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'query', key: 'page' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'query', key: 'statut' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'query', key: 'aide' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'query', key: 'cout' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'query', key: 'region' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'query', key: 'format' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'query', key: 'pour' }] },
    { source: '/((?!_next/static|_next/image|api/|.*\\.[A-Za-z0-9]+$).*)', has: [{ type: 'query', key: 'langue' }] },
    '/recherche',
    { source: '/:path*', has: [{ type: 'header', key: 'content-type' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'transfer-encoding' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
  ],
};
