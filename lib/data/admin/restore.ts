import 'server-only';
// "Restaurer cette version": the snapshot kept after a past change is written back through
// the same concurrency-checked save as the forms, with the verb 'restore'. Links to entries
// deleted since cannot come back: they are skipped and listed. The slug stays as it is now
// (public links keep working) and so does the verification date (a restore is not a check).
import { editableFields, emptyValue, fieldsOf, refKey, type Field } from '@/lib/entries/fields';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import { entryAuditAction, loadEntrySnapshot, recordEntryChange, type EntrySnapshot, type EntryType } from '@/lib/history/snapshot';
import { getHistoryRecord, isRestorable } from '@/lib/data/admin/history';
import { linkHooksOf, saveEntry, tableOf, type EntryInputs } from '@/lib/data/admin/entries';
import {
  delegateOf,
  existingIds,
  inTransaction,
  uniqueSlug,
  watchLinkedEntries,
  withSlugRetry,
  type Db,
  type EntryKey,
  type Tx,
  type WriteContext,
  type WriteOutcome,
} from '@/lib/data/admin/write';

export type RestorePlan = { snapshot: EntrySnapshot; skipped: string[] };

type Row = Record<string, unknown>;
type Ref = { id: string; label: string } | null;

const refFields = (type: EntryType) => fieldsOf(ENTRY_DEFS[type]).filter((field): field is Field & { type: 'ref' } => field.type === 'ref');

/**
 * Which state of a record to restore: the version it saved ('after'), or the one it replaced
 * ('before'), which is how the first version of an entry that predates the history (the
 * 2023 inventory) is brought back.
 */
export type RestoreSide = 'after' | 'before';

/** What restoring a record would write, and which links can no longer be restored. */
export async function planRestore(db: Db, entityType: EntryType, entityId: string, recordId: string, side: RestoreSide = 'after'): Promise<RestorePlan | null> {
  const record = await getHistoryRecord(db, entityType, entityId, recordId);
  if (!record) return null;
  if (side === 'after' && !isRestorable(record, entityType)) return null;
  const snapshot = side === 'after' ? record.after : record.before;
  if (!snapshot) return null;
  const links = linkHooksOf(entityType);
  const planned = links ? await links.plan(db, snapshot, entityId) : { links: {}, skipped: [] };
  const skipped = [...planned.skipped];
  const refs: Row = {};
  // A reference to an entry deleted since (or to itself) cannot come back.
  for (const field of refFields(entityType)) {
    const ref = ((snapshot as Row)[field.relation] ?? null) as Ref;
    const exists = ref ? (await existingIds(db, field.target, [ref.id])).has(ref.id) : false;
    if (ref && !exists) skipped.push(`${field.the ?? ENTRY_DEFS[field.target].words.the} « ${ref.label} »`);
    refs[field.relation] = ref && exists && !(field.target === entityType && ref.id === entityId) ? ref : null;
  }
  return { skipped, snapshot: { ...snapshot, ...refs, ...planned.links } as EntrySnapshot };
}

/** A snapshot's value of a field as the save path takes it (a field the snapshot predates: empty). */
function valueOf(field: Field, snapshot: Row): unknown {
  const key = refKey(field);
  if (!(key in snapshot)) return emptyValue(field);
  if (field.type === 'ref') return (snapshot[key] as Ref)?.id ?? null;
  return snapshot[key];
}

export async function restoreEntry(
  db: Db,
  entityType: EntryType,
  entityId: string,
  recordId: string,
  version: number,
  context: WriteContext,
  side: RestoreSide = 'after',
): Promise<WriteOutcome> {
  const plan = await planRestore(db, entityType, entityId, recordId, side);
  if (!plan) return { ok: false, reason: 'not-found' };
  const snapshot = plan.snapshot as unknown as Row;
  const input: Row = Object.fromEntries(editableFields(ENTRY_DEFS[entityType]).map((field) => [field.key, valueOf(field, snapshot)]));
  Object.assign(input, linkHooksOf(entityType)?.inputOf(plan.snapshot));
  const outcome = await saveEntry(db, entityType, { id: entityId, version, input: input as unknown as EntryInputs[typeof entityType] }, { ...context, verb: 'restore' });
  return outcome.ok ? { ...outcome, skipped: plan.skipped } : (outcome as WriteOutcome);
}

// ---------------------------------------------------------------------------------------
// "Recréer cette fiche": a DELETED entry is written back from a snapshot of its history (the
// deletion's "before", or any earlier version's "after"). Same id, so that its history goes
// on where it stopped; as a DRAFT, so that nothing comes back to the public site unreviewed;
// version one past the last recorded one, so that versions keep rising. Links to entries that
// still exist come back (planRestore above filters them); the entries on their other side are
// bumped and recorded like for any link change (watchLinkedEntries).

export type RecreateOutcome = WriteOutcome | { ok: false; reason: 'exists' };

/** The newest deletion record of the entry, for « Cette fiche a été supprimée le … par … ». */
export async function findDeletion(db: Db, entityType: EntryType, entityId: string) {
  return db.auditLog.findFirst({
    where: { entityType, entityId, action: entryAuditAction(entityType, 'delete') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, createdAt: true, actor: { select: { name: true } } },
  });
}

/** True when the entry's row exists now. */
export async function entryExists(db: Pick<Db, 'need' | 'solution' | 'provider' | 'theme'>, entityType: EntryType, id: string): Promise<boolean> {
  const rows = await delegateOf(db, entityType).findMany({ where: { id: { in: [id] } }, select: { id: true, slug: true } });
  return rows.length > 0;
}

/** The highest version any record of the entry mentions (before or after). */
async function lastRecordedVersion(tx: Tx, entityType: EntryType, entityId: string): Promise<number> {
  const rows = await tx.auditLog.findMany({ where: { entityType, entityId, action: { startsWith: `${entityType.toLowerCase()}.` } }, select: { before: true, after: true } });
  let last = 0;
  for (const row of rows) {
    for (const snapshot of [row.before, row.after] as unknown[]) {
      const version = (snapshot as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && version > last) last = version;
    }
  }
  return last;
}

/** The entries on the other side of the references and links the recreated entry gets back. */
function linkedKeys(entityType: EntryType, snapshot: EntrySnapshot): EntryKey[] {
  const refs = refFields(entityType).flatMap((field): EntryKey[] => {
    const ref = ((snapshot as unknown as Row)[field.relation] ?? null) as Ref;
    return ref ? [{ entityType: field.target, id: ref.id }] : [];
  });
  return [...(linkHooksOf(entityType)?.linkedKeys(snapshot) ?? []), ...refs];
}

/** The row of a recreated entry: every field of the snapshot (its verification date too), as a draft. */
async function insertEntry(tx: Tx, entityType: EntryType, id: string, snapshot: EntrySnapshot, slug: string, version: number): Promise<void> {
  const values = snapshot as unknown as Row;
  const data: Row = { id, slug, version, status: 'DRAFT' };
  for (const field of fieldsOf(ENTRY_DEFS[entityType])) {
    if (field.key === 'status') continue;
    const value = valueOf(field, values);
    data[field.key] = field.type === 'date' ? (value ? new Date(String(value)) : null) : value;
  }
  await tableOf(tx, entityType).create({ data, select: { id: true } });
  await linkHooksOf(entityType)?.insert(tx, id, snapshot);
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2002';

/**
 * Recreates a deleted entry from one of its history records (`side` as for planRestore).
 * Refused with 'exists' when the row is there (never deleted, or recreated already).
 */
export async function recreateEntry(
  db: Db,
  entityType: EntryType,
  entityId: string,
  recordId: string,
  side: RestoreSide,
  context: WriteContext,
): Promise<RecreateOutcome> {
  if (await entryExists(db, entityType, entityId)) return { ok: false, reason: 'exists' };
  const plan = await planRestore(db, entityType, entityId, recordId, side);
  if (!plan) return { ok: false, reason: 'not-found' };
  const run = () =>
    inTransaction(db, async (tx) => {
      // Checked again inside: a second click, or another member, may have been quicker.
      if (await entryExists(tx, entityType, entityId)) throw new RecreateExists();
      const snapshot = plan.snapshot;
      const taken = await delegateOf(tx, entityType).findMany({ where: { slug: snapshot.slug }, select: { id: true, slug: true } });
      const slug = taken.length === 0 ? snapshot.slug : await uniqueSlug(tx, ENTRY_DEFS[entityType].table, String((snapshot as unknown as Row)[ENTRY_DEFS[entityType].titleField]));
      const version = (await lastRecordedVersion(tx, entityType, entityId)) + 1;
      const linked = await watchLinkedEntries(tx, linkedKeys(entityType, snapshot), context);
      await insertEntry(tx, entityType, entityId, snapshot, slug, version);
      const after = (await loadEntrySnapshot(tx, entityType, entityId))!;
      await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb: 'restore', entityType, entityId, before: null, after });
      await linked.record();
      return { ok: true as const, id: entityId, slug, version, verb: 'restore' as const, skipped: plan.skipped };
    });
  try {
    return await withSlugRetry(run);
  } catch (error) {
    if (error instanceof RecreateExists) return { ok: false, reason: 'exists' };
    // Two recreations at once: the second one's insert meets the first one's id.
    if (isUniqueViolation(error) && (await entryExists(db, entityType, entityId))) return { ok: false, reason: 'exists' };
    throw error;
  }
}

class RecreateExists extends Error {}

