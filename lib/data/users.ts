import 'server-only';
// Members as the admin pages and lib/authz.ts read them: plain objects, dates as ISO
// strings, never the password hash (omitted by lib/db.ts; `hasPassword` says enough).
// Not cached: who may do what must be read fresh on every request.
import { getDb } from '@/lib/db';
import type { UserRole } from '@/lib/generated/prisma/enums';
import { findValidAccessLink } from '@/lib/security/accounts';
import { isPastAbsoluteLifetime, type SessionClaims } from '@/lib/security/session-token';

/** What lib/authz.ts needs to accept or refuse a session. */
export type SessionUserRow = { id: string; name: string; email: string; role: UserRole; isActive: boolean; sessionVersion: number };

/**
 * The member a session cookie stands for, when the session may still act: the member is
 * active, the session is not older than their last reset / role change / new password
 * (sessionVersion), it was not signed out of (EndedSession), and it is within its 12 hours.
 * Null otherwise. One query.
 */
export async function findSessionMember(claims: SessionClaims): Promise<SessionUserRow | null> {
  if (isPastAbsoluteLifetime(claims)) return null;
  const row = await getDb().user.findUnique({
    where: { id: claims.sub },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      isActive: true,
      sessionVersion: true,
      endedSessions: { where: { id: claims.sid ?? '' }, select: { id: true } },
    },
  });
  if (!row || !row.isActive || row.sessionVersion !== claims.sv || row.endedSessions.length > 0) return null;
  return { id: row.id, name: row.name, email: row.email, role: row.role, isActive: row.isActive, sessionVersion: row.sessionVersion };
}

export type MemberDto = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  isActive: boolean;
  /** False until the member has chosen a password (or after an access reset). */
  hasPassword: boolean;
  /** Expiry of the newest unused link, when there is one still valid. */
  pendingLinkExpiresAt: string | null;
  lastSignInAt: string | null;
  createdAt: string;
};

const memberSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  isActive: true,
  passwordHash: true,
  lastSignInAt: true,
  createdAt: true,
  tokens: {
    where: { usedAt: null, revokedAt: null },
    orderBy: { expiresAt: 'desc' },
    take: 1,
    select: { expiresAt: true },
  },
} as const;

type MemberRow = {
  id: string;
  name: string;
  email: string;
  role: UserRole;
  isActive: boolean;
  passwordHash: string | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  tokens: { expiresAt: Date }[];
};

function toMemberDto(row: MemberRow, now: Date): MemberDto {
  const pending = row.tokens[0]?.expiresAt;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    isActive: row.isActive,
    hasPassword: row.passwordHash !== null,
    pendingLinkExpiresAt: pending && pending > now ? pending.toISOString() : null,
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Active members first, then by name. */
export async function listMembers(): Promise<MemberDto[]> {
  const rows = await getDb().user.findMany({ select: memberSelect, orderBy: [{ isActive: 'desc' }, { name: 'asc' }] });
  const now = new Date();
  return rows.map((row) => toMemberDto(row, now));
}

export async function getMember(id: string): Promise<MemberDto | null> {
  const row = await getDb().user.findUnique({ where: { id }, select: memberSelect });
  return row ? toMemberDto(row, new Date()) : null;
}

export type AccessLinkDto = { name: string; email: string; purpose: 'INVITE' | 'RESET'; expiresAt: string };

/** The member a one-time link belongs to, when it can still be used. */
export async function getAccessLink(token: string): Promise<AccessLinkDto | null> {
  const link = await findValidAccessLink(getDb(), token);
  return link ? { name: link.name, email: link.email, purpose: link.purpose, expiresAt: link.expiresAt.toISOString() } : null;
}
