import 'server-only';
// Authorization for every server action, route handler and admin page. Each of them calls
// requireUser() or requireRole() itself: layouts and proxy.ts are not a security boundary.
//
// The member is read from the database on every call, so that a deactivation, an access
// reset, a role change or signing out applies at the very next request (the session token
// only says who signed in, with which sessionVersion, when, and which session it is).
import { forbidden, redirect } from 'next/navigation';
import { getSession, SIGN_IN_PATH } from '@/lib/auth';
import { findSessionMember } from '@/lib/data/users';
import type { UserRole } from '@/lib/generated/prisma/enums';

export type CurrentUser = { id: string; name: string; email: string; role: UserRole };

type Resolution = { user: CurrentUser } | { user: null; reason: 'anonymous' | 'ended' };

async function resolveCurrentUser(): Promise<Resolution> {
  const session = await getSession();
  if (!session) return { user: null, reason: 'anonymous' };
  const row = await findSessionMember(session);
  // Deactivated, deleted, signed out, past 12 hours, or the session predates a reset /
  // role change / new password.
  if (!row) return { user: null, reason: 'ended' };
  return { user: { id: row.id, name: row.name, email: row.email, role: row.role } };
}

/** The signed-in member still allowed in, or null. For pages that show something either way. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await resolveCurrentUser()).user;
}

/** The signed-in, active member; anyone else is sent to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const resolution = await resolveCurrentUser();
  if (resolution.user) return resolution.user;
  redirect(resolution.reason === 'ended' ? `${SIGN_IN_PATH}?raison=session` : SIGN_IN_PATH);
}

const ROLE_RANK: Record<UserRole, number> = { EDITOR: 1, ADMIN: 2 };

/** ADMIN can do everything EDITOR can. */
export function hasRole(user: Pick<CurrentUser, 'role'>, role: UserRole): boolean {
  return ROLE_RANK[user.role] >= ROLE_RANK[role];
}

/** requireUser(), then a 403 page (app/admin/(espace)/forbidden.tsx) without the role. */
export async function requireRole(role: UserRole): Promise<CurrentUser> {
  const user = await requireUser();
  if (!hasRole(user, role)) forbidden();
  return user;
}
