// The audit log's only writer. Call it inside the transaction that makes the change, so
// that a change and its record are saved (or refused) together:
//
//   await db.$transaction(async (tx) => {
//     const before = await tx.need.findUniqueOrThrow(...);
//     const after = await tx.need.update(...);
//     await recordAudit(tx, { actor, action: 'need.update', entityType: 'Need', entityId: after.id, before, after });
//   });
//
// `before`/`after` are snapshots the caller picks: plain JSON, never a password hash or a
// token (see memberSnapshot in lib/security/accounts.ts).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

/** Who did it and from where: the member (null for the command line) and their address. */
export type AuditActor = { actorId: string | null; ip?: string | null };

export type AuditEntryInput = AuditActor & {
  /** Dotted verb: "member.invite", "need.update"… (see MEMBER_AUDIT_ACTIONS). */
  action: string;
  /** The model's name: "User", "Need", "Solution"… */
  entityType: string;
  entityId: string;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
};

export const MEMBER_AUDIT_ACTIONS = {
  create: 'member.create',
  invite: 'member.invite',
  accessReset: 'member.access-reset',
  passwordSet: 'member.password-set',
  roleChange: 'member.role-change',
  deactivate: 'member.deactivate',
  reactivate: 'member.reactivate',
} as const;

type AuditWriter = Pick<PrismaClient, 'auditLog'> | Pick<Prisma.TransactionClient, 'auditLog'>;

export async function recordAudit(db: AuditWriter, entry: AuditEntryInput): Promise<void> {
  await db.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      // undefined leaves the column NULL (Prisma wants JsonNull for an explicit null).
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
      ip: entry.ip ?? null,
    },
    select: { id: true },
  });
}
