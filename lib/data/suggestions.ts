import 'server-only';
// Public suggestions: what a visitor sends from /suggerer, and what a member decides in
// /admin/suggestions. Takes the Prisma client as a parameter (the app passes getDb(), the
// tests their own) and returns results rather than throwing for what a person can cause
// (rate limit, a suggestion decided meanwhile, an entry deleted meanwhile).
//
// Rules kept here, whoever calls:
//  - a sender (a keyed hash of their address, never the address) may send at most
//    SUGGESTION_RATE_LIMITS per hour and per day, counted in PostgreSQL so that every
//    server instance sees the same count;
//  - at most MAX_PENDING_SUGGESTIONS wait for a decision: past that, new ones are refused
//    until members decide some (senders with many addresses cannot grow the table without end);
//  - an email is kept only with consent, and erased in the transaction that decides;
//  - accepting writes the entry through the history contract (lib/history/snapshot.ts):
//    version bump + recordEntryChange, in the same transaction as the decision and its
//    audit entry ("suggestion.accept" / "suggestion.reject", without the email);
//  - decided suggestions are deleted SUGGESTION_RETENTION_MONTHS after their decision, and
//    the email of one still pending is erased PENDING_EMAIL_RETENTION_MONTHS after it was
//    sent (stated on /confidentialite; pruneSuggestions).
import { createHmac } from 'node:crypto';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { Region, SuggestionKind, SuggestionStatus } from '@/lib/generated/prisma/enums';
import { uniqueSlug } from '@/lib/data/admin/write';
import { loadEntrySnapshot, recordEntryChange, type EntryType } from '@/lib/history/snapshot';
import { formatDate } from '@/lib/format';
import { regionLabels } from '@/lib/labels';
import { eraseExpiredEmptySearches } from '@/lib/search/empty-searches';
import { recordAudit, type AuditActor } from '@/lib/security/audit';
import { rateLimitKey } from '@/lib/security/client-ip';
import { REPORT_TYPES, type AcceptSuggestionInput, type DraftTarget, type ReportEntityType, type ReportType, type SuggestionStatusValue } from '@/lib/validation/suggestion';

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

export const SUGGESTION_RATE_LIMITS = { perHour: 5, perDay: 20 };
export type SuggestionRateLimits = typeof SUGGESTION_RATE_LIMITS & { maxPending?: number };

/** Suggestions waiting for a decision, at most: far above what the round table receives in a year. */
export const MAX_PENDING_SUGGESTIONS = 200;

/** Decided suggestions are deleted this many months after the decision. */
export const SUGGESTION_RETENTION_MONTHS = 12;

/** The email of a suggestion nobody decided is erased this many months after it was sent. */
export const PENDING_EMAIL_RETENTION_MONTHS = 6;

export const SUGGESTION_AUDIT_ACTIONS = {
  accept: 'suggestion.accept',
  reject: 'suggestion.reject',
  note: 'suggestion.note',
} as const;

const HOUR_MS = 60 * 60 * 1000;

/**
 * HMAC-SHA256 of the address with a server secret: counts a sender without keeping who they
 * are. By rateLimitKey(): every address of one IPv6 /64 is one sender.
 */
export function suggestionSenderHash(ip: string, secret: string): string {
  return createHmac('sha256', secret).update(`suggestion-sender:${rateLimitKey(ip)}`).digest('hex');
}

// --- The entry a report is about -----------------------------------------------------

export type ReportableEntry = { entityType: ReportEntityType; id: string; slug: string; title: string };

/** A published need, solution or provider, by the ?type=&slug= of /suggerer. */
export async function findReportableEntry(db: Db, type: ReportType, slug: string): Promise<ReportableEntry | null> {
  const where = { slug, status: 'PUBLISHED' as const };
  switch (REPORT_TYPES[type]) {
    case 'Need': {
      const row = await db.need.findFirst({ where, select: { id: true, slug: true, title: true } });
      return row && { entityType: 'Need', ...row };
    }
    case 'Solution': {
      const row = await db.solution.findFirst({ where, select: { id: true, slug: true, title: true } });
      return row && { entityType: 'Solution', ...row };
    }
    case 'Provider': {
      const row = await db.provider.findFirst({ where, select: { id: true, slug: true, name: true } });
      return row && { entityType: 'Provider', id: row.id, slug: row.slug, title: row.name };
    }
  }
}

// --- Submission ----------------------------------------------------------------------

export type NewSuggestion = {
  kind: SuggestionKind;
  title: string;
  message: string;
  website?: string;
  region?: Region;
  email?: string;
  emailConsent: boolean;
  entity?: { entityType: ReportEntityType; id: string } | null;
};

export type SubmitResult = { ok: true; id: string } | { ok: false; reason: 'rate-limited' | 'queue-full' };

/**
 * Stores a suggestion unless its sender has reached the limit or the queue is full. The
 * counts and the insert run under one lock for every submission (they are few): concurrent
 * posts queue up and each sees the others, so a burst cannot slip past either limit.
 */
export async function createSuggestion(
  db: Db,
  input: NewSuggestion,
  senderHash: string,
  now = new Date(),
  limits: SuggestionRateLimits = SUGGESTION_RATE_LIMITS,
): Promise<SubmitResult> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext('suggestion:submit'))`;
    // One after the other: a transaction is one connection.
    const lastHour = await tx.suggestion.count({ where: { senderHash, createdAt: { gt: new Date(now.getTime() - HOUR_MS) } } });
    const lastDay = await tx.suggestion.count({ where: { senderHash, createdAt: { gt: new Date(now.getTime() - 24 * HOUR_MS) } } });
    if (lastHour >= limits.perHour || lastDay >= limits.perDay) return { ok: false, reason: 'rate-limited' } as const;
    const pending = await tx.suggestion.count({ where: { status: 'PENDING' } });
    if (pending >= (limits.maxPending ?? MAX_PENDING_SUGGESTIONS)) return { ok: false, reason: 'queue-full' } as const;
    const hasConsentedEmail = Boolean(input.email && input.emailConsent);
    const row = await tx.suggestion.create({
      data: {
        kind: input.kind,
        title: input.title,
        message: input.message,
        website: input.website ?? '',
        region: input.region ?? null,
        email: hasConsentedEmail ? input.email : null,
        emailConsent: hasConsentedEmail,
        senderHash,
        entityType: input.entity?.entityType ?? null,
        entityId: input.entity?.id ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await pruneSuggestions(tx, now);
    await eraseExpiredEmptySearches(tx, now);
    return { ok: true, id: row.id } as const;
    // Posts wait their turn on the lock, each holding a connection: with Prisma's defaults (2 s
    // to get one, 5 s in all) a burst of posts on a busy server failed instead of queueing.
  }, { maxWait: 10_000, timeout: 15_000 });
}

// --- The admin queue -----------------------------------------------------------------

export type SuggestionSummaryDto = {
  id: string;
  kind: SuggestionKind;
  status: SuggestionStatus;
  title: string;
  entityType: string | null;
  hasEmail: boolean;
  createdAt: string;
  decidedAt: string | null;
};

export type EntryLinkDto = { entityType: ReportEntityType; id: string; slug: string; title: string; status: string };

export type SuggestionDetailDto = SuggestionSummaryDto & {
  message: string;
  website: string;
  region: Region | null;
  email: string | null;
  decisionNote: string;
  decidedBy: string | null;
  /** The entry an error report is about (null for a new resource, or when it was deleted). */
  entry: EntryLinkDto | null;
  /** The draft or entry the acceptance created or changed. */
  result: EntryLinkDto | null;
};

const summarySelect = {
  id: true,
  kind: true,
  status: true,
  title: true,
  entityType: true,
  email: true,
  createdAt: true,
  decidedAt: true,
} as const;

type SummaryRow = Prisma.SuggestionGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow): SuggestionSummaryDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    title: row.title,
    entityType: row.entityType,
    hasEmail: row.email !== null,
    createdAt: row.createdAt.toISOString(),
    decidedAt: row.decidedAt?.toISOString() ?? null,
  };
}

/** Rows per page of the admin queue. */
export const SUGGESTIONS_PAGE_SIZE = 50;

/**
 * One page of the queue: pending ones first, oldest first (a queue); then decided ones,
 * latest decision first. `skip` counts across both parts, so pages follow each other.
 */
export async function listSuggestions(
  db: Db,
  { status, skip = 0, take = SUGGESTIONS_PAGE_SIZE }: { status?: SuggestionStatusValue; skip?: number; take?: number } = {},
): Promise<SuggestionSummaryDto[]> {
  const withPending = status === undefined || status === 'PENDING';
  const decidedStatuses: SuggestionStatus[] = status === undefined ? ['ACCEPTED', 'REJECTED'] : status === 'PENDING' ? [] : [status];
  const pending = withPending
    ? await db.suggestion.findMany({ where: { status: 'PENDING' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip, take, select: summarySelect })
    : [];
  let decided: SummaryRow[] = [];
  if (decidedStatuses.length && pending.length < take) {
    // The decided part starts after every pending one: how many pending rows lie before it.
    const pendingBefore = withPending ? await db.suggestion.count({ where: { status: 'PENDING' } }) : 0;
    decided = await db.suggestion.findMany({
      where: { status: { in: decidedStatuses } },
      orderBy: [{ decidedAt: 'desc' }, { id: 'asc' }],
      skip: Math.max(0, skip - pendingBefore),
      take: take - pending.length,
      select: summarySelect,
    });
  }
  return [...pending, ...decided].map(toSummary);
}

export async function countSuggestionsByStatus(db: Db): Promise<Record<SuggestionStatus, number>> {
  const groups = await db.suggestion.groupBy({ by: ['status'], _count: { _all: true } });
  const counts: Record<SuggestionStatus, number> = { PENDING: 0, ACCEPTED: 0, REJECTED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

/** For the dashboard. */
export async function countPendingSuggestions(db: Db): Promise<number> {
  return db.suggestion.count({ where: { status: 'PENDING' } });
}

function parseRef(ref: string | null): { entityType: ReportEntityType; id: string } | null {
  const [entityType, id] = (ref ?? '').split(':');
  if (!id || (entityType !== 'Need' && entityType !== 'Solution' && entityType !== 'Provider')) return null;
  return { entityType, id };
}

async function loadEntryLink(db: Db, ref: { entityType: ReportEntityType; id: string } | null): Promise<EntryLinkDto | null> {
  if (!ref) return null;
  const select = { id: true, slug: true, status: true } as const;
  switch (ref.entityType) {
    case 'Need': {
      const row = await db.need.findUnique({ where: { id: ref.id }, select: { ...select, title: true } });
      return row && { entityType: 'Need', ...row };
    }
    case 'Solution': {
      const row = await db.solution.findUnique({ where: { id: ref.id }, select: { ...select, title: true } });
      return row && { entityType: 'Solution', ...row };
    }
    case 'Provider': {
      const row = await db.provider.findUnique({ where: { id: ref.id }, select: { ...select, name: true } });
      return row && { entityType: 'Provider', id: row.id, slug: row.slug, status: row.status, title: row.name };
    }
  }
}

export async function getSuggestion(db: Db, id: string): Promise<SuggestionDetailDto | null> {
  const row = await db.suggestion.findUnique({
    where: { id },
    select: { ...summarySelect, message: true, website: true, region: true, decisionNote: true, decidedById: true, entityId: true, resultRef: true },
  });
  if (!row) return null;
  const [entry, result, decider] = await Promise.all([
    loadEntryLink(db, row.entityType && row.entityId ? parseRef(`${row.entityType}:${row.entityId}`) : null),
    loadEntryLink(db, parseRef(row.resultRef)),
    row.decidedById ? db.user.findUnique({ where: { id: row.decidedById }, select: { name: true } }) : null,
  ]);
  return {
    ...toSummary(row),
    message: row.message,
    website: row.website,
    region: row.region,
    email: row.email,
    decisionNote: row.decisionNote,
    decidedBy: decider?.name ?? null,
    entry,
    result,
  };
}

// --- Decisions -----------------------------------------------------------------------

export type DecisionRefusal = 'not-found' | 'already-decided' | 'entry-missing' | 'conflict';

class Refusal extends Error {
  constructor(readonly reason: DecisionRefusal) {
    super(reason);
  }
}

export type AcceptResult =
  | {
      ok: true;
      kind: SuggestionKind;
      result: { entityType: ReportEntityType; id: string; title: string };
      /** True when a published entry changed: the public pages must be refreshed. */
      changesPublicPages: boolean;
    }
  | { ok: false; reason: DecisionRefusal };

export type DecisionResult = { ok: true } | { ok: false; reason: DecisionRefusal };

type SuggestionRow = Prisma.SuggestionGetPayload<object>;

/** What the audit log keeps of a suggestion: never the email nor the sender's hash, nor the visitor's text. */
export function suggestionSnapshot(row: Pick<SuggestionRow, 'kind' | 'status' | 'title' | 'entityType' | 'entityId' | 'decisionNote' | 'resultRef' | 'emailConsent'>) {
  return {
    kind: row.kind,
    status: row.status,
    title: row.title,
    entry: row.entityType && row.entityId ? `${row.entityType}:${row.entityId}` : null,
    decisionNote: row.decisionNote,
    resultRef: row.resultRef,
    emailConsent: row.emailConsent,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function isRecordNotFound(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

/** A suggestion still pending becomes decided; a second member deciding at once gets "already-decided". */
async function claimPending(tx: Tx, id: string, data: Prisma.SuggestionUpdateManyMutationInput): Promise<SuggestionRow> {
  const before = await tx.suggestion.findUnique({ where: { id } });
  if (!before) throw new Refusal('not-found');
  if (before.status !== 'PENDING') throw new Refusal('already-decided');
  // Row lock: a concurrent decision waits here, then finds the row no longer pending.
  const { count } = await tx.suggestion.updateMany({ where: { id, status: 'PENDING' }, data });
  if (count === 0) throw new Refusal('already-decided');
  return before;
}

function monthsBefore(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

/**
 * The retention stated on /confidentialite: decided suggestions are deleted
 * SUGGESTION_RETENTION_MONTHS after their decision; a suggestion still pending
 * PENDING_EMAIL_RETENTION_MONTHS after it was sent loses its email (it stays in the queue).
 * Runs at each new suggestion, each decision and each opening of the admin queue.
 */
export async function pruneSuggestions(tx: Pick<Tx, 'suggestion'>, now = new Date()): Promise<void> {
  await tx.suggestion.deleteMany({ where: { status: { not: 'PENDING' }, decidedAt: { lt: monthsBefore(now, SUGGESTION_RETENTION_MONTHS) } } });
  await tx.suggestion.updateMany({
    where: { status: 'PENDING', email: { not: null }, createdAt: { lt: monthsBefore(now, PENDING_EMAIL_RETENTION_MONTHS) } },
    data: { email: null },
  });
}

function draftDescription(suggestion: SuggestionRow, target: DraftTarget): string {
  // A solution has no website or region: they stay in its text for the editor to place.
  if (target === 'Provider') return suggestion.message;
  const extras = [
    suggestion.website ? `Site Web : ${suggestion.website}` : '',
    suggestion.region ? `Région : ${regionLabels[suggestion.region]}` : '',
  ].filter(Boolean);
  return extras.length ? `${suggestion.message}\n\n${extras.join('\n')}` : suggestion.message;
}

async function createDraft(
  tx: Tx,
  suggestion: SuggestionRow,
  target: DraftTarget,
  actor: AuditActor,
): Promise<{ entityType: ReportEntityType; id: string; title: string }> {
  // The same slug rule as the admin forms (lib/validation/entry.ts slugFromTitle, -2, -3… when taken).
  const slug = await uniqueSlug(tx, target === 'Provider' ? 'provider' : 'solution', suggestion.title);
  const description = draftDescription(suggestion, target);
  const id =
    target === 'Provider'
      ? (
          await tx.provider.create({
            data: {
              slug,
              name: suggestion.title,
              description,
              website: suggestion.website,
              regions: suggestion.region ? [suggestion.region] : [],
              status: 'DRAFT',
            },
            select: { id: true },
          })
        ).id
      : (await tx.solution.create({ data: { slug, title: suggestion.title, description, availability: 'EXISTING', status: 'DRAFT' }, select: { id: true } })).id;
  const after = await loadEntrySnapshot(tx, target, id);
  await recordEntryChange(tx, { ...actor, verb: 'create', entityType: target, entityId: id, before: null, after });
  return { entityType: target, id, title: suggestion.title };
}

/** The line an accepted report adds to the entry's "à vérifier" note. */
export function reportNoteLine(text: string, now: Date): string {
  return `Signalement du public (${formatDate(now.toISOString())}) : ${text}`;
}

async function flagEntry(
  tx: Tx,
  suggestion: SuggestionRow,
  verifyNote: string,
  actor: AuditActor,
  now: Date,
): Promise<{ entityType: ReportEntityType; id: string; title: string }> {
  const ref = parseRef(suggestion.entityType && suggestion.entityId ? `${suggestion.entityType}:${suggestion.entityId}` : null);
  if (!ref) throw new Refusal('entry-missing');
  const entityType: EntryType = ref.entityType;
  const before = await loadEntrySnapshot(tx, ref.entityType, ref.id);
  if (!before) throw new Refusal('entry-missing');
  const note = verifyNote ? [before.verifyNote, reportNoteLine(verifyNote, now)].filter(Boolean).join('\n') : before.verifyNote;
  const where = { id: ref.id, version: before.version };
  const data = { toVerify: true, verifyNote: note, version: { increment: 1 } };
  try {
    if (ref.entityType === 'Need') await tx.need.update({ where, data, select: { id: true } });
    else if (ref.entityType === 'Solution') await tx.solution.update({ where, data, select: { id: true } });
    else await tx.provider.update({ where, data, select: { id: true } });
  } catch (error) {
    // Another member saved the entry between our read and our write.
    if (isRecordNotFound(error)) throw new Refusal('conflict');
    throw error;
  }
  const after = await loadEntrySnapshot(tx, ref.entityType, ref.id);
  await recordEntryChange(tx, { ...actor, verb: 'suggestion', entityType, entityId: ref.id, before, after });
  const title = 'title' in before ? before.title : before.name;
  return { entityType: ref.entityType, id: ref.id, title };
}

async function inDecision<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T | { ok: false; reason: DecisionRefusal }> {
  try {
    return await db.$transaction(run);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason };
    if (isUniqueViolation(error)) return { ok: false, reason: 'conflict' };
    throw error;
  }
}

/**
 * New resource: a DRAFT provider (or solution) made from the suggestion. Error report: the
 * entry is marked "à vérifier" with the member's note. Either way the email is erased.
 */
export async function acceptSuggestion(
  db: Db,
  input: Pick<AcceptSuggestionInput, 'suggestionId' | 'decisionNote' | 'target' | 'verifyNote'>,
  actor: AuditActor,
  now = new Date(),
): Promise<AcceptResult> {
  return inDecision(db, async (tx) => {
    const before = await claimPending(tx, input.suggestionId, {
      status: 'ACCEPTED',
      decidedAt: now,
      decidedById: actor.actorId,
      decisionNote: input.decisionNote,
      email: null,
    });
    const isReport = before.kind === 'ERROR_REPORT';
    const result = isReport
      ? await flagEntry(tx, before, input.verifyNote, actor, now)
      : await createDraft(tx, before, input.target, actor);
    const resultRef = `${result.entityType}:${result.id}`;
    const after = await tx.suggestion.update({ where: { id: before.id }, data: { resultRef } });
    await recordAudit(tx, {
      ...actor,
      action: SUGGESTION_AUDIT_ACTIONS.accept,
      entityType: 'Suggestion',
      entityId: before.id,
      before: suggestionSnapshot(before),
      after: suggestionSnapshot(after),
    });
    await pruneSuggestions(tx, now);
    // A draft is not public; a published entry marked "à vérifier" shows it at once.
    return { ok: true, kind: before.kind, result, changesPublicPages: isReport } as const;
  });
}

export async function rejectSuggestion(
  db: Db,
  input: { suggestionId: string; decisionNote: string },
  actor: AuditActor,
  now = new Date(),
): Promise<DecisionResult> {
  return inDecision(db, async (tx) => {
    const before = await claimPending(tx, input.suggestionId, {
      status: 'REJECTED',
      decidedAt: now,
      decidedById: actor.actorId,
      decisionNote: input.decisionNote,
      email: null,
    });
    const after = await tx.suggestion.findUniqueOrThrow({ where: { id: before.id } });
    await recordAudit(tx, {
      ...actor,
      action: SUGGESTION_AUDIT_ACTIONS.reject,
      entityType: 'Suggestion',
      entityId: before.id,
      before: suggestionSnapshot(before),
      after: suggestionSnapshot(after),
    });
    await pruneSuggestions(tx, now);
    return { ok: true } as const;
  });
}

/** The member's note, pending or decided; nothing else changes (the email stays until the decision). */
export async function noteSuggestion(db: Db, input: { suggestionId: string; decisionNote: string }, actor: AuditActor): Promise<DecisionResult & { changed?: boolean }> {
  return inDecision(db, async (tx) => {
    const before = await tx.suggestion.findUnique({ where: { id: input.suggestionId } });
    if (!before) throw new Refusal('not-found');
    if (before.decisionNote === input.decisionNote) return { ok: true, changed: false } as const;
    const after = await tx.suggestion.update({ where: { id: before.id }, data: { decisionNote: input.decisionNote } });
    await recordAudit(tx, {
      ...actor,
      action: SUGGESTION_AUDIT_ACTIONS.note,
      entityType: 'Suggestion',
      entityId: before.id,
      before: suggestionSnapshot(before),
      after: suggestionSnapshot(after),
    });
    return { ok: true, changed: true } as const;
  });
}
