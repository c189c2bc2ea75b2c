// The session cookie: next-auth's own format (an encrypted JWT, JWE A256GCM, key derived
// from NEXTAUTH_SECRET), written by our sign-in action and by next-auth's endpoints alike,
// read by getSession() (lib/auth.ts) and refreshed by proxy.ts. Nothing here touches
// the database, so that proxy.ts can use it.
import { randomBytes } from 'node:crypto';
import { decode, encode } from 'next-auth/jwt';
import { z } from 'zod';

/** Idle lifetime: a session not used for 30 minutes ends. */
export const SESSION_MAX_AGE_SECONDS = 30 * 60;
/** proxy.ts re-issues the cookie at most once a minute (sliding expiry). */
export const SESSION_REFRESH_AFTER_SECONDS = 60;
/** However active, a session ends 12 hours after the password was typed. */
export const SESSION_ABSOLUTE_MAX_SECONDS = 12 * 60 * 60;

/** next-auth's default names, so that its endpoints (session, sign-out) find the cookie. */
export function sessionCookieName(useSecureCookies: boolean): string {
  return useSecureCookies ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

export function sessionCookieOptions(useSecureCookies: boolean) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: useSecureCookies,
    maxAge: SESSION_MAX_AGE_SECONDS,
  };
}

/**
 * What a session token proves: who signed in (sub), with which sessionVersion (sv), when
 * they typed their password (authTime, seconds), and which session this is (sid, random:
 * signing out ends this one, lib/security/sessions.ts). Roles are deliberately absent:
 * they are read from the database on every request (lib/authz.ts). `sid` is optional only
 * for cookies issued before it existed; signing out of one of those ends all the member's
 * sessions.
 */
export const sessionClaimsSchema = z.object({
  sub: z.string().min(1),
  sv: z.number().int(),
  authTime: z.number().int(),
  sid: z.string().min(1).optional(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

export function nowInSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A new session's id: 128 random bits. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}

export async function encodeSessionToken(claims: SessionClaims, secret: string): Promise<string> {
  const { sub, sv, authTime, sid } = claims;
  return encode({ token: { sub, sv, authTime, ...(sid ? { sid } : {}) }, secret, maxAge: SESSION_MAX_AGE_SECONDS });
}

/** The claims alone, as the cookie carries them (without next-auth's iat/exp/jti). */
export function sessionClaimsOf(claims: SessionClaims): SessionClaims {
  const { sub, sv, authTime, sid } = claims;
  return { sub, sv, authTime, ...(sid ? { sid } : {}) };
}

export type DecodedSession = SessionClaims & { iat: number; exp: number };

/** The claims of a valid, unexpired token; null for anything else (tampered, expired, old key). */
export async function decodeSessionToken(token: string | undefined, secret: string): Promise<DecodedSession | null> {
  if (!token) return null;
  try {
    const payload = await decode({ token, secret });
    const parsed = sessionClaimsSchema.extend({ iat: z.number(), exp: z.number() }).safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Past the absolute lifetime: the person has to type their password again. */
export function isPastAbsoluteLifetime(claims: Pick<SessionClaims, 'authTime'>, now = nowInSeconds()): boolean {
  return now - claims.authTime > SESSION_ABSOLUTE_MAX_SECONDS;
}

/** Worth re-issuing: still valid, older than a minute, and within the absolute lifetime. */
export function shouldRefresh(claims: DecodedSession, now = nowInSeconds()): boolean {
  return now - claims.iat >= SESSION_REFRESH_AFTER_SECONDS && !isPastAbsoluteLifetime(claims, now);
}
