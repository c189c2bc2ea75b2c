import 'server-only';
// What every admin write of an entry shares: unique slugs, the outcome shape, the
// optimistic-concurrency refusal, and the verb recorded in the history.
//
// Each write runs in one transaction that reads the "before" snapshot, updates the row only
// where { id, version } still match (so the second of two concurrent saves updates nothing
// and is refused), rewrites the links, reads the "after" snapshot and records both with
// recordEntryChange (lib/history/snapshot.ts); the entries on the other side of links it
// adds or removes get the same (watchLinkedEntries). The server action then calls
// updateTag(INVENTORY_TAG).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { AuditActor } from '@/lib/security/audit';
import { loadEntrySnapshot, recordEntryChange, type EntrySnapshot, type EntryType, type EntryVerb } from '@/lib/history/snapshot';
import { slugFromTitle } from '@/lib/validation/entry';

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;

/** Who saved the version that is now current, for the conflict panel. */
export type LastChange = { actorName: string | null; at: string } | null;

export type WriteOutcome<Field extends string = string> =
  | { ok: true; id: string; slug: string; version: number; verb: EntryVerb; skipped?: string[] }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'invalid'; errors: Partial<Record<Field, string[]>> }
  | { ok: false; reason: 'conflict'; current: EntrySnapshot; lastChange: LastChange };

/** Thrown inside a transaction to roll it back, turned into an outcome outside. */
export class WriteRefusal extends Error {
  constructor(readonly outcome: Exclude<WriteOutcome, { ok: true }>) {
    super(outcome.reason);
  }
}

/** Runs `write` in a transaction; a WriteRefusal rolls back and becomes the outcome. */
export async function inTransaction<Field extends string>(
  db: Db,
  write: (tx: Tx) => Promise<WriteOutcome<Field>>,
): Promise<WriteOutcome<Field>> {
  // Two saves that link the same pair from both sides lock the rows in opposite orders;
  // PostgreSQL then cancels one of them (deadlock). Run again, that save meets the other's
  // committed version and is refused as an ordinary conflict, with everything typed kept.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(write, { timeout: 15_000 });
    } catch (error) {
      if (error instanceof WriteRefusal) return error.outcome as WriteOutcome<Field>;
      if (attempt < 3 && isWriteConflict(error)) continue;
      throw error;
    }
  }
}

/** A deadlock or serialization failure: safe to run the whole transaction again. */
export function isWriteConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'P2034') return true;
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : '';
  return /\b40P01\b|\b40001\b|deadlock detected|could not serialize/i.test(text);
}

/**
 * The few calls every entry table answers the same way, so that code working on "an entry
 * of this type" needs no four-way switch. Prisma's delegates have no common callable type:
 * the cast is confined here, and each method is typed with the fields all four tables share.
 */
export type EntryDelegate = {
  findMany(args: { where: { slug?: { startsWith: string } | string; id?: { in: string[] } }; select: { id: true; slug: true } }): Promise<{ id: string; slug: string }[]>;
  updateMany(args: { where: { id: string; version: number }; data: { status?: 'ARCHIVED'; version: { increment: 1 } } }): Promise<{ count: number }>;
  update(args: { where: { id: string }; data: { version: { increment: 1 } }; select: { id: true } }): Promise<{ id: string }>;
  deleteMany(args: { where: { id: string; version: number } }): Promise<{ count: number }>;
};

export function delegateOf(tx: Pick<Tx, 'need' | 'solution' | 'provider' | 'theme'>, entityType: EntryType): EntryDelegate {
  const delegates: Record<EntryType, unknown> = { Need: tx.need, Solution: tx.solution, Provider: tx.provider, Theme: tx.theme };
  return delegates[entityType] as EntryDelegate;
}

/** Which of `ids` name an entry of this type now. */
export async function existingIds(db: Pick<Tx, 'need' | 'solution' | 'provider' | 'theme'>, entityType: EntryType, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await delegateOf(db, entityType).findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } });
  return new Set(rows.map((row) => row.id));
}

type SlugTable = 'need' | 'solution' | 'provider' | 'theme';
const TYPE_OF_TABLE: Record<SlugTable, EntryType> = { need: 'Need', solution: 'Solution', provider: 'Provider', theme: 'Theme' };

/** The title's slug, or the same with -2, -3… when another entry of the table has it. */
export async function uniqueSlug(tx: Pick<Tx, SlugTable>, table: SlugTable, title: string): Promise<string> {
  const base = slugFromTitle(title);
  const rows = await delegateOf(tx, TYPE_OF_TABLE[table]).findMany({ where: { slug: { startsWith: base } }, select: { id: true, slug: true } });
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export type EntryKey = { entityType: EntryType; id: string };

/** Ids in one list but not the other: the links a write adds or removes. */
export function changedIds(previous: Iterable<string>, next: Iterable<string>): string[] {
  const a = new Set(previous);
  const b = new Set(next);
  return [...[...a].filter((id) => !b.has(id)), ...[...b].filter((id) => !a.has(id))];
}

/** A snapshot's content, whatever its version number. */
const contentOf = (snapshot: EntrySnapshot) => JSON.stringify({ ...snapshot, version: null });

/**
 * Links belong to both entries they join and show in both snapshots (a need lists its
 * solutions, a solution its needs). A write that changes links of the OTHER entries (or a
 * deletion that cascades to them) must treat them as changed too: version bumped, so that a
 * form opened on one of them before is refused instead of silently writing the old links
 * back, and an 'update' record, so that their history shows it.
 *
 * Call before the write with every entry that may change; call `record()` after it, in the
 * same transaction: only those whose snapshot (version aside) did change are bumped and recorded.
 */
export async function watchLinkedEntries(tx: Tx, keys: EntryKey[], context: AuditActor): Promise<{ record(): Promise<void> }> {
  const unique = [...new Map(keys.map((key) => [`${key.entityType}:${key.id}`, key])).values()];
  const before: { key: EntryKey; snapshot: EntrySnapshot }[] = [];
  for (const key of unique) {
    const snapshot = await loadEntrySnapshot(tx, key.entityType, key.id);
    if (snapshot) before.push({ key, snapshot });
  }
  return {
    async record() {
      for (const { key, snapshot } of before) {
        const changed = await loadEntrySnapshot(tx, key.entityType, key.id);
        if (!changed || contentOf(changed) === contentOf(snapshot)) continue;
        await delegateOf(tx, key.entityType).update({ where: { id: key.id }, data: { version: { increment: 1 } }, select: { id: true } });
        const after = await loadEntrySnapshot(tx, key.entityType, key.id);
        await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb: 'update', entityType: key.entityType, entityId: key.id, before: snapshot, after });
      }
    },
  };
}

/** True for Prisma's unique-constraint error on `slug` (two creations at the same moment). */
export function isSlugCollision(error: unknown): boolean {
  const known = error as { code?: string; meta?: { target?: unknown; modelName?: string } };
  return known?.code === 'P2002' && JSON.stringify(known.meta ?? {}).includes('slug');
}

/** Creations retry once with a fresh slug when another creation took it in between. */
export async function withSlugRetry<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isSlugCollision(error)) throw error;
    return run();
  }
}

export async function lastChangeOf(tx: Pick<Tx, 'auditLog'>, entityType: EntryType, entityId: string): Promise<LastChange> {
  const row = await tx.auditLog.findFirst({
    where: { entityType, entityId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { createdAt: true, actor: { select: { name: true } } },
  });
  return row ? { actorName: row.actor?.name ?? null, at: row.createdAt.toISOString() } : null;
}

/** Refuses the write: the entry changed since the form was opened. */
export async function conflict(tx: Pick<Tx, 'auditLog'>, entityType: EntryType, entityId: string, current: EntrySnapshot): Promise<never> {
  throw new WriteRefusal({ ok: false, reason: 'conflict', current, lastChange: await lastChangeOf(tx, entityType, entityId) });
}

/** The history verb of a save: verification and status changes have their own. */
export function verbOfSave(before: { status: string } | null, after: { status: string }, isVerify: boolean): EntryVerb {
  if (!before) return 'create';
  if (isVerify) return 'verify';
  if (before.status !== after.status) {
    if (after.status === 'PUBLISHED') return 'publish';
    if (after.status === 'ARCHIVED') return 'archive';
    return 'unpublish';
  }
  return 'update';
}

export type WriteContext = AuditActor & {
  /** Overrides the verb worked out from the change (e.g. 'restore'). */
  verb?: EntryVerb;
  /** Who a verification is credited to (providers): a member by default, or the organisation itself. */
  verifier?: 'MEMBER' | 'ORGANIZATION';
  /**
   * More writes that must commit with the save or not at all (a proposal marked decided, a
   * one-time link marked used); run after the history record, inside the same transaction.
   */
  alsoWrite?: (tx: Tx, id: string) => Promise<void>;
};

/** Verification fields as written: "mark as verified" sets the date and clears the flag. */
export function verificationData(input: { toVerify: boolean; verifyNote: string }, isVerify: boolean, now = new Date()) {
  return isVerify ? { verifiedAt: now, toVerify: false, verifyNote: input.verifyNote } : { toVerify: input.toVerify, verifyNote: input.verifyNote };
}
