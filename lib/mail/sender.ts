// Delivers the outbox (MailMessage) over SMTP, from any number of processes at once.
//
// Claiming: one message at a time, with `FOR UPDATE SKIP LOCKED` in the statement that marks
// it SENDING with a lease (leaseExpiresAt) and a random claimToken. Two senders never claim
// the same row; a row stays theirs until the lease passes, longer than the longest send
// (lib/mail/transport.ts SMTP_TIMEOUTS_MS). The outcome is recorded only by the holder of the
// current claimToken, so a sender that comes back late cannot overwrite a newer attempt.
//
// Outcomes: accepted -> SENT with the server's answer. Refused for good (5xx) -> FAILED.
// Anything else (4xx, server unreachable, timeout) -> QUEUED again after a back-off
// (1 min, 2, 4, … up to 6 h), FAILED after the last attempt.
//
// Crash (restart, SIGKILL): a message left SENDING is claimed again once its lease passes.
// Delivery is AT LEAST ONCE at one point, and this is a choice: if the process dies after the
// mail server accepted the message (its "250" answer) and before the row says SENT (a few
// milliseconds, or longer if PostgreSQL is unreachable at that moment), the message is sent
// again. Killed any earlier, the server never accepted it and nothing was delivered. The
// alternative, at most once, would drop a message for good in the same window; a duplicate
// verification request is the smaller harm. A resent message carries the same Message-ID,
// which lets mail clients and the recipient recognise it.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { MailTransport } from './transport';

export type SenderOptions = {
  /** At most this many messages per run (the throttle of campaigns). */
  batchSize: number;
  /** How long a claim holds, in seconds. Must exceed the longest send. */
  leaseSeconds: number;
  maxAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
};

export const SENDER_DEFAULTS: SenderOptions = {
  batchSize: 30,
  leaseSeconds: 300,
  maxAttempts: 8,
  baseDelaySeconds: 60,
  maxDelaySeconds: 6 * 60 * 60,
};

export type SenderConfig = { from: string; contactEmail: string };

export type DeliveryReport = { sent: number; retried: number; failed: number };

type ClaimedMessage = { id: string; to: string; subject: string; text: string; html: string; attempts: number; claimToken: string };

/** Seconds before attempt `attempts + 1`, after `attempts` failed ones: 1, 2, 4, … times the base. */
export function retryDelaySeconds(attempts: number, options: Pick<SenderOptions, 'baseDelaySeconds' | 'maxDelaySeconds'> = SENDER_DEFAULTS): number {
  return Math.min(options.baseDelaySeconds * 2 ** Math.max(0, attempts - 1), options.maxDelaySeconds);
}

/** A 5xx answer is the server's final word on this message; everything else may pass later. */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

function describeFailure(error: unknown): string {
  const { response, code, message } = error as { response?: unknown; code?: unknown; message?: unknown };
  if (typeof response === 'string' && response) return response.slice(0, 1000);
  return [code, message].filter((part) => typeof part === 'string' && part).join(' : ').slice(0, 1000) || String(error);
}

function domainOf(address: string): string {
  return /@([^@>\s]+)>?\s*$/.exec(address)?.[1] ?? 'localhost';
}

/** Claims the next due message (queued and due, or a claim whose lease passed), or null. */
export async function claimNextMail(db: PrismaClient, leaseSeconds: number): Promise<ClaimedMessage | null> {
  const claimToken = randomUUID();
  // Times come from PostgreSQL's clock (in UTC, as Prisma stores them): every instance
  // compares leases against the same clock.
  const rows = await db.$queryRaw<Omit<ClaimedMessage, 'claimToken'>[]>`
    UPDATE "MailMessage" AS m
    SET status = 'SENDING',
        attempts = m.attempts + 1,
        "claimToken" = ${claimToken},
        "leaseExpiresAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${leaseSeconds}),
        "updatedAt" = now() AT TIME ZONE 'UTC'
    FROM (
      SELECT id FROM "MailMessage"
      WHERE (status = 'QUEUED' AND "nextAttemptAt" <= now() AT TIME ZONE 'UTC')
         OR (status = 'SENDING' AND "leaseExpiresAt" < now() AT TIME ZONE 'UTC')
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    ) AS due
    WHERE m.id = due.id
    RETURNING m.id, m."to", m.subject, m.text, m.html, m.attempts`;
  const row = rows[0];
  return row ? { ...row, claimToken } : null;
}

async function recordOutcome(
  db: PrismaClient,
  message: ClaimedMessage,
  data: { status: 'SENT' | 'QUEUED' | 'FAILED'; lastResponse: string; nextAttemptAt?: Date; sentAt?: Date },
): Promise<void> {
  await db.mailMessage.updateMany({
    where: { id: message.id, claimToken: message.claimToken, status: 'SENDING' },
    data: { ...data, claimToken: null, leaseExpiresAt: null },
  });
}

/** Sends one claimed message and records what happened. */
async function deliver(db: PrismaClient, transport: MailTransport, config: SenderConfig, message: ClaimedMessage, options: SenderOptions): Promise<keyof DeliveryReport> {
  if (message.attempts > options.maxAttempts) {
    // Claimed again after crashes during its last attempts: no more tries.
    await recordOutcome(db, message, { status: 'FAILED', lastResponse: 'Abandonné : nombre maximal de tentatives atteint.' });
    return 'failed';
  }
  let response: string;
  try {
    ({ response } = await transport.send({
      from: config.from,
      to: message.to,
      replyTo: config.contactEmail,
      subject: message.subject,
      text: message.text,
      html: message.html,
      messageId: `<${message.id}@${domainOf(config.from)}>`,
      headers: {
        'Auto-Submitted': 'auto-generated',
        // A way to stop that mail clients show as a button (CASL's unsubscribe mechanism).
        'List-Unsubscribe': `<mailto:${config.contactEmail}?subject=${encodeURIComponent('Arrêt')}>`,
      },
    }));
  } catch (error) {
    const lastResponse = describeFailure(error);
    if (isPermanentFailure(error) || message.attempts >= options.maxAttempts) {
      await recordOutcome(db, message, { status: 'FAILED', lastResponse });
      return 'failed';
    }
    const nextAttemptAt = new Date(Date.now() + retryDelaySeconds(message.attempts, options) * 1000);
    await recordOutcome(db, message, { status: 'QUEUED', lastResponse, nextAttemptAt });
    return 'retried';
  }
  // Outside the try: a database error here must not pass for a failed send (the message is
  // gone). It stops the run; the row stays SENDING and its lease decides (at least once).
  await recordOutcome(db, message, { status: 'SENT', lastResponse: response.slice(0, 1000), sentAt: new Date() });
  return 'sent';
}

/**
 * Delivers due messages one by one until none is due or `batchSize` were tried.
 * Safe to run in several processes at once.
 */
export async function deliverDueMail(
  db: PrismaClient,
  transport: MailTransport,
  config: SenderConfig,
  options: Partial<SenderOptions> = {},
): Promise<DeliveryReport> {
  const settings = { ...SENDER_DEFAULTS, ...options };
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  for (let count = 0; count < settings.batchSize; count += 1) {
    const message = await claimNextMail(db, settings.leaseSeconds);
    if (!message) break;
    report[await deliver(db, transport, config, message, settings)] += 1;
  }
  return report;
}
