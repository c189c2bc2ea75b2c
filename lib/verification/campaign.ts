// Yearly verification campaigns (/admin/verification): each published provider not verified
// for 12 months (or never) and with a private contact gets a request by email, with a one-time
// link to confirm or update its listing (lib/verification/links.ts). A reminder goes 21 days
// after the request and a last one after 42; 21 days after that last reminder with no answer,
// the provider is marked « à vérifier » with a note, so that a member follows up.
//
// Every message goes through the outbox in the transaction that records it, and the sender
// spreads them out (lib/mail/sender.ts: 30 per run, every 10 seconds). A request is answered
// when a link sent for it (or any later one) is used, or when someone verifies the provider.
// The reminder job may run on several instances at once: each step is a conditional UPDATE
// (e.g. "reminder1At IS NULL") whose count says which run sends the mail.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { formatDate } from '@/lib/format';
import { loadEntrySnapshot, recordEntryChange } from '@/lib/history/snapshot';
import { verificationStatus } from '@/lib/verification';
import { FIRST_REMINDER_DAYS, LAST_REMINDER_DAYS, NO_ANSWER_AFTER_LAST_REMINDER_DAYS, VERIFICATION_REQUEST_RETENTION_MONTHS } from '@/lib/verification/policy';
import { getAuthEnv, getSiteUrl } from '@/lib/env';
import { stopUrlFor, suppressedAmong } from '@/lib/mail/suppression';
import { enqueueProviderUpdateMail, type UpdateLinkReason } from '@/lib/verification/links';

type Tx = Prisma.TransactionClient;

const DAY_MS = 24 * 60 * 60 * 1000;

const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/** A request still waiting: not answered, not closed, its mail not refused. */
export const OPEN_REQUEST = { outcome: null, failedAt: null } as const;

export type CampaignProvider = { id: string; name: string; contactEmail: string; verifiedAt: Date | null };

/** Published providers whose verification is older than 12 months, missing, or unusable. */
export async function listProvidersToVerify(db: Pick<PrismaClient, 'provider'>, now: Date): Promise<CampaignProvider[]> {
  const rows = await db.provider.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true, contactEmail: true, verifiedAt: true },
  });
  return rows.filter((row) => verificationStatus(row.verifiedAt?.toISOString() ?? null, now) !== 'current');
}

export type CampaignReport = { sent: number; withoutContact: number; suppressed: number; alreadyOpen: number };

/**
 * Sends a request to every provider to verify that has a contact, has not asked to stop, and
 * has no request waiting for an answer. One transaction per provider: the request row, its link
 * and its message together; a second click sends nothing twice.
 */
export async function sendVerificationCampaign(db: PrismaClient, options: { actorId: string | null; now?: Date }): Promise<CampaignReport> {
  const now = options.now ?? new Date();
  const providers = await listProvidersToVerify(db, now);
  const suppressed = await suppressedAmong(db, providers.map((provider) => provider.contactEmail));
  const open = new Set(
    (await db.verificationRequest.findMany({ where: { ...OPEN_REQUEST, providerId: { in: providers.map((p) => p.id) } }, select: { providerId: true } })).map(
      (row) => row.providerId,
    ),
  );
  const report: CampaignReport = { sent: 0, withoutContact: 0, suppressed: 0, alreadyOpen: 0 };
  for (const provider of providers) {
    if (!provider.contactEmail) report.withoutContact += 1;
    else if (suppressed.has(provider.contactEmail.trim().toLowerCase())) report.suppressed += 1;
    else if (open.has(provider.id)) report.alreadyOpen += 1;
    else if (await sendRequest(db, provider.id, options.actorId, now)) report.sent += 1;
    else report.alreadyOpen += 1;
  }
  return report;
}

/**
 * The request or a reminder, with its one-time link and its stop link, to the provider's
 * contact; null (nothing queued) when it has none any more or asked to stop.
 */
async function enqueueCampaignMail(tx: Tx, providerId: string, reason: UpdateLinkReason, now: Date): Promise<{ mailId: string } | null> {
  const { contactEmail } = await tx.provider.findUniqueOrThrow({ where: { id: providerId }, select: { contactEmail: true } });
  if (!contactEmail.trim() || (await suppressedAmong(tx, [contactEmail])).size > 0) return null;
  const stopUrl = stopUrlFor(getSiteUrl(), contactEmail, getAuthEnv().secret);
  return enqueueProviderUpdateMail(tx, { providerId, reason, stopUrl, now });
}

async function sendRequest(db: PrismaClient, providerId: string, actorId: string | null, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    // Serialises two campaigns started at once for this provider: the second sees the first's row.
    await tx.$queryRaw`SELECT id FROM "Provider" WHERE id = ${providerId} FOR UPDATE`;
    if (await tx.verificationRequest.findFirst({ where: { providerId, ...OPEN_REQUEST }, select: { id: true } })) return false;
    const mail = await enqueueCampaignMail(tx, providerId, 'campaign', now);
    if (!mail) return false;
    await tx.verificationRequest.create({ data: { providerId, sentAt: now, createdById: actorId, mailIds: [mail.mailId] } });
    return true;
  });
}

// --- The reminder job ------------------------------------------------------------------------

export type ReminderReport = { answered: number; failed: number; firstReminders: number; lastReminders: number; unanswered: number };

export type Answer = { outcome: 'CONFIRMED' | 'UPDATED' | 'VERIFIED_BY_MEMBER'; answeredAt: Date };
type UsedLink = { usedAt: Date | null; outcome: 'CONFIRMED' | 'UPDATED' | null };

/**
 * The answer to a request sent at `sentAt`: the first link of the provider used since (the one
 * sent, a reminder's, or one the organisation asked for on its page), else a verification since.
 */
export function answerOf(sentAt: Date, links: readonly UsedLink[], verifiedAt: Date | null): Answer | null {
  const used = links
    .filter((link): link is { usedAt: Date; outcome: 'CONFIRMED' | 'UPDATED' } => link.usedAt !== null && link.outcome !== null && link.usedAt >= sentAt)
    .sort((a, b) => a.usedAt.getTime() - b.usedAt.getTime())[0];
  if (used) return { outcome: used.outcome, answeredAt: used.usedAt };
  return verifiedAt && verifiedAt >= sentAt ? { outcome: 'VERIFIED_BY_MEMBER', answeredAt: verifiedAt } : null;
}

/** The used links of these providers, by provider. */
export async function usedLinksOf(db: Pick<PrismaClient, 'providerUpdateLink'>, providerIds: readonly string[]): Promise<Map<string, UsedLink[]>> {
  const rows = await db.providerUpdateLink.findMany({
    where: { providerId: { in: [...providerIds] }, usedAt: { not: null }, outcome: { not: null } },
    select: { providerId: true, usedAt: true, outcome: true },
  });
  const byProvider = new Map<string, UsedLink[]>();
  for (const row of rows) byProvider.set(row.providerId, [...(byProvider.get(row.providerId) ?? []), row]);
  return byProvider;
}

/** Closes the requests that got an answer: a link used since the request, or a verification. */
async function recordAnswers(db: PrismaClient): Promise<number> {
  const open = await db.verificationRequest.findMany({
    where: OPEN_REQUEST,
    select: { id: true, providerId: true, sentAt: true, provider: { select: { verifiedAt: true } } },
  });
  const links = await usedLinksOf(db, open.map((request) => request.providerId));
  let answered = 0;
  for (const request of open) {
    const answer = answerOf(request.sentAt, links.get(request.providerId) ?? [], request.provider.verifiedAt);
    if (!answer) continue;
    const { count } = await db.verificationRequest.updateMany({ where: { id: request.id, ...OPEN_REQUEST }, data: answer });
    answered += count;
  }
  return answered;
}

/** A request whose message the mail server refused for good: no reminder to a dead address. */
async function recordFailures(db: PrismaClient, now: Date): Promise<number> {
  const open = await db.verificationRequest.findMany({ where: OPEN_REQUEST, select: { id: true, mailIds: true } });
  const mailIds = open.flatMap((request) => request.mailIds);
  if (mailIds.length === 0) return 0;
  const failed = new Set(
    (await db.mailMessage.findMany({ where: { id: { in: mailIds }, status: 'FAILED' }, select: { id: true } })).map((row) => row.id),
  );
  let count = 0;
  for (const request of open) {
    if (!request.mailIds.some((id) => failed.has(id))) continue;
    count += (await db.verificationRequest.updateMany({ where: { id: request.id, ...OPEN_REQUEST }, data: { failedAt: now } })).count;
  }
  return count;
}

/**
 * One reminder step for one request, once: the UPDATE that sets its date decides which run
 * sends it. No message to an address that asked to stop or was removed (the step still counts:
 * the request goes on to « à vérifier »).
 */
async function remind(db: PrismaClient, requestId: string, step: 'reminder-1' | 'reminder-2', now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const claimed =
      step === 'reminder-1'
        ? await tx.verificationRequest.updateMany({ where: { id: requestId, ...OPEN_REQUEST, reminder1At: null }, data: { reminder1At: now } })
        : await tx.verificationRequest.updateMany({
            where: { id: requestId, ...OPEN_REQUEST, reminder1At: { not: null, lte: daysBefore(now, LAST_REMINDER_DAYS - FIRST_REMINDER_DAYS) }, reminder2At: null },
            data: { reminder2At: now },
          });
    if (claimed.count === 0) return false;
    const request = await tx.verificationRequest.findUniqueOrThrow({ where: { id: requestId }, select: { providerId: true, mailIds: true } });
    const mail = await enqueueCampaignMail(tx, request.providerId, step, now);
    if (mail) {
      await tx.verificationRequest.update({ where: { id: requestId }, data: { mailIds: [...request.mailIds, mail.mailId] } });
    }
    return true;
  });
}

export function noAnswerNote(sentAt: Date): string {
  return `Aucune réponse de l’organisme à la demande de vérification du ${formatDate(sentAt.toISOString())} ni aux deux relances : vérifier ses coordonnées et son offre.`;
}

/** No answer 21 days after the last reminder: the request closes, the provider is « à vérifier ». */
async function closeUnanswered(db: PrismaClient, requestId: string, now: Date): Promise<boolean> {
  return db.$transaction(async (tx: Tx) => {
    const { count } = await tx.verificationRequest.updateMany({
      where: { id: requestId, ...OPEN_REQUEST, reminder2At: { lte: daysBefore(now, NO_ANSWER_AFTER_LAST_REMINDER_DAYS) } },
      data: { outcome: 'NO_ANSWER', closedAt: now },
    });
    if (count === 0) return false;
    const request = await tx.verificationRequest.findUniqueOrThrow({ where: { id: requestId }, select: { providerId: true, sentAt: true } });
    const before = await loadEntrySnapshot(tx, 'Provider', request.providerId);
    if (!before) return true;
    const note = noAnswerNote(request.sentAt);
    await tx.provider.update({
      where: { id: request.providerId },
      data: { toVerify: true, verifyNote: [before.verifyNote, note].filter(Boolean).join('\n'), version: { increment: 1 } },
      select: { id: true },
    });
    const after = await loadEntrySnapshot(tx, 'Provider', request.providerId);
    await recordEntryChange(tx, { actorId: null, ip: null, verb: 'unanswered', entityType: 'Provider', entityId: request.providerId, before, after });
    return true;
  });
}

/** Law 25: a request's follow-up is kept VERIFICATION_REQUEST_RETENTION_MONTHS, then erased. */
export async function pruneVerificationRequests(db: Pick<PrismaClient, 'verificationRequest'>, now = new Date()): Promise<number> {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - VERIFICATION_REQUEST_RETENTION_MONTHS);
  const { count } = await db.verificationRequest.deleteMany({ where: { sentAt: { lt: limit } } });
  return count;
}

/** The scheduled job (lib/jobs/jobs.ts): answers, failures, reminders, then the unanswered. */
export async function runVerificationReminders(db: PrismaClient, now = new Date()): Promise<ReminderReport> {
  const report: ReminderReport = { answered: await recordAnswers(db), failed: await recordFailures(db, now), firstReminders: 0, lastReminders: 0, unanswered: 0 };
  const due = await db.verificationRequest.findMany({
    where: {
      ...OPEN_REQUEST,
      OR: [
        { reminder1At: null, sentAt: { lte: daysBefore(now, FIRST_REMINDER_DAYS) } },
        // 42 days after the request, and never sooner than 21 days after the first reminder (a job
        // that did not run for a while sends them apart, not both at once).
        {
          reminder1At: { lte: daysBefore(now, LAST_REMINDER_DAYS - FIRST_REMINDER_DAYS) },
          reminder2At: null,
          sentAt: { lte: daysBefore(now, LAST_REMINDER_DAYS) },
        },
        { reminder2At: { lte: daysBefore(now, NO_ANSWER_AFTER_LAST_REMINDER_DAYS) } },
      ],
    },
    orderBy: { sentAt: 'asc' },
    select: { id: true, reminder1At: true, reminder2At: true },
  });
  for (const request of due) {
    if (request.reminder2At) report.unanswered += Number(await closeUnanswered(db, request.id, now));
    else if (request.reminder1At) report.lastReminders += Number(await remind(db, request.id, 'reminder-2', now));
    else report.firstReminders += Number(await remind(db, request.id, 'reminder-1', now));
  }
  return report;
}
