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
// - The solutions the provider offers (published, role « offre ») are in the same form, each
//   with the fields an organisation may change; their changes are kept in the same proposal
//   (one item per solution, with the version the organisation saw). A member's decision writes
//   the provider and every solution accepted in one transaction: all of it, or nothing.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { InferredField } from '@/lib/generated/prisma/enums';
import { previewEntry, saveEntry, saveEntryIn, type EntryInputs } from '@/lib/data/admin/entries';
import { solutionLinks } from '@/lib/data/admin/solution-links';
import { WriteRefusal, type LastChange, type WriteContext, type WriteOutcome } from '@/lib/data/admin/write';
import { editableFields, isVerificationKey, type Field } from '@/lib/entries/fields';
import { providerEntry } from '@/lib/entries/provider';
import { solutionEntry } from '@/lib/entries/solution';
import { conflictFields } from '@/lib/history/conflict';
import { loadEntrySnapshot, type ProviderSnapshot } from '@/lib/history/snapshot';
import { recordAudit, type AuditActor } from '@/lib/security/audit';
import type { ConflictField } from '@/lib/validation/form-state';
import type { ProviderInput } from '@/lib/validation/provider';
import type { SolutionInput } from '@/lib/validation/solution';
import { solutionPrefix } from '@/lib/verification/solution-prefix';
import { openProviderUpdateLink, consumeProviderUpdateLink, type OpenedLink } from '@/lib/verification/links';

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

/** Fields of the members' form that stay the round table's: publication, its flag and note, the private contact. */
export const MEMBERS_ONLY_FIELDS = ['status', 'toVerify', 'verifyNote', 'contactEmail', 'contactSource'] as const;

/** The fields an organisation sees and may change, in the definition's order. */
export function organizationFields(): Field[] {
  return editableFields(providerEntry).filter((field) => !isVerificationKey(field.key) && !(MEMBERS_ONLY_FIELDS as readonly string[]).includes(field.key));
}

/**
 * A solution's fields that stay the round table's: its publication and verification, what the
 * team inferred (shown as such) and its place under another solution.
 */
export const SOLUTION_MEMBERS_ONLY_FIELDS = ['status', 'toVerify', 'verifyNote', 'inferredFields', 'parentId'] as const;

/** The fields of a solution an organisation sees and may change, in the definition's order. */
export function organizationSolutionFields(): Field[] {
  return editableFields(solutionEntry).filter((field) => !isVerificationKey(field.key) && !(SOLUTION_MEMBERS_ONLY_FIELDS as readonly string[]).includes(field.key));
}

export { solutionPrefix };

export type FieldChangeValue = { before: unknown; after: unknown };
export type ProposalChanges = Record<string, FieldChangeValue>;
/** One solution's changes in a proposal; `baseVersion`: the solution's version the organisation saw. */
export type SolutionChange = { solutionId: string; title: string; baseVersion: number; changes: ProposalChanges };

const editableKeys = () => editableFields(providerEntry).map((field) => field.key);

/** A provider row's editable values: what saveEntry needs to write it back unchanged. */
export function inputOf(row: Record<string, unknown>): ProviderInput {
  return Object.fromEntries(editableKeys().map((key) => [key, row[key]])) as ProviderInput;
}

/** A solution row's editable values (its links apart). */
export function solutionInputOf(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(editableFields(solutionEntry).map((field) => [field.key, row[field.key]]));
}

const comparable = (value: unknown) => JSON.stringify(Array.isArray(value) ? [...value].sort() : (value ?? null));

function changesOver(fields: readonly Field[], current: Record<string, unknown>, sent: Record<string, unknown>): ProposalChanges {
  const changes: ProposalChanges = {};
  for (const field of fields) {
    if (comparable(current[field.key]) !== comparable(sent[field.key])) changes[field.key] = { before: current[field.key] ?? null, after: sent[field.key] ?? null };
  }
  return changes;
}

/** The organisation's fields that differ between the listing and what it sent. */
export function changesBetween(current: Record<string, unknown>, sent: Record<string, unknown>): ProposalChanges {
  return changesOver(organizationFields(), current, sent);
}

/** The solutions an organisation's link covers: the published ones it offers. */
export async function offeredSolutions(db: Pick<Tx, 'solution'>, providerId: string) {
  return db.solution.findMany({
    where: { status: 'PUBLISHED', providers: { some: { providerId, role: 'OFFERS' } } },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
  });
}

async function providerRow(db: Pick<Tx, 'provider'>, id: string) {
  return db.provider.findUnique({ where: { id } });
}

export type OrganizationSolution = { id: string; slug: string; title: string; version: number; values: Record<string, unknown> };
export type LinkedProvider = {
  linkId: string;
  provider: { id: string; slug: string; name: string; version: number; values: Record<string, unknown> };
  solutions: OrganizationSolution[];
};

/** The provider a token opens, with its editable values; or why it opens nothing. */
export async function loadLinkedProvider(db: Db, token: string, now = new Date()): Promise<{ ok: true; value: LinkedProvider } | Extract<OpenedLink, { ok: false }>> {
  const opened = await openProviderUpdateLink(db, token, now);
  if (!opened.ok) return opened;
  const row = await providerRow(db, opened.providerId);
  if (!row) return { ok: false, problem: 'invalid' };
  const solutions = (await offeredSolutions(db, row.id)).map((solution) => ({ id: solution.id, slug: solution.slug, title: solution.title, version: solution.version, values: solutionInputOf(solution) }));
  return { ok: true, value: { linkId: opened.linkId, provider: { id: row.id, slug: row.slug, name: row.name, version: row.version, values: inputOf(row) }, solutions } };
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

/**
 * One solution's part of the organisation's form as the members' solution form would send it:
 * its fields without their `s-<id>-` prefix, and the members-only values from the database.
 */
export function solutionFormData(formData: FormData, solutionId: string, row: Record<string, unknown>): FormData {
  const prefix = solutionPrefix(solutionId);
  const data = new FormData();
  for (const field of organizationSolutionFields()) for (const value of formData.getAll(prefix + field.key)) data.append(field.key, value);
  for (const key of SOLUTION_MEMBERS_ONLY_FIELDS) {
    const value = row[key];
    if (Array.isArray(value)) for (const item of value) data.append(key, String(item));
    else if (typeof value === 'boolean') {
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

/** What the organisation sent for one solution, checked with the members' rules. */
export type SentSolution = { id: string; version: number; values: Record<string, unknown> };

/** The organisation's changes, already checked with the members' rules, kept for a member to decide. */
export async function proposeProviderUpdate(
  db: Db,
  input: { token: string; version: number; values: ProviderInput; solutions?: SentSolution[] },
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
    // A solution no longer offered (or unpublished) since the page was opened is left out.
    const offered = await offeredSolutions(tx, row.id);
    const solutionChanges: SolutionChange[] = [];
    for (const sent of input.solutions ?? []) {
      const solution = offered.find((candidate) => candidate.id === sent.id);
      if (!solution) continue;
      if (solution.version !== sent.version) return { ok: false, reason: 'stale', version: row.version } as const;
      const changed = changesOver(organizationSolutionFields(), solutionInputOf(solution), sent.values);
      if (Object.keys(changed).length > 0) solutionChanges.push({ solutionId: solution.id, title: solution.title, baseVersion: solution.version, changes: changed });
    }
    if (Object.keys(changes).length === 0 && solutionChanges.length === 0) return { ok: false, reason: 'unchanged' } as const;
    if (!(await consumeProviderUpdateLink(tx, opened.linkId, 'UPDATED', now))) return { ok: false, reason: 'used' } as const;
    await tx.providerProposal.create({
      data: {
        kind: 'UPDATE',
        providerId: row.id,
        linkId: opened.linkId,
        baseVersion: row.version,
        changes: changes as Prisma.InputJsonValue,
        ...(solutionChanges.length > 0 ? { solutionChanges: solutionChanges as unknown as Prisma.InputJsonValue } : {}),
        createdAt: now,
      },
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
  solutionChanges: SolutionChange[];
  /** The current version of each solution in solutionChanges (absent: deleted since). */
  solutionVersions: Record<string, number>;
};

/** Pending requests and proposals, oldest first. */
export async function listPendingProposals(db: Db, take = 100): Promise<ProposalDto[]> {
  const rows = await db.providerProposal.findMany({
    where: { status: 'PENDING' },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take,
    include: { provider: { select: { name: true, version: true } } },
  });
  return rows.map((row) => toDto(row));
}

type ProposalRow = Prisma.ProviderProposalGetPayload<{ include: { provider: { select: { name: true; version: true } } } }>;

function toDto(row: ProposalRow, solutionVersions: Record<string, number> = {}): ProposalDto {
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
    solutionChanges: (row.solutionChanges ?? []) as unknown as SolutionChange[],
    solutionVersions,
  };
}

export async function getProposal(db: Db, id: string): Promise<ProposalDto | null> {
  const row = await db.providerProposal.findUnique({ where: { id }, include: { provider: { select: { name: true, version: true } } } });
  if (!row) return null;
  const ids = ((row.solutionChanges ?? []) as unknown as SolutionChange[]).map((solution) => solution.solutionId);
  const solutions = ids.length ? await db.solution.findMany({ where: { id: { in: ids } }, select: { id: true, version: true } }) : [];
  return toDto(row, Object.fromEntries(solutions.map((solution) => [solution.id, solution.version])));
}

export async function countPendingProposals(db: Db): Promise<number> {
  return db.providerProposal.count({ where: { status: 'PENDING' } });
}

/** The oldest `take` pending requests and proposals, and how many wait in all (none dropped silently). */
export async function listPendingQueue(db: Db, take: number): Promise<{ proposals: ProposalDto[]; total: number }> {
  const [proposals, total] = await Promise.all([listPendingProposals(db, take), countPendingProposals(db)]);
  return { proposals, total };
}

class ProposalDecided extends Error {}

/** The part of a proposal a decision could not write: the provider, or one of its solutions. */
export type ProposalPart = { type: 'Provider' | 'Solution'; id: string; title: string };

/** A save refused inside the decision's transaction, with what was being written (for the conflict panel). */
class PartRefusal extends Error {
  constructor(
    readonly part: ProposalPart,
    readonly outcome: Exclude<WriteOutcome, { ok: true }>,
    readonly values: Record<string, unknown>,
  ) {
    super(outcome.reason);
  }
}

export type ProposalDecision =
  | { ok: true; providerId: string }
  | { ok: false; reason: 'not-found' | 'already-decided' | 'no-fields' | 'invalid'; part?: ProposalPart }
  | { ok: false; reason: 'conflict'; part: ProposalPart; version: number; lastChange: LastChange; fields: ConflictField[] };

/** A solution's fields the team may have inferred, and their code in `inferredFields`. */
const INFERRED_CODES: Record<string, InferredField | undefined> = { kinds: 'KINDS', cost: 'COST' };

/** The key of a solution's field in a decision (checkbox value, acceptedFields). */
export const solutionFieldKey = (solutionId: string, field: string) => `${solutionId}.${field}`;

async function savePart<T extends 'Provider' | 'Solution'>(
  tx: Tx,
  part: ProposalPart & { type: T },
  request: { version: number; input: EntryInputs[T] },
  context: WriteContext,
): Promise<void> {
  const values = request.input as unknown as Record<string, unknown>;
  try {
    const outcome = await saveEntryIn(tx, part.type, { id: part.id, version: request.version, input: request.input, isVerify: true }, context);
    if (!outcome.ok) throw new PartRefusal(part, outcome, values);
  } catch (error) {
    if (error instanceof WriteRefusal) throw new PartRefusal(part, error.outcome, values);
    throw error;
  }
}

/**
 * Accepts the fields listed (all or some) of an UPDATE proposal: the provider's, and each
 * solution's as "<solutionId>.<field>", in one transaction (all of them or none). Versions: by
 * default the ones the organisation saw (a member's edit since then is a conflict; after seeing
 * it, the member accepts on the newer version knowingly: `version` for the provider,
 * `solutionVersions` by solution id).
 */
export async function acceptProposal(
  db: Db,
  input: { proposalId: string; fields: string[]; decisionNote: string; version?: number; solutionVersions?: Record<string, number> },
  actor: AuditActor,
  now = new Date(),
): Promise<ProposalDecision> {
  const proposal = await db.providerProposal.findFirst({ where: { id: input.proposalId, kind: 'UPDATE' } });
  if (!proposal) return { ok: false, reason: 'not-found' };
  if (proposal.status !== 'PENDING') return { ok: false, reason: 'already-decided' };
  const changes = (proposal.changes ?? {}) as ProposalChanges;
  const solutionChanges = (proposal.solutionChanges ?? []) as unknown as SolutionChange[];
  const every = [...Object.keys(changes), ...solutionChanges.flatMap((solution) => Object.keys(solution.changes).map((field) => solutionFieldKey(solution.solutionId, field)))];
  // '*': every field the organisation changed (« Tout accepter »).
  const fields = input.fields.includes('*') ? every : [...new Set(input.fields)].filter((field) => every.includes(field));
  if (fields.length === 0) return { ok: false, reason: 'no-fields' };
  const providerFields = fields.filter((field) => field in changes);
  const solutionsAccepted = solutionChanges
    .map((solution) => ({ solution, fields: Object.keys(solution.changes).filter((field) => fields.includes(solutionFieldKey(solution.solutionId, field))) }))
    .filter((accepted) => accepted.fields.length > 0);
  const context: WriteContext = { ...actor, verb: 'organization-update', verifier: 'ORGANIZATION' };
  try {
    await db.$transaction(
      async (tx) => {
        const row = await providerRow(tx, proposal.providerId);
        if (!row) throw new PartRefusal({ type: 'Provider', id: proposal.providerId, title: '' }, { ok: false, reason: 'not-found' }, {});
        if (providerFields.length > 0) {
          const values = { ...inputOf(row), ...Object.fromEntries(providerFields.map((field) => [field, changes[field]!.after])) } as ProviderInput;
          await savePart(tx, { type: 'Provider', id: row.id, title: row.name }, { version: input.version ?? proposal.baseVersion ?? row.version, input: values }, context);
        }
        for (const { solution, fields: accepted } of solutionsAccepted) {
          const part = { type: 'Solution' as const, id: solution.solutionId, title: solution.title };
          // One query at a time: a transaction is one connection.
          const current = await tx.solution.findUnique({ where: { id: solution.solutionId } });
          const snapshot = current && (await loadEntrySnapshot(tx, 'Solution', solution.solutionId));
          if (!current || !snapshot) throw new PartRefusal(part, { ok: false, reason: 'not-found' }, {});
          // Its links (needs, providers) are written back as they are now. A value the
          // organisation gave is no longer the team's inference: its « déduit » mark goes.
          const given = new Set(accepted.map((field) => INFERRED_CODES[field]).filter(Boolean));
          const values = {
            ...solutionInputOf(current),
            ...solutionLinks.inputOf(snapshot),
            ...Object.fromEntries(accepted.map((field) => [field, solution.changes[field]!.after])),
            inferredFields: current.inferredFields.filter((code) => !given.has(code)),
          } as unknown as SolutionInput;
          await savePart(tx, part, { version: input.solutionVersions?.[solution.solutionId] ?? solution.baseVersion, input: values }, context);
        }
        const decided = await tx.providerProposal.updateMany({
          where: { id: proposal.id, status: 'PENDING' },
          data: { status: 'ACCEPTED', acceptedFields: fields, decisionNote: input.decisionNote, decidedById: actor.actorId, decidedAt: now },
        });
        if (decided.count !== 1) throw new ProposalDecided();
        await recordAudit(tx, { ...actor, action: 'provider-proposal.accept', entityType: 'ProviderProposal', entityId: proposal.id, after: { providerId: row.id, fields, decisionNote: input.decisionNote } });
      },
      { timeout: 15_000 },
    );
    return { ok: true, providerId: proposal.providerId };
  } catch (error) {
    if (error instanceof ProposalDecided) return { ok: false, reason: 'already-decided' };
    if (!(error instanceof PartRefusal)) throw error;
    const { part, outcome } = error;
    if (outcome.reason === 'conflict') {
      const mine = await previewEntry(db, part.type, error.values as never);
      return {
        ok: false,
        reason: 'conflict',
        part,
        version: outcome.current.version,
        lastChange: outcome.lastChange,
        fields: conflictFields(part.type, mine, outcome.current as unknown as Record<string, unknown>),
      };
    }
    return { ok: false, reason: outcome.reason === 'not-found' ? 'not-found' : 'invalid', part };
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
