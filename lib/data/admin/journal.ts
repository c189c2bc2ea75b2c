import 'server-only';
// The audit log for /admin/journal (ADMIN): every entry change and member action, newest
// first, by page, filtered by kind of record and by member.
import { z } from 'zod';
import { delegateOf, type Db } from '@/lib/data/admin/write';
import { entryAuditAction, isEntryType, type EntryType } from '@/lib/history/snapshot';

export const JOURNAL_PAGE_SIZE = 50;
export const JOURNAL_TYPES = ['Need', 'Solution', 'Provider', 'Theme', 'User', 'Suggestion'] as const;

export type JournalFilter = { entityType: (typeof JOURNAL_TYPES)[number] | null; actorId: string | null; page: number };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseJournalFilter(query: Record<string, string | string[] | undefined>): JournalFilter {
  return {
    entityType: z.enum(JOURNAL_TYPES).nullable().catch(null).parse(first(query.type) ?? null),
    actorId: z.string().regex(/^[a-z0-9]{20,40}$/).nullable().catch(null).parse(first(query.membre) ?? null),
    page: z.coerce.number().int().min(1).max(100_000).catch(1).parse(first(query.page) ?? 1),
  };
}

export type JournalRow = { id: string; action: string; entityType: string; entityId: string; actorName: string | null; ip: string | null; createdAt: string; label: string | null;
  /** A deletion whose entry is still gone: the journal offers « Recréer cette fiche ». */
  recreatable: boolean;
};

export async function listJournal(db: Db, filter: JournalFilter): Promise<{ total: number; rows: JournalRow[]; members: { id: string; name: string }[] }> {
  const where = { ...(filter.entityType ? { entityType: filter.entityType } : {}), ...(filter.actorId ? { actorId: filter.actorId } : {}) };
  const [total, rows, members] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filter.page - 1) * JOURNAL_PAGE_SIZE,
      take: JOURNAL_PAGE_SIZE,
      select: { id: true, action: true, entityType: true, entityId: true, ip: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
    }),
    db.user.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true } }),
  ]);
  // Which deleted entries of this page are still gone (one query per type).
  const deletedIds = new Map<EntryType, string[]>();
  for (const row of rows) {
    if (isEntryType(row.entityType) && row.action === entryAuditAction(row.entityType, 'delete')) {
      deletedIds.set(row.entityType, [...(deletedIds.get(row.entityType) ?? []), row.entityId]);
    }
  }
  const existing = new Set<string>();
  for (const [entityType, ids] of deletedIds) {
    for (const found of await delegateOf(db, entityType).findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } })) existing.add(`${entityType}:${found.id}`);
  }
  const labelOf = (snapshot: unknown): string | null => {
    if (!snapshot || typeof snapshot !== 'object') return null;
    const record = snapshot as Record<string, unknown>;
    const value = record.title ?? record.name;
    return typeof value === 'string' ? value : null;
  };
  return {
    total,
    members,
    rows: rows.map((row) => ({
      id: row.id,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      actorName: row.actor?.name ?? null,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
      label: labelOf(row.after) ?? labelOf(row.before),
      recreatable: deletedIds.get(row.entityType as EntryType)?.includes(row.entityId) === true && row.action.endsWith('.delete') && !existing.has(`${row.entityType}:${row.entityId}`),
    })),
  };
}
