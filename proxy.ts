// Proxy (Next 16's name for middleware) of the admin area. It is a convenience, not the
// security boundary: it never queries the database. It
//  - sends a visitor without a session cookie (or with an expired or forged one) to the
//    sign-in page, remembering where they were going;
//  - slides the session: a valid cookie older than a minute is re-issued for another
//    30 minutes, up to 12 hours after the password was typed (with the same session id:
//    a session signed out of stays refused by requireUser(), re-issued or not);
//  - marks every admin response as not to be indexed.
// Who may do what is decided by requireUser() / requireRole() in each page and action.
import { NextResponse, type NextRequest } from 'next/server';
import { getAuthEnv } from '@/lib/env';
import {
  decodeSessionToken,
  encodeSessionToken,
  sessionClaimsOf,
  sessionCookieName,
  sessionCookieOptions,
  shouldRefresh,
} from '@/lib/security/session-token';

const SIGN_IN_PATH = '/admin/connexion';
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

export async function proxy(request: NextRequest): Promise<NextResponse> {
  if (OPEN_PATHS.test(request.nextUrl.pathname)) return markAdmin(NextResponse.next());

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
    const refreshed = await encodeSessionToken(sessionClaimsOf(claims), env.secret);
    response.cookies.set(cookieName, refreshed, sessionCookieOptions(env.useSecureCookies));
  }
  return response;
}

export const config = {
  matcher: ['/admin/:path*'],
};
