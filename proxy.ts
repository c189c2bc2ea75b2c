// Proxy (Next 16's name for middleware). It never queries the database. It
//  - refuses a request body over 1 MB, except for the admin import (see below);
//  - counts searches per address (/recherche?q=…) and answers 429 past the limit
//    (lib/security/public-rate-limits.ts): a page cannot choose its status, the proxy can;
//  - in the admin area, as a convenience rather than the security boundary:
//    - sends a visitor without a session cookie (or with an expired or forged one) to the
//      sign-in page, remembering where they were going;
//    - slides the session: a valid cookie older than a minute is re-issued for another
//      30 minutes, up to 12 hours after the password was typed;
//    - marks every admin response as not to be indexed.
// Who may do what is decided by requireUser() / requireRole() in each page and action.
import { NextResponse, type NextRequest } from 'next/server';
import { getAuthEnv } from '@/lib/env';
import { SEARCH_PATH } from '@/lib/search/params';
import { hitPublicLimit, tooManyRequestsResponse } from '@/lib/security/public-rate-limits';
import {
  decodeSessionToken,
  encodeSessionToken,
  sessionCookieName,
  sessionCookieOptions,
  shouldRefresh,
} from '@/lib/security/session-token';

const SIGN_IN_PATH = '/admin/connexion';
/** Reached without a session: the sign-in page and the one-time links. */
const OPEN_PATHS = /^\/admin\/(?:connexion|invitation)(?:\/|$)/;
const ADMIN_PATHS = /^\/admin(?:\/|$)/;

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

export async function proxy(request: NextRequest): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (request.method !== 'GET' && request.method !== 'HEAD' && pathname !== LARGE_BODY_PATH && (await exceedsBodyLimit(request, MAX_BODY_BYTES))) {
    return tooLarge();
  }
  if (pathname === SEARCH_PATH) return limitSearch(request) ?? NextResponse.next();
  if (!ADMIN_PATHS.test(pathname)) return NextResponse.next();
  if (OPEN_PATHS.test(pathname)) return markAdmin(NextResponse.next());

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

  const response = markAdmin(NextResponse.next());
  if (shouldRefresh(claims)) {
    const refreshed = await encodeSessionToken({ sub: claims.sub, sv: claims.sv, authTime: claims.authTime }, env.secret);
    response.cookies.set(cookieName, refreshed, sessionCookieOptions(env.useSecureCookies));
  }
  return response;
}

export const config = {
  matcher: [
    '/admin/:path*',
    '/recherche',
    // Any request with a body (a browser's GET has none of these headers): server actions of
    // every page, with or without JavaScript, and route handlers that read a body.
    { source: '/:path*', has: [{ type: 'header', key: 'content-type' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'transfer-encoding' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'next-action' }] },
  ],
};
