import 'server-only';
// The history of one entry, read from the audit log (written by recordEntryChange in
// lib/history/snapshot.ts). Plain objects for the pages; not cached.
import { entryAuditAction, type EntrySnapshot, type EntryType } from '@/lib/history/snapshot';
import type { Db } from '@/lib/data/admin/write';

export type HistoryRecordDto = {
  id: string;
  action: string;
  actorName: string | null;
  createdAt: string;
  before: EntrySnapshot | null;
  after: EntrySnapshot | null;
};

export const HISTORY_PAGE_SIZE = 30;

const select = { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } } as const;

function toDto(row: { id: string; action: string; createdAt: Date; before: unknown; after: unknown; actor: { name: string } | null }): HistoryRecordDto {
  return {
    id: row.id,
    action: row.action,
    actorName: row.actor?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    before: (row.before ?? null) as EntrySnapshot | null,
    after: (row.after ?? null) as EntrySnapshot | null,
  };
}

/** Newest first; only records of entry changes (the snapshots), never other audit rows. */
export async function listEntryHistory(db: Db, entityType: EntryType, entityId: string, page = 1): Promise<{ total: number; records: HistoryRecordDto[] }> {
  const where = { entityType, entityId, action: { startsWith: `${entityType.toLowerCase()}.` } };
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (page - 1) * HISTORY_PAGE_SIZE, take: HISTORY_PAGE_SIZE, select }),
  ]);
  return { total, records: rows.map(toDto) };
}

export async function getHistoryRecord(db: Db, entityType: EntryType, entityId: string, recordId: string): Promise<HistoryRecordDto | null> {
  const row = await db.auditLog.findFirst({ where: { id: recordId, entityType, entityId }, select });
  if (!row || !row.action.startsWith(`${entityType.toLowerCase()}.`)) return null;
  return toDto(row);
}

/** True when the record can be restored: it kept the state after the change. */
export function isRestorable(record: HistoryRecordDto, entityType: EntryType): boolean {
  return record.after !== null && record.action !== entryAuditAction(entityType, 'delete');
}
