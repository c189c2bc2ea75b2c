// Signing out ends the session in the database, not only in the browser: a copy of the
// cookie taken before (another tab, a shared computer, a stolen copy) is refused from then
// on, by requireUser() and by next-auth's session endpoint alike (lib/data/users.ts), and
// is never renewed by the latter. Only that session ends: the member's other devices stay
// signed in. Takes the Prisma client as a parameter (the app passes getDb(), tests their own).
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { SESSION_ABSOLUTE_MAX_SECONDS, type SessionClaims } from '@/lib/security/session-token';

type Db = Pick<PrismaClient, 'endedSession' | 'user'>;

/**
 * Records the session as ended, until the time its cookie would be refused anyway (12 hours
 * after sign-in), and erases the records past that time. A cookie from before sessions had
 * an id cannot be ended alone: its member's sessionVersion is bumped (every session ends).
 */
export async function endSessionForGood(db: Db, claims: SessionClaims, now = new Date()): Promise<void> {
  if (!claims.sid) {
    await db.user.updateMany({ where: { id: claims.sub, sessionVersion: claims.sv }, data: { sessionVersion: { increment: 1 } } });
    return;
  }
  const expiresAt = new Date((claims.authTime + SESSION_ABSOLUTE_MAX_SECONDS) * 1000);
  await pruneEndedSessions(db, now);
  if (expiresAt <= now) return;
  // The member may have been deleted meanwhile: nothing to end then (no row to point to).
  if ((await db.user.count({ where: { id: claims.sub } })) === 0) return;
  await db.endedSession.upsert({
    where: { id: claims.sid },
    create: { id: claims.sid, userId: claims.sub, expiresAt, endedAt: now },
    update: {},
    select: { id: true },
  });
}

/** Erases the records of ended sessions whose cookie would be refused anyway; returns how many. */
export async function pruneEndedSessions(db: Pick<PrismaClient, 'endedSession'>, now = new Date()): Promise<number> {
  const { count } = await db.endedSession.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
