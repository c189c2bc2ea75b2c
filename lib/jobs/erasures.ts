// Law 25 erasures: what the privacy page (/confidentialite) promises to erase, erased on
// schedule (lib/jobs/jobs.ts), not only when someone signs in or makes a suggestion. Those
// call sites still erase too (lib/security/credentials.ts, lib/security/sessions.ts,
// lib/data/suggestions.ts): the erasures are idempotent.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { pruneProviderProposals } from '@/lib/data/provider-claims';
import { pruneSuggestions } from '@/lib/data/suggestions';
import { MAIL_RETENTION_DAYS } from '@/lib/mail/outbox';
import { eraseExpiredEmptySearches } from '@/lib/search/empty-searches';
import { pruneLoginAttempts } from '@/lib/security/rate-limit';
import { pruneEndedSessions } from '@/lib/security/sessions';
import { pruneVerificationRequests } from '@/lib/verification/campaign';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Sent and failed messages (their address and text) go MAIL_RETENTION_DAYS after their last attempt. */
export async function pruneMailOutbox(db: Pick<PrismaClient, 'mailMessage'>, now = new Date()): Promise<number> {
  const { count } = await db.mailMessage.deleteMany({
    where: { status: { in: ['SENT', 'FAILED'] }, updatedAt: { lt: new Date(now.getTime() - MAIL_RETENTION_DAYS * DAY_MS) } },
  });
  return count;
}

export async function runErasures(db: PrismaClient, now = new Date()): Promise<void> {
  await pruneSuggestions(db, now);
  await pruneProviderProposals(db, now);
  await pruneLoginAttempts(db, now);
  await pruneEndedSessions(db, now);
  await pruneMailOutbox(db, now);
  await eraseExpiredEmptySearches(db, now);
  await pruneVerificationRequests(db, now);
}
