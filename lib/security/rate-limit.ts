// Sign-in rate limit, kept in PostgreSQL (table LoginAttempt) so that it holds across
// restarts and across server instances without another service. No library: the ones we
// looked at keep counters in memory or Redis; here a row per attempt is enough, and the
// same rows answer "who tried to sign in from where" for a few days.
//
// Each attempt is written *before* it is counted and before the password is checked: two
// concurrent attempts each see the other, so a burst cannot slip past the limit (at worst
// it is refused a little early). An attempt refused by the limit is marked BLOCKED and not
// counted again: hammering a locked account does not extend its lock.
import type { PrismaClient } from '@/lib/generated/prisma/client';

export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  /** Failures per address typed (existing account or not) in the window, since its last success. */
  maxFailuresPerAccount: 5,
  /** Failures per visitor address in the window (offices share one address: kept higher). */
  maxFailuresPerIp: 20,
};
export type LoginLimits = typeof LOGIN_LIMITS;

/** Attempts are erased after this many days (stated on /confidentialite). */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;

type Db = Pick<PrismaClient, 'loginAttempt'>;

export type LoginGate = { attemptId: string; isAllowed: boolean };

/** Records an attempt (as a failure until proven otherwise) and says whether it may go on. */
export async function openLoginAttempt(
  db: Db,
  { email, ip }: { email: string; ip: string },
  now = new Date(),
  limits: LoginLimits = LOGIN_LIMITS,
): Promise<LoginGate> {
  const attempt = await db.loginAttempt.create({ data: { email, ip, outcome: 'FAILURE', createdAt: now }, select: { id: true } });
  const windowStart = new Date(now.getTime() - limits.windowMs);

  // The account's counter starts again after a successful sign-in; the address's does not
  // (one valid account must not clear an address that tries many others).
  const lastSuccess = await db.loginAttempt.findFirst({
    where: { email, outcome: 'SUCCESS', createdAt: { gt: windowStart, lte: now } },
    orderBy: { createdAt: 'desc' },
    select: { createdAt: true },
  });
  const [accountFailures, ipFailures] = await Promise.all([
    db.loginAttempt.count({ where: { email, outcome: 'FAILURE', createdAt: { gt: lastSuccess?.createdAt ?? windowStart, lte: now } } }),
    db.loginAttempt.count({ where: { ip, outcome: 'FAILURE', createdAt: { gt: windowStart, lte: now } } }),
  ]);

  // Both counts include this attempt: the (max + 1)-th attempt of the window is refused.
  const isAllowed = accountFailures <= limits.maxFailuresPerAccount && ipFailures <= limits.maxFailuresPerIp;
  if (!isAllowed) await closeLoginAttempt(db, attempt.id, 'BLOCKED');
  return { attemptId: attempt.id, isAllowed };
}

export async function closeLoginAttempt(db: Db, attemptId: string, outcome: 'SUCCESS' | 'BLOCKED'): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { outcome }, select: { id: true } });
}

/** Erases attempts older than the retention period; returns how many. */
export async function pruneLoginAttempts(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
