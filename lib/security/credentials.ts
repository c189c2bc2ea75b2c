// The one credentials check, used by the sign-in form's action and by next-auth's
// Credentials provider alike: rate limit first, then one Argon2 verification whatever
// happens (dummy hash for an unknown address), then a single answer for every refusal.
// `secret` keys the hash under which the address typed is counted (lib/security/rate-limit.ts).
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { UserRole } from '@/lib/generated/prisma/enums';
import { eraseExpiredEmptySearches } from '@/lib/search/empty-searches';
import { needsRehash, hashPassword, verifyAgainstDummy, verifyPassword } from '@/lib/security/password';
import { closeLoginAttempt, loginAttemptKey, openLoginAttempt, pruneLoginAttempts, type LoginLimits, LOGIN_LIMITS } from '@/lib/security/rate-limit';
import { normalizeEmail } from '@/lib/validation/user';

export type SignedInUser = { id: string; name: string; email: string; role: UserRole; sessionVersion: number };

export type CredentialsResult =
  | { status: 'ok'; user: SignedInUser }
  /** Unknown address, wrong password, inactive account or no password yet: one answer. */
  | { status: 'invalid' }
  | { status: 'rate-limited' };

export async function checkCredentials(
  db: PrismaClient,
  input: { email: string; password: string; ip: string },
  secret: string,
  now = new Date(),
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<CredentialsResult> {
  const email = normalizeEmail(input.email);
  // Old attempts go as new ones come: nothing is kept past the stated retention.
  await pruneLoginAttempts(db, now);
  await eraseExpiredEmptySearches(db, now);
  const gate = await openLoginAttempt(db, loginAttemptKey({ email, ip: input.ip }, secret), now, limits);
  if (!gate.isAllowed) return { status: 'rate-limited' };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, role: true, isActive: true, sessionVersion: true, passwordHash: true },
  });
  const passwordHash = user?.isActive ? user.passwordHash : null;
  const isValid = passwordHash ? await verifyPassword(passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !passwordHash || !isValid) return { status: 'invalid' };

  await closeLoginAttempt(db, gate.attemptId, 'SUCCESS');
  await db.user.update({
    where: { id: user.id },
    // Hashes made with older settings are upgraded while the password is at hand.
    data: { lastSignInAt: now, ...(needsRehash(passwordHash) ? { passwordHash: await hashPassword(input.password) } : {}) },
    select: { id: true },
  });
  return { status: 'ok', user: { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion } };
}
