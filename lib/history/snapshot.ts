// What the history keeps of an entry: one JSON snapshot per change, before and after, in
// the audit log (AuditLog.before / AuditLog.after). Every writer of entries (admin forms,
// suggestions, import, restore) builds them here, so that a history page can diff any two
// versions and "restore this version" can write one back.
//
// Links are stored by id (stable across renames) with the label they had at the time
// (readable in a diff even after the other entry is deleted), sorted so that the same links
// always give the same JSON. Dates are ISO strings. No secrets live on these tables.
//
// Usage, inside the transaction that makes the change:
//   const before = await loadEntrySnapshot(tx, 'Need', id);
//   await tx.need.update({ where: { id, version }, data: { ..., version: { increment: 1 } } });
//   const after = await loadEntrySnapshot(tx, 'Need', id);
//   await recordEntryChange(tx, { actorId, ip, verb: 'update', entityType: 'Need', entityId: id, before, after });
import type { Prisma } from '@/lib/generated/prisma/client';
import { contentFields, inColumnOrder, verificationFieldsOf, type Field } from '@/lib/entries/fields';
import { ENTRY_DEFS, type EntryDefs } from '@/lib/entries/registry';
import { ENTRY_TYPES, type EntryType, type FieldKey, type RefKeyOf } from '@/lib/entries/types';
import { recordAudit, type AuditActor } from '@/lib/security/audit';

export { ENTRY_TYPES, type EntryType };

/** What happened to the entry; the audit action is "<type>.<verb>", e.g. "need.update". */
export const ENTRY_VERBS = ['create', 'update', 'publish', 'unpublish', 'archive', 'verify', 'restore', 'delete', 'import', 'suggestion', 'organization-confirm', 'organization-update', 'unanswered'] as const;
export type EntryVerb = (typeof ENTRY_VERBS)[number];

export type EntryRef = { id: string; label: string };

type Common = {
  slug: string;
  status: string;
  version: number;
};

/**
 * A field as a snapshot keeps it: codes as plain strings (an old snapshot may hold a code
 * that no longer exists), dates as ISO strings, a reference as its id and label.
 */
type SnapshotValue<F> = F extends { type: 'ref' }
  ? EntryRef | null
  : F extends { type: 'date' }
    ? string | null
    : F extends { type: 'multiChoice' | 'languages' }
      ? string[]
      : F extends { type: 'choice' }
        ? string
        : F extends { type: 'bool' }
          ? boolean
          : F extends { type: 'int' }
            ? number
            : string;

/** Every field of a definition but the state (in Common), keyed as snapshots key them. */
type SnapshotFields<D extends EntryDefs[EntryType]> = {
  -readonly [K in Exclude<FieldKey<D>, 'status'> as RefKeyOf<D['fields'][K], K>]: SnapshotValue<D['fields'][K]>;
};

export type ThemeSnapshot = Common & SnapshotFields<EntryDefs['Theme']>;

export type NeedSnapshot = Common &
  SnapshotFields<EntryDefs['Need']> & {
    /** Solutions answering this need, in the need's order. */
    solutions: (EntryRef & { position: number })[];
    /** "Lié à…": outgoing links to other needs. */
    links: (EntryRef & { note: string })[];
  };

export type SolutionSnapshot = Common &
  SnapshotFields<EntryDefs['Solution']> & {
    needs: EntryRef[];
    /** `isRoleInferred` only when true, so that older snapshots compare equal. */
    providers: (EntryRef & { role: string; isRoleInferred?: true })[];
  };

export type ProviderSnapshot = Common & SnapshotFields<EntryDefs['Provider']>;

export type EntrySnapshotByType = {
  Need: NeedSnapshot;
  Solution: SolutionSnapshot;
  Provider: ProviderSnapshot;
  Theme: ThemeSnapshot;
};
export type EntrySnapshot = EntrySnapshotByType[EntryType];

type SnapshotReader = Pick<Prisma.TransactionClient, 'need' | 'solution' | 'provider' | 'theme'>;
type Row = Record<string, unknown>;
/** Prisma's delegates have no common callable type: one loose signature, confined here. */
type Reader = { findUnique(args: { where: { id: string }; select: Row }): Promise<Row | null> };

const iso = (date: unknown): string | null => (date instanceof Date ? date.toISOString() : null);
const byLabel = <T extends EntryRef>(items: T[]): T[] =>
  [...items].sort((a, b) => a.label.localeCompare(b.label, 'fr') || a.id.localeCompare(b.id));

// The links a snapshot lists (real per-kind behaviour: need ↔ solution with its order,
// need → need with its note, solution ↔ provider with its role).
type LinkRow<K extends string, T> = Record<K, T[]>;
const SNAPSHOT_LINKS: Partial<Record<EntryType, { select: Row; read(row: Row): Row }>> = {
  Need: {
    select: {
      solutions: { select: { position: true, solution: { select: { id: true, title: true } } }, orderBy: [{ position: 'asc' }, { solutionId: 'asc' }] },
      linksFrom: { select: { note: true, to: { select: { id: true, title: true } } } },
    },
    read(row) {
      const { solutions, linksFrom } = row as LinkRow<'solutions', { position: number; solution: { id: string; title: string } }> &
        LinkRow<'linksFrom', { note: string; to: { id: string; title: string } }>;
      return {
        solutions: solutions.map((link) => ({ id: link.solution.id, label: link.solution.title, position: link.position })),
        links: byLabel(linksFrom.map((link) => ({ id: link.to.id, label: link.to.title, note: link.note }))),
      };
    },
  },
  Solution: {
    select: {
      needs: { select: { need: { select: { id: true, title: true } } } },
      providers: { select: { role: true, isRoleInferred: true, provider: { select: { id: true, name: true } } } },
    },
    read(row) {
      const { needs, providers } = row as LinkRow<'needs', { need: { id: string; title: string } }> &
        LinkRow<'providers', { role: string; isRoleInferred: boolean; provider: { id: string; name: string } }>;
      return {
        needs: byLabel(needs.map((link) => ({ id: link.need.id, label: link.need.title }))),
        providers: byLabel(
          providers.map((link) => ({ id: link.provider.id, label: link.provider.name, role: link.role, ...(link.isRoleInferred ? { isRoleInferred: true as const } : {}) })),
        ).sort((a, b) => a.label.localeCompare(b.label, 'fr') || a.role.localeCompare(b.role)),
      };
    },
  },
};

/** Its state and verification first, then what it says, in the open data's order. */
function snapshotFields(type: EntryType): Field[] {
  const def = ENTRY_DEFS[type];
  return [...verificationFieldsOf(def), ...inColumnOrder(def, contentFields(def))];
}

function snapshotSelect(type: EntryType): Row {
  const select: Row = { slug: true, status: true, version: true };
  for (const field of snapshotFields(type)) {
    if (field.type === 'ref') select[field.relation] = { select: { id: true, [ENTRY_DEFS[field.target].titleField]: true } };
    else select[field.key] = true;
  }
  return { ...select, ...SNAPSHOT_LINKS[type]?.select };
}

function snapshotValue(field: Field, row: Row): [string, unknown] {
  switch (field.type) {
    case 'ref': {
      const target = row[field.relation] as Row | null;
      return [field.relation, target ? { id: target.id, label: target[ENTRY_DEFS[field.target].titleField] } : null];
    }
    case 'date':
      return [field.key, iso(row[field.key])];
    case 'multiChoice':
      return [field.key, [...(row[field.key] as string[])].sort()];
    case 'languages':
      return [field.key, [...(row[field.key] as string[])]];
    default:
      return [field.key, row[field.key]];
  }
}

async function loadSnapshot(db: SnapshotReader, type: EntryType, id: string): Promise<EntrySnapshot | null> {
  const reader = db[ENTRY_DEFS[type].table] as unknown as Reader;
  const row = await reader.findUnique({ where: { id }, select: snapshotSelect(type) });
  if (!row) return null;
  return {
    slug: row.slug,
    status: row.status,
    version: row.version,
    ...Object.fromEntries(snapshotFields(type).map((field) => snapshotValue(field, row))),
    ...SNAPSHOT_LINKS[type]?.read(row),
  } as EntrySnapshot;
}

/** The entry as it is now in this transaction, or null when it does not exist. */
export async function loadEntrySnapshot<T extends EntryType>(db: SnapshotReader, entityType: T, id: string): Promise<EntrySnapshotByType[T] | null>;
export async function loadEntrySnapshot(db: SnapshotReader, entityType: EntryType, id: string): Promise<EntrySnapshot | null> {
  return loadSnapshot(db, entityType, id);
}

export function entryAuditAction(entityType: EntryType, verb: EntryVerb): string {
  return `${entityType.toLowerCase()}.${verb}`;
}

export type EntryChange = AuditActor & {
  verb: EntryVerb;
  entityType: EntryType;
  entityId: string;
  /** Null for a creation. */
  before: EntrySnapshot | null;
  /** Null for a deletion. */
  after: EntrySnapshot | null;
};

/** Writes one history record; call it in the same transaction as the change. */
export async function recordEntryChange(db: Pick<Prisma.TransactionClient, 'auditLog'>, change: EntryChange): Promise<void> {
  await recordAudit(db, {
    actorId: change.actorId,
    ip: change.ip,
    action: entryAuditAction(change.entityType, change.verb),
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before as Prisma.InputJsonValue | null,
    after: change.after as Prisma.InputJsonValue | null,
  });
}

export function isEntryType(value: string): value is EntryType {
  return (ENTRY_TYPES as readonly string[]).includes(value);
}
