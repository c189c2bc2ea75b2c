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
import { recordAudit, type AuditActor } from '@/lib/security/audit';

export const ENTRY_TYPES = ['Need', 'Solution', 'Provider', 'Theme'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/** What happened to the entry; the audit action is "<type>.<verb>", e.g. "need.update". */
export const ENTRY_VERBS = ['create', 'update', 'publish', 'unpublish', 'archive', 'verify', 'restore', 'delete', 'import', 'suggestion'] as const;
export type EntryVerb = (typeof ENTRY_VERBS)[number];

export type EntryRef = { id: string; label: string };

type Common = {
  slug: string;
  status: string;
  version: number;
};

type Verification = {
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
};

export type ThemeSnapshot = Common & { name: string; description: string; position: number };

export type NeedSnapshot = Common &
  Verification & {
    kind: string;
    title: string;
    description: string;
    note: string;
    position: number;
    theme: EntryRef | null;
    /** Solutions answering this need, in the need's order. */
    solutions: (EntryRef & { position: number })[];
    /** "Lié à…": outgoing links to other needs. */
    links: (EntryRef & { note: string })[];
  };

export type SolutionSnapshot = Common &
  Verification & {
    title: string;
    description: string;
    availability: string;
    kinds: string[];
    cost: string;
    /** Absent from snapshots taken before it existed. */
    inferredFields?: string[];
    parent: EntryRef | null;
    needs: EntryRef[];
    /** `isRoleInferred` only when true, so that older snapshots compare equal. */
    providers: (EntryRef & { role: string; isRoleInferred?: true })[];
  };

export type ProviderSnapshot = Common &
  Verification & {
    name: string;
    alternateName: string;
    kind: string;
    description: string;
    website: string;
    email: string;
    phone: string;
    regions: string[];
    audiences: string[];
    cost: string;
    formats: string[];
    languages: string[];
  };

export type EntrySnapshotByType = {
  Need: NeedSnapshot;
  Solution: SolutionSnapshot;
  Provider: ProviderSnapshot;
  Theme: ThemeSnapshot;
};
export type EntrySnapshot = EntrySnapshotByType[EntryType];

type SnapshotReader = Pick<Prisma.TransactionClient, 'need' | 'solution' | 'provider' | 'theme'>;

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);
const byLabel = <T extends EntryRef>(items: T[]): T[] =>
  [...items].sort((a, b) => a.label.localeCompare(b.label, 'fr') || a.id.localeCompare(b.id));

async function loadNeed(db: SnapshotReader, id: string): Promise<NeedSnapshot | null> {
  const row = await db.need.findUnique({
    where: { id },
    select: {
      slug: true, status: true, version: true, verifiedAt: true, toVerify: true, verifyNote: true,
      kind: true, title: true, description: true, note: true, position: true,
      theme: { select: { id: true, name: true } },
      solutions: { select: { position: true, solution: { select: { id: true, title: true } } }, orderBy: [{ position: 'asc' }, { solutionId: 'asc' }] },
      linksFrom: { select: { note: true, to: { select: { id: true, title: true } } } },
    },
  });
  if (!row) return null;
  return {
    slug: row.slug, status: row.status, version: row.version,
    verifiedAt: iso(row.verifiedAt), toVerify: row.toVerify, verifyNote: row.verifyNote,
    kind: row.kind, title: row.title, description: row.description, note: row.note, position: row.position,
    theme: row.theme ? { id: row.theme.id, label: row.theme.name } : null,
    solutions: row.solutions.map((link) => ({ id: link.solution.id, label: link.solution.title, position: link.position })),
    links: byLabel(row.linksFrom.map((link) => ({ id: link.to.id, label: link.to.title, note: link.note }))),
  };
}

async function loadSolution(db: SnapshotReader, id: string): Promise<SolutionSnapshot | null> {
  const row = await db.solution.findUnique({
    where: { id },
    select: {
      slug: true, status: true, version: true, verifiedAt: true, toVerify: true, verifyNote: true,
      title: true, description: true, availability: true, kinds: true, cost: true, inferredFields: true,
      parent: { select: { id: true, title: true } },
      needs: { select: { need: { select: { id: true, title: true } } } },
      providers: { select: { role: true, isRoleInferred: true, provider: { select: { id: true, name: true } } } },
    },
  });
  if (!row) return null;
  return {
    slug: row.slug, status: row.status, version: row.version,
    verifiedAt: iso(row.verifiedAt), toVerify: row.toVerify, verifyNote: row.verifyNote,
    title: row.title, description: row.description, availability: row.availability,
    kinds: [...row.kinds].sort(), cost: row.cost, inferredFields: [...row.inferredFields].sort(),
    parent: row.parent ? { id: row.parent.id, label: row.parent.title } : null,
    needs: byLabel(row.needs.map((link) => ({ id: link.need.id, label: link.need.title }))),
    providers: byLabel(
      row.providers.map((link) => ({
        id: link.provider.id,
        label: link.provider.name,
        role: link.role,
        ...(link.isRoleInferred ? { isRoleInferred: true as const } : {}),
      })),
    ).sort(
      (a, b) => a.label.localeCompare(b.label, 'fr') || a.role.localeCompare(b.role),
    ),
  };
}

async function loadProvider(db: SnapshotReader, id: string): Promise<ProviderSnapshot | null> {
  const row = await db.provider.findUnique({
    where: { id },
    select: {
      slug: true, status: true, version: true, verifiedAt: true, toVerify: true, verifyNote: true,
      name: true, alternateName: true, kind: true, description: true, website: true, email: true, phone: true,
      regions: true, audiences: true, cost: true, formats: true, languages: true,
    },
  });
  if (!row) return null;
  return {
    ...row,
    verifiedAt: iso(row.verifiedAt),
    regions: [...row.regions].sort(),
    audiences: [...row.audiences].sort(),
    formats: [...row.formats].sort(),
    languages: [...row.languages],
  };
}

async function loadTheme(db: SnapshotReader, id: string): Promise<ThemeSnapshot | null> {
  return db.theme.findUnique({
    where: { id },
    select: { slug: true, status: true, version: true, name: true, description: true, position: true },
  });
}

/** The entry as it is now in this transaction, or null when it does not exist. */
export async function loadEntrySnapshot<T extends EntryType>(db: SnapshotReader, entityType: T, id: string): Promise<EntrySnapshotByType[T] | null>;
export async function loadEntrySnapshot(db: SnapshotReader, entityType: EntryType, id: string): Promise<EntrySnapshot | null> {
  switch (entityType) {
    case 'Need':
      return loadNeed(db, id);
    case 'Solution':
      return loadSolution(db, id);
    case 'Provider':
      return loadProvider(db, id);
    case 'Theme':
      return loadTheme(db, id);
  }
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
