// One-time links (invitation, access reset): 32 random bytes in the URL, only their
// SHA-256 in the database. A fast hash is enough here: the token has 256 bits of entropy,
// there is nothing to brute-force as there would be with a password.
import { createHash, randomBytes } from 'node:crypto';

export const ACCESS_LINK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** URL-safe, 43 characters. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Shape of a token we issued; anything else is refused before touching the database. */
export function isWellFormedToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}

/** Path of the page where the member sets their password. */
export function accessLinkPath(token: string): string {
  return `/admin/invitation/${token}`;
}
