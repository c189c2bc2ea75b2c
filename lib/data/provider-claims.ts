import 'server-only';
// « C'est votre organisme ? Mettez votre fiche à jour » (issue 15): a visitor types an address
// on a provider's page. When it is the provider's private contact, a one-time link is emailed
// to it; otherwise the request waits in the round table's queue (/admin/suggestions), where a
// member sends the link to that address or rejects it. The visitor gets the same answer either
// way: nothing tells who is on file.
//
// Rate limit, counted in PostgreSQL (ClaimAttempt, shared by every instance) like the sign-in
// limit (lib/security/rate-limit.ts): each request is written before it is counted, under an
// HMAC of the address typed and the visitor's rateLimitKey(); rows are erased after a day.
import { createHmac } from 'node:crypto';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { saveEntryIn } from '@/lib/data/admin/entries';
import { WriteRefusal } from '@/lib/data/admin/write';
import { inputOf } from '@/lib/data/provider-proposals';
import { formatDate } from '@/lib/format';
import { recordAudit, type AuditActor } from '@/lib/security/audit';
import { rateLimitKey } from '@/lib/security/client-ip';
import { enqueueProviderUpdateMail } from '@/lib/verification/links';
import type { ClaimRequestInput } from '@/lib/validation/provider-claim';
import { normalizeEmail } from '@/lib/validation/user';

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

const HOUR_MS = 60 * 60 * 1000;

export const CLAIM_LIMITS = {
  windowMs: HOUR_MS,
  /** Requests per address typed, whatever the visitor: a contact is not flooded with links. */
  perEmail: 3,
  /** Requests per visitor address, whatever was typed (offices share one address: higher). */
  perIp: 10,
};
export type ClaimLimits = typeof CLAIM_LIMITS;

/** Attempts are kept this long, for the limit only. */
export const CLAIM_ATTEMPT_RETENTION_MS = 24 * HOUR_MS;

/** Claim requests waiting for a member, at most (past it, new ones are dropped, the answer unchanged). */
export const MAX_PENDING_CLAIMS = 200;

export function claimEmailHash(email: string, secret: string): string {
  return createHmac('sha256', secret).update(`provider-claim:${normalizeEmail(email)}`).digest('hex');
}

export type ClaimOutcome = { ok: true; matched: boolean } | { ok: false; reason: 'not-found' | 'rate-limited' };

/**
 * Handles one request. `matched` is for tests and logs only: the caller must answer the visitor
 * the same way whatever it says.
 */
export async function requestProviderUpdate(
  db: Db,
  input: ClaimRequestInput,
  context: { ip: string; secret: string; now?: Date; limits?: ClaimLimits },
): Promise<ClaimOutcome> {
  const now = context.now ?? new Date();
  const limits = context.limits ?? CLAIM_LIMITS;
  const emailHash = claimEmailHash(input.email, context.secret);
  const ip = rateLimitKey(context.ip);
  // Written (and committed) before it is counted: two requests at once each see the other.
  await db.claimAttempt.create({ data: { emailHash, ip, createdAt: now } });
  await db.claimAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - CLAIM_ATTEMPT_RETENTION_MS) } } });
  const since = new Date(now.getTime() - limits.windowMs);
  const [perEmail, perIp] = await Promise.all([
    db.claimAttempt.count({ where: { emailHash, createdAt: { gt: since } } }),
    db.claimAttempt.count({ where: { ip, createdAt: { gt: since } } }),
  ]);
  if (perEmail > limits.perEmail || perIp > limits.perIp) return { ok: false, reason: 'rate-limited' };

  return db.$transaction(async (tx) => {
    const provider = await tx.provider.findFirst({ where: { slug: input.slug, status: 'PUBLISHED' }, select: { id: true, contactEmail: true } });
    if (!provider) return { ok: false, reason: 'not-found' } as const;
    const email = normalizeEmail(input.email);
    if (provider.contactEmail && normalizeEmail(provider.contactEmail) === email) {
      await enqueueProviderUpdateMail(tx, { providerId: provider.id, reason: 'claim', now });
      return { ok: true, matched: true } as const;
    }
    const [same, pending] = await Promise.all([
      tx.providerProposal.count({ where: { kind: 'CLAIM_REQUEST', status: 'PENDING', providerId: provider.id, email } }),
      tx.providerProposal.count({ where: { kind: 'CLAIM_REQUEST', status: 'PENDING' } }),
    ]);
    // The same request twice, or a full queue: nothing more to keep, and the same answer.
    if (same === 0 && pending < MAX_PENDING_CLAIMS) {
      await tx.providerProposal.create({ data: { kind: 'CLAIM_REQUEST', providerId: provider.id, email, message: input.message, createdAt: now } });
    }
    return { ok: true, matched: false } as const;
  });
}

// --- A member's decision on a request that did not match -------------------------------

export type ClaimDecisionRefusal = 'not-found' | 'already-decided' | 'contact-conflict';
export type ClaimDecisionOutcome = { ok: true; providerId: string } | { ok: false; reason: ClaimDecisionRefusal };

async function pendingClaim(tx: Tx, proposalId: string) {
  const proposal = await tx.providerProposal.findFirst({ where: { id: proposalId, kind: 'CLAIM_REQUEST' }, select: { id: true, status: true, providerId: true, email: true } });
  if (!proposal) return { ok: false, reason: 'not-found' } as const;
  if (proposal.status !== 'PENDING' || !proposal.email) return { ok: false, reason: 'already-decided' } as const;
  return { ok: true, proposal: { ...proposal, email: proposal.email } } as const;
}

/** Marks it decided, only if still pending (two members at once: the second is told). Erases the address. */
async function decide(tx: Tx, proposalId: string, status: 'ACCEPTED' | 'REJECTED', decisionNote: string, actor: AuditActor, now: Date): Promise<boolean> {
  const updated = await tx.providerProposal.updateMany({
    where: { id: proposalId, status: 'PENDING' },
    data: { status, decisionNote, decidedById: actor.actorId, decidedAt: now, email: null },
  });
  return updated.count === 1;
}

/** The source recorded with a contact that came from an approved request. */
export const approvedContactSource = (now: Date) => `Demande approuvée le ${formatDate(now.toISOString())}`;

/**
 * Sends the link to the address the person typed, in the transaction that records the decision.
 * `saveAsContact` (the member ticked it): the address also becomes the provider's private
 * contact, through the members' save path (history, version), with its source.
 */
export async function approveClaimRequest(
  db: Db,
  input: { proposalId: string; decisionNote: string; saveAsContact?: boolean },
  actor: AuditActor,
  now = new Date(),
): Promise<ClaimDecisionOutcome> {
  try {
    return await db.$transaction(async (tx) => approveIn(tx, input, actor, now));
  } catch (error) {
    // A member saved the listing at the same moment: nothing is decided, the member tries again.
    if (error instanceof WriteRefusal) return { ok: false, reason: 'contact-conflict' };
    throw error;
  }
}

async function approveIn(tx: Tx, input: { proposalId: string; decisionNote: string; saveAsContact?: boolean }, actor: AuditActor, now: Date): Promise<ClaimDecisionOutcome> {
  const found = await pendingClaim(tx, input.proposalId);
  if (!found.ok) return found;
  if (!(await decide(tx, input.proposalId, 'ACCEPTED', input.decisionNote, actor, now))) return { ok: false, reason: 'already-decided' } as const;
  if (input.saveAsContact) {
    const provider = await tx.provider.findUniqueOrThrow({ where: { id: found.proposal.providerId } });
    const values = { ...inputOf(provider), contactEmail: found.proposal.email, contactSource: approvedContactSource(now) };
    const saved = await saveEntryIn(tx, 'Provider', { id: provider.id, version: provider.version, input: values }, actor);
    if (!saved.ok) throw new WriteRefusal(saved);
  }
  await enqueueProviderUpdateMail(tx, { providerId: found.proposal.providerId, reason: 'claim', to: found.proposal.email, now });
  await recordAudit(tx, {
    ...actor,
    action: 'provider-claim.approve',
    entityType: 'ProviderProposal',
    entityId: input.proposalId,
    after: { providerId: found.proposal.providerId, decisionNote: input.decisionNote, savedAsContact: input.saveAsContact === true },
  });
  return { ok: true, providerId: found.proposal.providerId } as const;
}

export async function rejectClaimRequest(db: Db, input: { proposalId: string; decisionNote: string }, actor: AuditActor, now = new Date()): Promise<ClaimDecisionOutcome> {
  return db.$transaction(async (tx) => {
    const found = await pendingClaim(tx, input.proposalId);
    if (!found.ok) return found;
    if (!(await decide(tx, input.proposalId, 'REJECTED', input.decisionNote, actor, now))) return { ok: false, reason: 'already-decided' } as const;
    await recordAudit(tx, { ...actor, action: 'provider-claim.reject', entityType: 'ProviderProposal', entityId: input.proposalId, after: { providerId: found.proposal.providerId, decisionNote: input.decisionNote } });
    return { ok: true, providerId: found.proposal.providerId } as const;
  });
}

// --- Retention (the same terms as the public suggestions) --------------------------------

const DAY_MS = 24 * HOUR_MS;
/** Decided requests and proposals are deleted this long after the decision. */
export const PROPOSAL_RETENTION_DAYS = 365;
/** A link request nobody decided is deleted with its address after this long (a link is then asked again). */
export const PENDING_CLAIM_RETENTION_DAYS = 183;

/**
 * Erases what the round table no longer needs: claim attempts after a day, decided requests
 * and proposals after a year, link requests (and the address typed) pending for six months.
 * Runs from the scheduler's erasures and at each opening of /admin/suggestions.
 */
export async function pruneProviderProposals(db: Pick<PrismaClient, 'providerProposal' | 'claimAttempt'>, now = new Date()): Promise<void> {
  await db.claimAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - CLAIM_ATTEMPT_RETENTION_MS) } } });
  await db.providerProposal.deleteMany({ where: { status: { not: 'PENDING' }, decidedAt: { lt: new Date(now.getTime() - PROPOSAL_RETENTION_DAYS * DAY_MS) } } });
  await db.providerProposal.deleteMany({ where: { kind: 'CLAIM_REQUEST', status: 'PENDING', createdAt: { lt: new Date(now.getTime() - PENDING_CLAIM_RETENTION_DAYS * DAY_MS) } } });
}
