// Member accounts: every write that changes who may sign in, each in one transaction with
// its audit entry. Takes the Prisma client as a parameter (the app passes getDb(); the
// command line and the tests pass their own), and returns results rather than throwing
// for the cases a person can cause (address taken, last admin…).
//
// Rules kept here, whoever calls:
//  - a one-time link (invitation or reset) is valid 7 days, once, and only the newest one;
//  - deactivating, resetting, changing the role or setting a new password bumps
//    sessionVersion: every session opened before stops working at its next request;
//  - there is always at least one active ADMIN.
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import type { InvitationPurpose, UserRole } from '@/lib/generated/prisma/enums';
import { MEMBER_AUDIT_ACTIONS, recordAudit, type AuditActor } from '@/lib/security/audit';
import { hashPassword } from '@/lib/security/password';
import { ACCESS_LINK_TTL_MS, generateToken, hashToken, isWellFormedToken } from '@/lib/security/tokens';
import { normalizeEmail } from '@/lib/validation/user';

type Db = PrismaClient;
type Tx = Prisma.TransactionClient;

/** What the audit log keeps of a member: never the hash, never a token. */
export type MemberSnapshot = { email: string; name: string; role: UserRole; isActive: boolean };

export function memberSnapshot(user: MemberSnapshot): MemberSnapshot {
  return { email: user.email, name: user.name, role: user.role, isActive: user.isActive };
}

const snapshotSelect = { id: true, email: true, name: true, role: true, isActive: true } as const;

export type MemberRefusal = 'email-taken' | 'not-found' | 'last-admin' | 'inactive' | 'exists';
export type Refused = { ok: false; reason: MemberRefusal };

// Member changes take this lock (one transaction at a time) so that two admins demoting
// each other at the same moment cannot leave the site without an admin.
const MEMBERS_LOCK_KEY = 4_815_162_342;

async function lockMembers(tx: Tx): Promise<void> {
  await tx.$queryRaw`SELECT 1 AS locked FROM pg_advisory_xact_lock(${MEMBERS_LOCK_KEY}::bigint)`;
}

async function otherActiveAdmins(tx: Tx, userId: string): Promise<number> {
  return tx.user.count({ where: { role: 'ADMIN', isActive: true, id: { not: userId } } });
}

/** Unused links of a member stop working (a newer one replaces them, or the member left). */
async function revokePendingLinks(tx: Tx, userId: string, now: Date): Promise<void> {
  await tx.invitationToken.updateMany({ where: { userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
}

async function createAccessLink(tx: Tx, userId: string, purpose: InvitationPurpose, createdById: string | null, now: Date): Promise<string> {
  await revokePendingLinks(tx, userId, now);
  const token = generateToken();
  await tx.invitationToken.create({
    data: { tokenHash: hashToken(token), purpose, userId, createdById, expiresAt: new Date(now.getTime() + ACCESS_LINK_TTL_MS), createdAt: now },
    select: { id: true },
  });
  return token;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

// --- Invitation, creation -------------------------------------------------------------

export type AccessLinkIssued = { ok: true; userId: string; token: string; expiresAt: Date };

/** A new member without a password yet, and the one-time link where they choose it. */
export async function inviteMember(
  db: Db,
  input: { name: string; email: string; role: UserRole },
  actor: AuditActor,
  now = new Date(),
): Promise<AccessLinkIssued | Refused> {
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: normalizeEmail(input.email), role: input.role },
        select: snapshotSelect,
      });
      const token = await createAccessLink(tx, user.id, 'INVITE', actor.actorId, now);
      await recordAudit(tx, { ...actor, action: MEMBER_AUDIT_ACTIONS.invite, entityType: 'User', entityId: user.id, after: memberSnapshot(user) });
      return { ok: true as const, userId: user.id, token, expiresAt: new Date(now.getTime() + ACCESS_LINK_TTL_MS) };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'email-taken' };
    throw error;
  }
}

/**
 * First admin, from the command line: with a password (typed at a terminal) or with a
 * one-time link to choose it. Refused when the address already has an account.
 */
export async function createAdmin(
  db: Db,
  input: { email: string; name: string; password?: string },
  now = new Date(),
): Promise<{ ok: true; userId: string; token: string | null } | Refused> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { name: input.name, email: normalizeEmail(input.email), role: 'ADMIN', passwordHash },
        select: snapshotSelect,
      });
      const token = passwordHash ? null : await createAccessLink(tx, user.id, 'INVITE', null, now);
      await recordAudit(tx, { actorId: null, action: MEMBER_AUDIT_ACTIONS.create, entityType: 'User', entityId: user.id, after: memberSnapshot(user) });
      return { ok: true as const, userId: user.id, token };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: 'exists' };
    throw error;
  }
}

/**
 * An active ADMIN with this password, created or updated: the browser tests' known admin
 * (scripts/test.ts). Not for production use: it overwrites the password.
 */
export async function ensureAdminWithPassword(db: Db, input: { email: string; name: string; password: string }): Promise<string> {
  const email = normalizeEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  const user = await db.user.upsert({
    where: { email },
    create: { email, name: input.name, role: 'ADMIN', passwordHash },
    update: { name: input.name, role: 'ADMIN', isActive: true, passwordHash, sessionVersion: { increment: 1 } },
    select: { id: true },
  });
  return user.id;
}

// --- Changes by an admin --------------------------------------------------------------

/** New one-time link; the old password and every open session stop working now. */
export async function resetMemberAccess(db: Db, userId: string, actor: AuditActor, now = new Date()): Promise<AccessLinkIssued | Refused> {
  return db.$transaction(async (tx) => {
    await lockMembers(tx);
    const before = await tx.user.findUnique({ where: { id: userId }, select: snapshotSelect });
    if (!before) return { ok: false as const, reason: 'not-found' as const };
    if (!before.isActive) return { ok: false as const, reason: 'inactive' as const };
    await tx.user.update({ where: { id: userId }, data: { passwordHash: null, sessionVersion: { increment: 1 } }, select: { id: true } });
    const token = await createAccessLink(tx, userId, 'RESET', actor.actorId, now);
    await recordAudit(tx, {
      ...actor,
      action: MEMBER_AUDIT_ACTIONS.accessReset,
      entityType: 'User',
      entityId: userId,
      before: memberSnapshot(before),
      after: memberSnapshot(before),
    });
    return { ok: true as const, userId, token, expiresAt: new Date(now.getTime() + ACCESS_LINK_TTL_MS) };
  });
}

export type MemberChanged = { ok: true; before: MemberSnapshot; after: MemberSnapshot; changed: boolean };

export async function changeMemberRole(db: Db, userId: string, role: UserRole, actor: AuditActor): Promise<MemberChanged | Refused> {
  return db.$transaction(async (tx) => {
    await lockMembers(tx);
    const before = await tx.user.findUnique({ where: { id: userId }, select: snapshotSelect });
    if (!before) return { ok: false as const, reason: 'not-found' as const };
    if (before.role === role) return { ok: true as const, before, after: before, changed: false };
    if (before.role === 'ADMIN' && before.isActive && (await otherActiveAdmins(tx, userId)) === 0) {
      return { ok: false as const, reason: 'last-admin' as const };
    }
    const after = await tx.user.update({ where: { id: userId }, data: { role, sessionVersion: { increment: 1 } }, select: snapshotSelect });
    await recordAudit(tx, {
      ...actor,
      action: MEMBER_AUDIT_ACTIONS.roleChange,
      entityType: 'User',
      entityId: userId,
      before: memberSnapshot(before),
      after: memberSnapshot(after),
    });
    return { ok: true as const, before: memberSnapshot(before), after: memberSnapshot(after), changed: true };
  });
}

/** Deactivation takes effect at the member's next request; their pending links die too. */
export async function setMemberActive(db: Db, userId: string, isActive: boolean, actor: AuditActor, now = new Date()): Promise<MemberChanged | Refused> {
  return db.$transaction(async (tx) => {
    await lockMembers(tx);
    const before = await tx.user.findUnique({ where: { id: userId }, select: snapshotSelect });
    if (!before) return { ok: false as const, reason: 'not-found' as const };
    if (before.isActive === isActive) return { ok: true as const, before, after: before, changed: false };
    if (!isActive && before.role === 'ADMIN' && (await otherActiveAdmins(tx, userId)) === 0) {
      return { ok: false as const, reason: 'last-admin' as const };
    }
    const after = await tx.user.update({ where: { id: userId }, data: { isActive, sessionVersion: { increment: 1 } }, select: snapshotSelect });
    if (!isActive) await revokePendingLinks(tx, userId, now);
    await recordAudit(tx, {
      ...actor,
      action: isActive ? MEMBER_AUDIT_ACTIONS.reactivate : MEMBER_AUDIT_ACTIONS.deactivate,
      entityType: 'User',
      entityId: userId,
      before: memberSnapshot(before),
      after: memberSnapshot(after),
    });
    return { ok: true as const, before: memberSnapshot(before), after: memberSnapshot(after), changed: true };
  });
}

// --- The member's side of a link ------------------------------------------------------

export type ValidAccessLink = {
  userId: string;
  name: string;
  email: string;
  purpose: InvitationPurpose;
  expiresAt: Date;
};

/** The link's member when it can still be used (unused, newest, not expired, member active). */
export async function findValidAccessLink(db: Db, token: string, now = new Date()): Promise<ValidAccessLink | null> {
  if (!isWellFormedToken(token)) return null;
  const link = await db.invitationToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, expiresAt: true, usedAt: true, revokedAt: true, user: { select: { id: true, name: true, email: true, isActive: true } } },
  });
  if (!link || link.usedAt || link.revokedAt || link.expiresAt <= now || !link.user.isActive) return null;
  return { userId: link.user.id, name: link.user.name, email: link.user.email, purpose: link.purpose, expiresAt: link.expiresAt };
}

/**
 * Uses the link once: sets the name and password, ends older sessions. The conditional
 * update makes "once" hold even when the form is sent twice at the same moment.
 */
export async function acceptAccessLink(
  db: Db,
  input: { token: string; name: string; password: string },
  actor: Omit<AuditActor, 'actorId'>,
  now = new Date(),
): Promise<{ ok: true; userId: string; email: string } | { ok: false; reason: 'invalid' }> {
  if (!isWellFormedToken(input.token)) return { ok: false, reason: 'invalid' };
  // Hashed before the transaction: Argon2 takes tens of milliseconds, locks should not.
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const tokenHash = hashToken(input.token);
    const claimed = await tx.invitationToken.updateMany({
      where: { tokenHash, usedAt: null, revokedAt: null, expiresAt: { gt: now }, user: { isActive: true } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) return { ok: false as const, reason: 'invalid' as const };
    const link = await tx.invitationToken.findUniqueOrThrow({ where: { tokenHash }, select: { userId: true, purpose: true } });
    const before = await tx.user.findUniqueOrThrow({ where: { id: link.userId }, select: snapshotSelect });
    const after = await tx.user.update({
      where: { id: link.userId },
      data: { name: input.name, passwordHash, sessionVersion: { increment: 1 } },
      select: snapshotSelect,
    });
    await revokePendingLinks(tx, link.userId, now);
    await recordAudit(tx, {
      actorId: link.userId,
      ip: actor.ip,
      action: MEMBER_AUDIT_ACTIONS.passwordSet,
      entityType: 'User',
      entityId: link.userId,
      before: memberSnapshot(before),
      after: { ...memberSnapshot(after), via: link.purpose === 'INVITE' ? 'invitation' : 'reinitialisation' },
    });
    return { ok: true as const, userId: link.userId, email: after.email };
  });
}
