import 'server-only';
// Reading the audit log (writes go through recordAudit() in lib/security/audit.ts, inside
// the transaction of the change). Plain objects for the pages; not cached.
import { getDb } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';

export { recordAudit, MEMBER_AUDIT_ACTIONS, type AuditActor, type AuditEntryInput } from '@/lib/security/audit';

export type AuditEntryDto = {
  id: string;
  action: string;
  entityType: string;
  entityId: string;
  /** Null for the command line, or when the member's account was deleted. */
  actorName: string | null;
  actorId: string | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  ip: string | null;
  createdAt: string;
};

export type AuditFilter = { entityType?: string; entityId?: string; actorId?: string; limit?: number };

/** Newest first. */
export async function listAuditEntries(filter: AuditFilter = {}): Promise<AuditEntryDto[]> {
  const rows = await getDb().auditLog.findMany({
    where: { entityType: filter.entityType, entityId: filter.entityId, actorId: filter.actorId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: Math.min(filter.limit ?? 50, 500),
    select: {
      id: true,
      action: true,
      entityType: true,
      entityId: true,
      actorId: true,
      before: true,
      after: true,
      ip: true,
      createdAt: true,
      actor: { select: { name: true } },
    },
  });
  return rows.map(({ actor, createdAt, ...row }) => ({ ...row, actorName: actor?.name ?? null, createdAt: createdAt.toISOString() }));
}
