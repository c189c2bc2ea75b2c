import 'server-only';
// What an organisation does with its one-time link (issue 15), and what members decide.
//
// - « Tout est encore exact »: the listing is verified at once, by the organisation, through the
//   members' save path (saveEntry: version check, history record 'organization-confirm'),
//   with the link marked used in the same transaction.
// - Changes: checked with the members' own form rules (the provider definition), kept as a
//   proposal of the fields that differ from the listing (before → after), the link marked used
//   in the same transaction. Nothing public changes until a member decides.
// - A member accepts all or some fields: saveEntry again, from the version the organisation saw
//   (a member's edit since then is the usual conflict, shown beside the proposal), history
//   'organization-update', verified by the organisation; or rejects with a note.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { previewEntry, saveEntry } from '@/lib/data/admin/entries';
import type { LastChange } from '@/lib/data/admin/write';
import { editableFields, isVerificationKey, type Field } from '@/lib/entries/fields';
import { providerEntry } from '@/lib/entries/provider';
import { conflictFields } from '@/lib/history/conflict';
import type { ProviderSnapshot } from '@/lib/history/snapshot';
import { recordAudit, type AuditActor } from '@/lib/security/audit';
import type { ConflictField } from '@/lib/validation/form-state';
import type { ProviderInput } from '@/lib/validation/provider';
import { openProviderUpdateLink, consumeProviderUpdateLink, type OpenedLink } from '@/lib/verification/links';

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

/** Fields of the members' form that stay the round table's: publication, its flag and note, the private contact. */
export const MEMBERS_ONLY_FIELDS = ['status', 'toVerify', 'verifyNote', 'contactEmail', 'contactSource'] as const;

/** The fields an organisation sees and may change, in the definition's order. */
export function organizationFields(): Field[] {
  return editableFields(providerEntry).filter((field) => !isVerificationKey(field.key) && !(MEMBERS_ONLY_FIELDS as readonly string[]).includes(field.key));
}

export type FieldChangeValue = { before: unknown; after: unknown };
export type ProposalChanges = Record<string, FieldChangeValue>;

const editableKeys = () => editableFields(providerEntry).map((field) => field.key);

/** A provider row's editable values: what saveEntry needs to write it back unchanged. */
export function inputOf(row: Record<string, unknown>): ProviderInput {
  return Object.fromEntries(editableKeys().map((key) => [key, row[key]])) as ProviderInput;
}

const comparable = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].sort() : (value ?? null));

/** The organisation's fields that differ between the listing and what it sent. */
export function changesBetween(current: Record<string, unknown>, sent: Record<string, unknown>): ProposalChanges {
  const changes: ProposalChanges = {};
  for (const field of organizationFields()) {
    if (comparable(current[field.key]) !== comparable(sent[field.key])) changes[field.key] = { before: current[field.key] ?? null, after: sent[field.key] ?? null };
  }
  return changes;
}

async function providerRow(db: Pick<Tx, 'provider'>, id: string) {
  return db.provider.findUnique({ where: { id } });
}

export type LinkedProvider = { linkId: string; provider: { id: string; slug: string; name: string; version: number; values: Record<string, unknown> } };

/** The provider a token opens, with its editable values; or why it opens nothing. */
export async function loadLinkedProvider(db: Db, token: string, now = new Date()): Promise<{ ok: true; value: LinkedProvider } | Extract<OpenedLink, { ok: false }>> {
  const opened = await openProviderUpdateLink(db, token, now);
  if (!opened.ok) return opened;
  const row = await providerRow(db, opened.providerId);
  if (!row) return { ok: false, problem: 'invalid' };
  return { ok: true, value: { linkId: opened.linkId, provider: { id: row.id, slug: row.slug, name: row.name, version: row.version, values: inputOf(row) } } };
}

/** Members-only values come from the database, never from the organisation's form. */
export function withMembersOnlyValues(formData: FormData, row: Record<string, unknown>): FormData {
  const data = new FormData();
  for (const [name, value] of formData.entries()) if (!(MEMBERS_ONLY_FIELDS as readonly string[]).includes(name)) data.append(name, value);
  for (const key of MEMBERS_ONLY_FIELDS) {
    const value = row[key];
    if (typeof value === 'boolean') {
      if (value) data.set(key, 'on');
    } else data.set(key, String(value ?? ''));
  }
  return data;
}

class LinkUnusable extends Error {}

export type LinkProblem = 'invalid' | 'expired' | 'used';
export type OrganizationOutcome =
  | { ok: true; providerId: string; slug: string }
  | { ok: false; reason: LinkProblem | 'stale' | 'unchanged'; version?: number };

/** « Tout est encore exact ». `version`: the one the organisation's page showed. */
export async function confirmProviderListing(db: Db, input: { token: string; version: number }, context: { ip: string | null; now?: Date }): Promise<OrganizationOutcome> {
  const now = context.now ?? new Date();
  const opened = await openProviderUpdateLink(db, input.token, now);
  if (!opened.ok) return { ok: false, reason: opened.problem };
  const row = await providerRow(db, opened.providerId);
  if (!row) return { ok: false, reason: 'invalid' };
  try {
    const outcome = await saveEntry(
      db,
      'Provider',
      { id: row.id, version: input.version, input: inputOf(row), isVerify: true },
      {
        actorId: null,
        ip: context.ip,
        verb: 'organization-confirm',
        verifier: 'ORGANIZATION',
        alsoWrite: async (tx) => {
          if (!(await consumeProviderUpdateLink(tx, opened.linkId, 'CONFIRMED', now))) throw new LinkUnusable();
        },
      },
    );
    if (outcome.ok) return { ok: true, providerId: row.id, slug: row.slug };
    if (outcome.reason === 'conflict') return { ok: false, reason: 'stale', version: outcome.current.version };
    return { ok: false, reason: 'invalid' };
  } catch (error) {
    if (error instanceof LinkUnusable) return { ok: false, reason: 'used' };
    throw error;
  }
}

/** The organisation's changes, already checked with the members' rules, kept for a member to decide. */
export async function proposeProviderUpdate(
  db: Db,
  input: { token: string; version: number; values: ProviderInput },
  context: { now?: Date } = {},
): Promise<OrganizationOutcome> {
  const now = context.now ?? new Date();
  const opened = await openProviderUpdateLink(db, input.token, now);
  if (!opened.ok) return { ok: false, reason: opened.problem };
  return db.$transaction(async (tx) => {
    const row = await providerRow(tx, opened.providerId);
    if (!row) return { ok: false, reason: 'invalid' } as const;
    // A member saved the listing since the page was opened: the organisation sees the new
    // values before proposing, rather than sending the old ones back as changes.
    if (row.version !== input.version) return { ok: false, reason: 'stale', version: row.version } as const;
    const changes = changesBetween(inputOf(row), input.values as unknown as Record<string, unknown>);
    if (Object.keys(changes).length === 0) return { ok: false, reason: 'unchanged' } as const;
    if (!(await consumeProviderUpdateLink(tx, opened.linkId, 'UPDATED', now))) return { ok: false, reason: 'used' } as const;
    await tx.providerProposal.create({
      data: { kind: 'UPDATE', providerId: row.id, linkId: opened.linkId, baseVersion: row.version, changes: changes as Prisma.InputJsonValue, createdAt: now },
    });
    return { ok: true, providerId: row.id, slug: row.slug } as const;
  });
}

// --- Members: the queue and the decisions ------------------------------------------------

export type ProposalDto = {
  id: string;
  status: 'PENDING' | 'ACCEPTED' | 'REJECTED';
  acceptedFields: string[];
  decisionNote: string;
  decidedAt: string | null;
  kind: 'CLAIM_REQUEST' | 'UPDATE';
  providerId: string;
  providerName: string;
  providerVersion: number;
  createdAt: string;
  /** CLAIM_REQUEST */
  email: string | null;
  message: string;
  /** UPDATE */
  baseVersion: number | null;
  changes: ProposalChanges;
};

/** Pending requests and proposals, oldest first. */
export async function listPendingProposals(db: Db, take = 100): Promise<ProposalDto[]> {
  const rows = await db.providerProposal.findMany({
    where: { status: 'PENDING' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
    include: { provider: { select: { name: true, version: true } } },
  });
  return rows.map(toDto);
}

type ProposalRow = Prisma.ProviderProposalGetPayload<{ include: { provider: { select: { name: true; version: true } } } }>;

function toDto(row: ProposalRow): ProposalDto {
  return {
    id: row.id,
    status: row.status,
    acceptedFields: row.acceptedFields,
    decisionNote: row.decisionNote,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    kind: row.kind,
    providerId: row.providerId,
    providerName: row.provider.name,
    providerVersion: row.provider.version,
    createdAt: row.createdAt.toISOString(),
    email: row.email,
    message: row.message,
    baseVersion: row.baseVersion,
    changes: (row.changes ?? {}) as ProposalChanges,
  };
}

export async function getProposal(db: Db, id: string): Promise<ProposalDto | null> {
  const row = await db.providerProposal.findUnique({ where: { id }, include: { provider: { select: { name: true, version: true } } } });
  return row ? toDto(row) : null;
}

export async function countPendingProposals(db: Db): Promise<number> {
  return db.providerProposal.count({ where: { status: 'PENDING' } });
}

class ProposalDecided extends Error {}

export type ProposalDecision =
  | { ok: true; providerId: string }
  | { ok: false; reason: 'not-found' | 'already-decided' | 'no-fields' | 'invalid' }
  | { ok: false; reason: 'conflict'; version: number; lastChange: LastChange; fields: ConflictField[] };

/**
 * Accepts the fields listed (all or some) of an UPDATE proposal. `version`: the provider's
 * version the member acknowledges; by default the one the organisation saw (a member's edit
 * since then is a conflict; after seeing it, the member accepts on the newer version knowingly).
 */
export async function acceptProposal(
  db: Db,
  input: { proposalId: string; fields: string[]; decisionNote: string; version?: number },
  actor: AuditActor,
  now = new Date(),
): Promise<ProposalDecision> {
  const proposal = await db.providerProposal.findFirst({ where: { id: input.proposalId, kind: 'UPDATE' } });
  if (!proposal) return { ok: false, reason: 'not-found' };
  if (proposal.status !== 'PENDING') return { ok: false, reason: 'already-decided' };
  const changes = (proposal.changes ?? {}) as ProposalChanges;
  // '*': every field the organisation changed (« Tout accepter »).
  const fields = input.fields.includes('*') ? Object.keys(changes) : [...new Set(input.fields)].filter((field) => field in changes);
  if (fields.length === 0) return { ok: false, reason: 'no-fields' };
  const row = await providerRow(db, proposal.providerId);
  if (!row) return { ok: false, reason: 'not-found' };
  const values = { ...inputOf(row), ...Object.fromEntries(fields.map((field) => [field, changes[field]!.after])) } as ProviderInput;
  try {
    const outcome = await saveEntry(
      db,
      'Provider',
      { id: row.id, version: input.version ?? proposal.baseVersion ?? row.version, input: values, isVerify: true },
      {
        ...actor,
        verb: 'organization-update',
        verifier: 'ORGANIZATION',
        alsoWrite: async (tx) => {
          const decided = await tx.providerProposal.updateMany({
            where: { id: proposal.id, status: 'PENDING' },
            data: { status: 'ACCEPTED', acceptedFields: fields, decisionNote: input.decisionNote, decidedById: actor.actorId, decidedAt: now },
          });
          if (decided.count !== 1) throw new ProposalDecided();
          await recordAudit(tx, { ...actor, action: 'provider-proposal.accept', entityType: 'ProviderProposal', entityId: proposal.id, after: { providerId: row.id, fields, decisionNote: input.decisionNote } });
        },
      },
    );
    if (outcome.ok) return { ok: true, providerId: row.id };
    if (outcome.reason === 'conflict') {
      const mine = await previewEntry(db, 'Provider', values);
      return {
        ok: false,
        reason: 'conflict',
        version: outcome.current.version,
        lastChange: outcome.lastChange,
        fields: conflictFields('Provider', mine, outcome.current as unknown as Record<string, unknown>),
      };
    }
    return { ok: false, reason: outcome.reason === 'not-found' ? 'not-found' : 'invalid' };
  } catch (error) {
    if (error instanceof ProposalDecided) return { ok: false, reason: 'already-decided' };
    throw error;
  }
}

export async function rejectProposal(db: Db, input: { proposalId: string; decisionNote: string }, actor: AuditActor, now = new Date()): Promise<ProposalDecision> {
  return db.$transaction(async (tx) => {
    const proposal = await tx.providerProposal.findFirst({ where: { id: input.proposalId, kind: 'UPDATE' }, select: { id: true, status: true, providerId: true } });
    if (!proposal) return { ok: false, reason: 'not-found' } as const;
    const decided = await tx.providerProposal.updateMany({
      where: { id: proposal.id, status: 'PENDING' },
      data: { status: 'REJECTED', decisionNote: input.decisionNote, decidedById: actor.actorId, decidedAt: now },
    });
    if (decided.count !== 1) return { ok: false, reason: 'already-decided' } as const;
    await recordAudit(tx, { ...actor, action: 'provider-proposal.reject', entityType: 'ProviderProposal', entityId: proposal.id, after: { providerId: proposal.providerId, decisionNote: input.decisionNote } });
    return { ok: true, providerId: proposal.providerId } as const;
  });
}

export type { ProviderSnapshot };
