import 'server-only';
// Sessions: next-auth 4 with a Credentials provider and JWT sessions (no session table).
//
// Two ways in, one check (lib/security/credentials.ts, rate-limited):
//  - the French sign-in page /admin/connexion posts to a server action (lib/actions/auth.ts)
//    that works without JavaScript and writes next-auth's session cookie with startSession();
//  - next-auth's own endpoint POST /api/auth/callback/credentials (CSRF token required),
//    for a script or a client that prefers it.
// Either way the cookie holds { sub, sv, authTime, sid } only. Who the person is and what
// they may do is read from the database on every request by lib/authz.ts. Signing out (our
// action or next-auth's endpoint) ends the session in the database (lib/security/sessions.ts).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cookies, headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/lib/db';
import { getAuthEnv } from '@/lib/env';
import { clientIpFromHeaders, type HeaderReader } from '@/lib/security/client-ip';
import { findSessionMember } from '@/lib/data/users';
import { checkCredentials, type SignedInUser } from '@/lib/security/credentials';
import {
  SESSION_MAX_AGE_SECONDS,
  decodeSessionToken,
  encodeSessionToken,
  newSessionId,
  nowInSeconds,
  sessionClaimsOf,
  sessionClaimsSchema,
  sessionCookieName,
  sessionCookieOptions,
  type SessionClaims,
} from '@/lib/security/session-token';
import { endSessionForGood } from '@/lib/security/sessions';
import { signInSchema } from '@/lib/validation/user';

export const SIGN_IN_PATH = '/admin/connexion';
/** next-auth's error code when the rate limit refused an attempt (shown on SIGN_IN_PATH). */
export const RATE_LIMITED_ERROR = 'TropDeTentatives';

let cachedOptions: NextAuthOptions | undefined;

/** Built at the first request (the secret is not known at build time). */
export function getAuthOptions(): NextAuthOptions {
  if (cachedOptions) return cachedOptions;
  const env = getAuthEnv();
  cachedOptions = {
    secret: env.secret,
    useSecureCookies: env.useSecureCookies,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: SESSION_MAX_AGE_SECONDS },
    cookies: {
      sessionToken: { name: sessionCookieName(env.useSecureCookies), options: sessionCookieOptions(env.useSecureCookies) },
    },
    pages: { signIn: SIGN_IN_PATH, error: SIGN_IN_PATH },
    providers: [
      CredentialsProvider({
        name: 'Courriel et mot de passe',
        credentials: { email: { label: 'Adresse courriel', type: 'email' }, password: { label: 'Mot de passe', type: 'password' } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const requestHeaders = request.headers ?? {};
          const reader: HeaderReader = { get: (name) => headerValue(requestHeaders[name]) };
          const result = await checkCredentials(getDb(), { ...parsed.data, ip: clientIpFromHeaders(reader, env.trustedProxyHops) }, env.secret);
          // Thrown messages become ?error=… on the sign-in page; null becomes the generic one.
          if (result.status === 'rate-limited') throw new Error(RATE_LIMITED_ERROR);
          if (result.status !== 'ok') return null;
          return { id: result.user.id, name: result.user.name, email: result.user.email, sessionVersion: result.user.sessionVersion };
        },
      }),
    ],
    callbacks: {
      // Same claims as startSession(): nothing the database would have to confirm anyway.
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as unknown as Pick<SignedInUser, 'id' | 'sessionVersion'>;
          return { sub: signedIn.id, sv: signedIn.sessionVersion, authTime: nowInSeconds(), sid: newSessionId() };
        }
        // GET /api/auth/session re-issues the cookie: only for a session that may still act.
        // Throwing makes next-auth answer "no session" and clear the cookie.
        const claims = sessionClaimsSchema.safeParse(token);
        if (!claims.success || !(await findSessionMember(claims.data))) throw new Error('Session terminée.');
        return token;
      },
      session({ session, token }) {
        return { expires: session.expires, sub: token.sub, sv: token.sv, authTime: token.authTime } as unknown as typeof session;
      },
    },
    events: {
      // POST /api/auth/signout: the same as our sign-out action.
      async signOut({ token }) {
        const claims = sessionClaimsSchema.safeParse(token);
        if (claims.success) await endSessionForGood(getDb(), claims.data);
      },
    },
    logger: {
      // An ended session reaching /api/auth/session is expected, not an error to log.
      error(code, metadata) {
        if (code === 'JWT_SESSION_ERROR') return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
  };
  return cachedOptions;
}

function headerValue(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value.join(', ');
  return null;
}

/**
 * The claims of the request's session cookie (valid and unexpired), or null. Says nothing
 * about whether the member may still act: use requireUser() / requireRole() for that.
 * Read directly (as proxy.ts does) rather than through next-auth's getServerSession(),
 * which would re-encrypt a new token on every call only to throw it away.
 */
export async function getSession(): Promise<SessionClaims | null> {
  const env = getAuthEnv();
  const claims = await decodeSessionToken((await cookies()).get(sessionCookieName(env.useSecureCookies))?.value, env.secret);
  return claims && sessionClaimsOf(claims);
}

/** Writes the session cookie of a new session (server actions only: pages cannot set cookies). */
export async function startSession(user: Pick<SignedInUser, 'id' | 'sessionVersion'>): Promise<void> {
  const env = getAuthEnv();
  const token = await encodeSessionToken({ sub: user.id, sv: user.sessionVersion, authTime: nowInSeconds(), sid: newSessionId() }, env.secret);
  (await cookies()).set(sessionCookieName(env.useSecureCookies), token, sessionCookieOptions(env.useSecureCookies));
}

/** Ends the request's session in the database (see lib/security/sessions.ts), then clears its cookie. */
export async function endSession(): Promise<void> {
  const session = await getSession();
  if (session) await endSessionForGood(getDb(), session);
  const env = getAuthEnv();
  // Same attributes as when set: a __Secure- cookie is only replaced by a Secure one.
  (await cookies()).set(sessionCookieName(env.useSecureCookies), '', { ...sessionCookieOptions(env.useSecureCookies), maxAge: 0 });
}

/** The visitor's address as this deployment trusts it (see lib/security/client-ip.ts). */
export async function getRequestIp(): Promise<string> {
  return clientIpFromHeaders(await headers(), getAuthEnv().trustedProxyHops);
}

/** `retour` values are paths of the admin area only: never another site, never `//host`. */
export function safeAdminReturnPath(value: unknown): string | null {
  const parsed = z.string().max(500).safeParse(value);
  if (!parsed.success) return null;
  const path = parsed.data;
  if (!/^\/admin(?:[/?#]|$)/.test(path) || path.startsWith(SIGN_IN_PATH) || path.startsWith('/admin/invitation') || /[\\\s]|\/\//.test(path)) return null;
  return path;
}
