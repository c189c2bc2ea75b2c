// Member accounts against a real PostgreSQL (the vitest database): one-time links (single
// use, expiry, replacement, only a hash stored), sessionVersion revocation through
// requireUser(), the last-admin rule (also under concurrency), the audit log, and the
// global omit of password hashes in lib/db.ts.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionClaims } from '@/lib/security/session-token';
import { clearMemberTables, createMember, createTestClient, databaseUrl } from './helpers/members';

// The session getter is the only thing replaced: requireUser() reads the member from the
// database as in production.
const session = vi.hoisted(() => ({ current: null as SessionClaims | null }));
vi.mock('@/lib/auth', () => ({
  SIGN_IN_PATH: '/admin/connexion',
  getSession: async () => session.current,
  getRequestIp: async () => '203.0.113.10',
}));

const { requireRole, requireUser } = await import('@/lib/authz');
const { getDb } = await import('@/lib/db');
const accounts = await import('@/lib/security/accounts');
const { hashToken } = await import('@/lib/security/tokens');
const { verifyPassword } = await import('@/lib/security/password');

process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = 'true';

const now = () => Math.floor(Date.now() / 1000);
const DAY = 24 * 60 * 60 * 1000;

/** The digest Next gives the error thrown by redirect() / forbidden(). */
async function interruption(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string') return digest;
    throw error;
  }
}

describe.skipIf(!databaseUrl)('member accounts', () => {
  const prisma = createTestClient();
  const actor = { actorId: null, ip: '203.0.113.10' };

  beforeEach(async () => {
    session.current = null;
    await clearMemberTables(prisma);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await getDb().$disconnect();
  });

  describe('one-time links', () => {
    it('stores only the SHA-256 of the token and lets the member choose a password once', async () => {
      const invited = await accounts.inviteMember(prisma, { name: 'Ada', email: 'Ada@Exemple.org', role: 'EDITOR' }, actor);
      if (!invited.ok) throw new Error(invited.reason);
      const stored = await prisma.invitationToken.findFirstOrThrow({ where: { userId: invited.userId } });
      expect(stored.tokenHash).toBe(hashToken(invited.token));
      expect(JSON.stringify(stored)).not.toContain(invited.token);
      expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * DAY);

      expect(await accounts.findValidAccessLink(prisma, invited.token)).toMatchObject({ email: 'ada@exemple.org', name: 'Ada', purpose: 'INVITE' });
      const accepted = await accounts.acceptAccessLink(prisma, { token: invited.token, name: 'Ada L.', password: 'une phrase de passe' }, { ip: null });
      expect(accepted).toEqual({ ok: true, userId: invited.userId, email: 'ada@exemple.org' });
      const user = await prisma.user.findUniqueOrThrow({ where: { id: invited.userId } });
      expect(user.name).toBe('Ada L.');
      expect(await verifyPassword(user.passwordHash!, 'une phrase de passe')).toBe(true);

      // Second use: refused, password unchanged.
      expect(await accounts.findValidAccessLink(prisma, invited.token)).toBeNull();
      expect(await accounts.acceptAccessLink(prisma, { token: invited.token, name: 'Pirate', password: 'autre phrase de passe' }, { ip: null })).toEqual({
        ok: false,
        reason: 'invalid',
      });
      expect((await prisma.user.findUniqueOrThrow({ where: { id: invited.userId } })).name).toBe('Ada L.');
    });

    it('is used once even when sent twice at the same moment', async () => {
      const invited = await accounts.inviteMember(prisma, { name: 'Bo', email: 'bo@exemple.org', role: 'EDITOR' }, actor);
      if (!invited.ok) throw new Error(invited.reason);
      const results = await Promise.all(
        ['premier mot de passe', 'second mot de passe'].map((password) =>
          accounts.acceptAccessLink(prisma, { token: invited.token, name: 'Bo', password }, { ip: null }),
        ),
      );
      expect(results.filter((result) => result.ok)).toHaveLength(1);
    });

    it('expires after 7 days', async () => {
      const issuedAt = new Date('2026-01-10T10:00:00Z');
      const invited = await accounts.inviteMember(prisma, { name: 'Cy', email: 'cy@exemple.org', role: 'EDITOR' }, actor, issuedAt);
      if (!invited.ok) throw new Error(invited.reason);
      expect(await accounts.findValidAccessLink(prisma, invited.token, new Date(issuedAt.getTime() + 7 * DAY - 1000))).not.toBeNull();
      const late = new Date(issuedAt.getTime() + 7 * DAY + 1000);
      expect(await accounts.findValidAccessLink(prisma, invited.token, late)).toBeNull();
      expect(await accounts.acceptAccessLink(prisma, { token: invited.token, name: 'Cy', password: 'une phrase de passe' }, { ip: null }, late)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    });

    it('stops working when a newer link replaces it, or when the member is deactivated', async () => {
      const admin = await createMember(prisma, { role: 'ADMIN', password: 'mot de passe admin' });
      const invited = await accounts.inviteMember(prisma, { name: 'Di', email: 'di@exemple.org', role: 'EDITOR' }, actor);
      if (!invited.ok) throw new Error(invited.reason);
      const reset = await accounts.resetMemberAccess(prisma, invited.userId, { actorId: admin.id });
      if (!reset.ok) throw new Error(reset.reason);
      expect(await accounts.findValidAccessLink(prisma, invited.token)).toBeNull();
      expect(await accounts.findValidAccessLink(prisma, reset.token)).toMatchObject({ purpose: 'RESET' });

      await accounts.setMemberActive(prisma, invited.userId, false, { actorId: admin.id });
      expect(await accounts.findValidAccessLink(prisma, reset.token)).toBeNull();
      await accounts.setMemberActive(prisma, invited.userId, true, { actorId: admin.id });
      expect(await accounts.findValidAccessLink(prisma, reset.token)).toBeNull();
    });

    it('refuses malformed tokens without a query, and a second account for the same address', async () => {
      expect(await accounts.findValidAccessLink(prisma, "' OR 1=1 --")).toBeNull();
      expect(await accounts.findValidAccessLink(prisma, 'a'.repeat(43))).toBeNull();
      await accounts.inviteMember(prisma, { name: 'Ed', email: 'ed@exemple.org', role: 'EDITOR' }, actor);
      expect(await accounts.inviteMember(prisma, { name: 'Ed bis', email: 'ED@exemple.org ', role: 'ADMIN' }, actor)).toEqual({ ok: false, reason: 'email-taken' });
    });
  });

  describe('sessionVersion', () => {
    async function signedIn(memberId: string) {
      const user = await prisma.user.findUniqueOrThrow({ where: { id: memberId } });
      session.current = { sub: user.id, sv: user.sessionVersion, authTime: now() };
    }

    it('lets a current session in, and ends it at the next request after a deactivation, a reset or a role change', async () => {
      const admin = await createMember(prisma, { role: 'ADMIN', password: 'mot de passe admin' });
      const changes: Array<[string, (id: string) => Promise<unknown>]> = [
        ['deactivation', (id) => accounts.setMemberActive(prisma, id, false, { actorId: admin.id })],
        ['access reset', (id) => accounts.resetMemberAccess(prisma, id, { actorId: admin.id })],
        ['role change', (id) => accounts.changeMemberRole(prisma, id, 'ADMIN', { actorId: admin.id })],
      ];
      for (const [, change] of changes) {
        const member = await createMember(prisma, { password: 'mot de passe membre' });
        await signedIn(member.id);
        expect(await requireUser()).toMatchObject({ id: member.id, role: 'EDITOR' });
        await change(member.id);
        expect(await interruption(requireUser)).toBe('NEXT_REDIRECT;replace;/admin/connexion?raison=session;307;');
      }
    });

    it('ends older sessions when the member sets a new password', async () => {
      const invited = await accounts.inviteMember(prisma, { name: 'Flo', email: 'flo@exemple.org', role: 'EDITOR' }, actor);
      if (!invited.ok) throw new Error(invited.reason);
      await signedIn(invited.userId);
      await accounts.acceptAccessLink(prisma, { token: invited.token, name: 'Flo', password: 'une phrase de passe' }, { ip: null });
      expect(await interruption(requireUser)).toBe('NEXT_REDIRECT;replace;/admin/connexion?raison=session;307;');
    });

    it('refuses an anonymous visitor, a forged version, an unknown member and a session past 12 hours', async () => {
      expect(await interruption(requireUser)).toBe('NEXT_REDIRECT;replace;/admin/connexion;307;');
      const member = await createMember(prisma, { password: 'mot de passe membre' });
      session.current = { sub: member.id, sv: member.sessionVersion + 1, authTime: now() };
      expect(await interruption(requireUser)).toMatch(/raison=session/);
      session.current = { sub: 'clzzzzzzzzzzzzzzzzzzzzzzz', sv: 1, authTime: now() };
      expect(await interruption(requireUser)).toMatch(/raison=session/);
      session.current = { sub: member.id, sv: member.sessionVersion, authTime: now() - 13 * 60 * 60 };
      expect(await interruption(requireUser)).toMatch(/raison=session/);
    });

    it('ends the session signed out of, even for a copy of its cookie, and only that session', async () => {
      const { endSessionForGood } = await import('@/lib/security/sessions');
      const member = await createMember(prisma, { password: 'mot de passe membre' });
      const phone = { sub: member.id, sv: member.sessionVersion, authTime: now() - 60, sid: 'session-telephone' };
      const desk = { sub: member.id, sv: member.sessionVersion, authTime: now() - 60, sid: 'session-bureau' };
      await endSessionForGood(prisma, phone);
      session.current = phone;
      expect(await interruption(requireUser)).toBe('NEXT_REDIRECT;replace;/admin/connexion?raison=session;307;');
      session.current = desk;
      expect(await requireUser()).toMatchObject({ id: member.id });
      // Kept until the cookie would be refused anyway (12 hours after sign-in), then erased.
      const ended = await prisma.endedSession.findUniqueOrThrow({ where: { id: 'session-telephone' } });
      expect(ended.expiresAt.getTime()).toBe((phone.authTime + 12 * 60 * 60) * 1000);
      await endSessionForGood(prisma, desk, new Date(ended.expiresAt.getTime() + 1000));
      expect(await prisma.endedSession.findMany({ select: { id: true } })).toEqual([]);
    });

    it('ends every session of the member when signing out of a cookie made before sessions had an id', async () => {
      const { endSessionForGood } = await import('@/lib/security/sessions');
      const member = await createMember(prisma, { password: 'mot de passe membre' });
      await endSessionForGood(prisma, { sub: member.id, sv: member.sessionVersion, authTime: now() });
      session.current = { sub: member.id, sv: member.sessionVersion, authTime: now(), sid: 'une-autre-session' };
      expect(await interruption(requireUser)).toMatch(/raison=session/);
    });

    it('requireRole: 403 for an EDITOR where ADMIN is required, not for an ADMIN', async () => {
      const editor = await createMember(prisma, { role: 'EDITOR' });
      await signedIn(editor.id);
      expect(await requireRole('EDITOR')).toMatchObject({ id: editor.id });
      expect(await interruption(() => requireRole('ADMIN'))).toBe('NEXT_HTTP_ERROR_FALLBACK;403');
      const admin = await createMember(prisma, { role: 'ADMIN' });
      await signedIn(admin.id);
      expect(await requireRole('ADMIN')).toMatchObject({ id: admin.id, role: 'ADMIN' });
      expect(await requireRole('EDITOR')).toMatchObject({ id: admin.id });
    });
  });

  describe('the last active admin', () => {
    it('cannot be deactivated or demoted, by themselves or anyone', async () => {
      const admin = await createMember(prisma, { role: 'ADMIN' });
      await createMember(prisma, { role: 'ADMIN', isActive: false });
      await createMember(prisma, { role: 'EDITOR' });
      expect(await accounts.setMemberActive(prisma, admin.id, false, { actorId: admin.id })).toEqual({ ok: false, reason: 'last-admin' });
      expect(await accounts.changeMemberRole(prisma, admin.id, 'EDITOR', { actorId: admin.id })).toEqual({ ok: false, reason: 'last-admin' });
      expect(await prisma.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ role: 'ADMIN', isActive: true });
      expect(await prisma.auditLog.count()).toBe(0);
    });

    it('can step down once another admin is active', async () => {
      const first = await createMember(prisma, { role: 'ADMIN' });
      const second = await createMember(prisma, { role: 'EDITOR' });
      expect(await accounts.changeMemberRole(prisma, second.id, 'ADMIN', { actorId: first.id })).toMatchObject({ ok: true, changed: true });
      expect(await accounts.changeMemberRole(prisma, first.id, 'EDITOR', { actorId: first.id })).toMatchObject({ ok: true, changed: true });
    });

    it('survives two admins demoting each other at the same moment', async () => {
      const first = await createMember(prisma, { role: 'ADMIN' });
      const second = await createMember(prisma, { role: 'ADMIN' });
      const results = await Promise.all([
        accounts.changeMemberRole(prisma, first.id, 'EDITOR', { actorId: second.id }),
        accounts.setMemberActive(prisma, second.id, false, { actorId: first.id }),
      ]);
      expect(results.filter((result) => result.ok)).toHaveLength(1);
      expect(await prisma.user.count({ where: { role: 'ADMIN', isActive: true } })).toBe(1);
    });
  });

  describe('audit log', () => {
    it('records every member action with its actor, address and snapshots, never a hash or a token', async () => {
      const admin = await createMember(prisma, { role: 'ADMIN' });
      const by = { actorId: admin.id, ip: '203.0.113.10' };
      const invited = await accounts.inviteMember(prisma, { name: 'Gi', email: 'gi@exemple.org', role: 'EDITOR' }, by);
      if (!invited.ok) throw new Error(invited.reason);
      await accounts.acceptAccessLink(prisma, { token: invited.token, name: 'Gi', password: 'une phrase de passe' }, { ip: '198.51.100.1' });
      await accounts.changeMemberRole(prisma, invited.userId, 'ADMIN', by);
      const reset = await accounts.resetMemberAccess(prisma, invited.userId, by);
      await accounts.setMemberActive(prisma, invited.userId, false, by);
      await accounts.setMemberActive(prisma, invited.userId, true, by);

      const entries = await prisma.auditLog.findMany({ where: { entityId: invited.userId }, orderBy: { createdAt: 'asc' } });
      expect(entries.map((entry) => [entry.action, entry.actorId, entry.ip])).toEqual([
        ['member.invite', admin.id, '203.0.113.10'],
        ['member.password-set', invited.userId, '198.51.100.1'],
        ['member.role-change', admin.id, '203.0.113.10'],
        ['member.access-reset', admin.id, '203.0.113.10'],
        ['member.deactivate', admin.id, '203.0.113.10'],
        ['member.reactivate', admin.id, '203.0.113.10'],
      ]);
      expect(entries[2]).toMatchObject({ entityType: 'User', before: { role: 'EDITOR' }, after: { role: 'ADMIN' } });
      const text = JSON.stringify(entries);
      expect(text).not.toMatch(/argon2|passwordHash/);
      expect(text).not.toContain(invited.token);
      if (reset.ok) expect(text).not.toContain(reset.token);
    });
  });

  describe('lib/db.ts', () => {
    it('never returns password hashes unless a query asks for them', async () => {
      const member = await createMember(prisma, { password: 'mot de passe membre' });
      const row = await getDb().user.findUniqueOrThrow({ where: { id: member.id } });
      expect(row).not.toHaveProperty('passwordHash');
      const listed = await getDb().user.findMany({ include: { tokens: true } });
      expect(listed[0]).not.toHaveProperty('passwordHash');
      const explicit = await getDb().user.findUniqueOrThrow({ where: { id: member.id }, select: { passwordHash: true } });
      expect(explicit.passwordHash).toMatch(/^\$argon2id\$/);
    });
  });
});
