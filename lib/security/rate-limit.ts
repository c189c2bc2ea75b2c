// Sign-in rate limit, kept in PostgreSQL (table LoginAttempt) so that it holds across
// restarts and across server instances without another service. No library: the ones we
// looked at keep counters in memory or Redis; here a row per attempt is enough.
//
// Three counts of failures in a sliding window, each with its own purpose:
//  - one account from one visitor address: guessing from one place stops there, and only
//    there (a stranger's wrong passwords lock the stranger's address out of that account,
//    not the owner at another address);
//  - one visitor address, whatever account: trying many accounts from one place;
//  - one account from every address together: a guess spread over many addresses. This
//    one does not apply at an address where the account signed in during the last
//    LOGIN_ATTEMPT_RETENTION_DAYS: the owner at their usual place still gets in, and a
//    password chosen from a one-time link counts as such a sign-in (the way back in,
//    npm run admin:create -- <email> --reinitialiser, is never blocked by it).
// A successful sign-in starts the account's counts again (the count of one account from one
// address only when it succeeded from that address); the address count does not (one valid
// account must not clear an address that tries many others).
//
// Each attempt is written *before* it is counted and before the password is checked: two
// concurrent attempts each see the other, so a burst cannot slip past the limit (at worst
// it is refused a little early). An attempt refused by the limit is marked BLOCKED and not
// counted again: hammering a locked account does not extend its lock.
//
// Neither what was typed nor the full address is stored: the address typed as an HMAC
// keyed with the server secret (it may be a password typed in the wrong field), the
// visitor as their rateLimitKey() (an IPv6 /64 is one visitor).
import { createHmac } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { rateLimitKey } from '@/lib/security/client-ip';
import { normalizeEmail } from '@/lib/validation/user';

export const LOGIN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  /** Failures per address typed from one visitor address, since the account's last success there. */
  maxFailuresPerAccountAndIp: 5,
  /**
   * Failures per address typed from all visitor addresses together, since its last success;
   * not applied at an address where the account signed in lately. Above what one address
   * can reach alone, so that one stranger never locks the account for everyone.
   */
  maxFailuresPerAccount: 10,
  /** Failures per visitor address, whatever account (offices share one address: kept higher). */
  maxFailuresPerIp: 20,
};
export type LoginLimits = typeof LOGIN_LIMITS;

/** Attempts are erased after this many days (stated on /confidentialite). */
export const LOGIN_ATTEMPT_RETENTION_DAYS = 30;
const RETENTION_MS = LOGIN_ATTEMPT_RETENTION_DAYS * 24 * 60 * 60 * 1000;

type Db = Pick<PrismaClient, 'loginAttempt'>;

/** What an attempt is counted under: never the address typed, never the full visitor address. */
export type LoginAttemptKey = { emailHash: string; ip: string };

export function loginAttemptKey({ email, ip }: { email: string; ip: string }, secret: string): LoginAttemptKey {
  const emailHash = createHmac('sha256', secret).update(`login-account:${normalizeEmail(email)}`).digest('hex');
  return { emailHash, ip: rateLimitKey(ip) };
}

export type LoginGate = { attemptId: string; isAllowed: boolean };

/** Records an attempt (as a failure until proven otherwise) and says whether it may go on. */
export async function openLoginAttempt(db: Db, { emailHash, ip }: LoginAttemptKey, now = new Date(), limits: LoginLimits = LOGIN_LIMITS): Promise<LoginGate> {
  const attempt = await db.loginAttempt.create({ data: { emailHash, ip, outcome: 'FAILURE', createdAt: now }, select: { id: true } });
  const windowStart = new Date(now.getTime() - limits.windowMs);

  // A success starts the account's counts again: from its own address for the address's
  // count of this account, from anywhere for the count across addresses (a stranger's count
  // does not restart each time the owner signs in).
  const [lastSuccess, lastSuccessHere] = await Promise.all([
    db.loginAttempt.findFirst({
      where: { emailHash, outcome: 'SUCCESS', createdAt: { gt: windowStart, lte: now } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    }),
    db.loginAttempt.findFirst({
      where: { emailHash, ip, outcome: 'SUCCESS', createdAt: { gt: new Date(now.getTime() - RETENTION_MS), lte: now } },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    }),
  ]);
  const since = (success: { createdAt: Date } | null) => ({ gt: success && success.createdAt > windowStart ? success.createdAt : windowStart, lte: now });
  const [pairFailures, accountFailures, ipFailures] = await Promise.all([
    db.loginAttempt.count({ where: { emailHash, ip, outcome: 'FAILURE', createdAt: since(lastSuccessHere) } }),
    db.loginAttempt.count({ where: { emailHash, outcome: 'FAILURE', createdAt: since(lastSuccess) } }),
    db.loginAttempt.count({ where: { ip, outcome: 'FAILURE', createdAt: { gt: windowStart, lte: now } } }),
  ]);

  // Every count includes this attempt: the (max + 1)-th attempt of the window is refused.
  const isAllowed =
    pairFailures <= limits.maxFailuresPerAccountAndIp &&
    ipFailures <= limits.maxFailuresPerIp &&
    (lastSuccessHere !== null || accountFailures <= limits.maxFailuresPerAccount);
  if (!isAllowed) await closeLoginAttempt(db, attempt.id, 'BLOCKED');
  return { attemptId: attempt.id, isAllowed };
}

export async function closeLoginAttempt(db: Db, attemptId: string, outcome: 'SUCCESS' | 'BLOCKED'): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { outcome }, select: { id: true } });
}

/**
 * A proof of access other than the password (a one-time link used from this address):
 * counted as a successful sign-in, so the account's counts start again and this address
 * is one where the account signed in.
 */
export async function recordAccessProof(db: Db, key: LoginAttemptKey, now = new Date()): Promise<void> {
  await db.loginAttempt.create({ data: { ...key, outcome: 'SUCCESS', createdAt: now }, select: { id: true } });
}

/** Erases attempts older than the retention period; returns how many. */
export async function pruneLoginAttempts(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - RETENTION_MS);
  const { count } = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: cutoff } } });
  return count;
}
