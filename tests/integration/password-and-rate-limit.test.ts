// Password hashing (Argon2id, OWASP settings) and the sign-in rate limit, against a real
// PostgreSQL (the vitest database): counting per account and address, per address, and per
// account across addresses (except where it signed in), IPv6 by /64, window expiry, reset
// after a success, what is stored (no address typed, no full address), and the credentials
// check that ties them together, including a stranger's steady wrong passwords for hours.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAuthEnv } from '@/lib/env';
import { checkCredentials } from '@/lib/security/credentials';
import { hashPassword, needsRehash, verifyPassword } from '@/lib/security/password';
import {
  LOGIN_ATTEMPT_RETENTION_DAYS,
  LOGIN_LIMITS,
  closeLoginAttempt,
  loginAttemptKey,
  openLoginAttempt,
  pruneLoginAttempts,
} from '@/lib/security/rate-limit';
import { clearMemberTables, createMember, createTestClient, databaseUrl } from './helpers/members';

// The link-acceptance action reads the visitor's address from the request: the only thing
// replaced. Everything else (actions, database, rate limit) runs as in production.
const request = vi.hoisted(() => ({ ip: '203.0.113.1' }));
vi.mock('@/lib/auth', () => ({ SIGN_IN_PATH: '/admin/connexion', getRequestIp: async () => request.ip }));

const minutes = (count: number) => count * 60 * 1000;
// The key the server actions use as well (the development secret under vitest).
const SECRET = getAuthEnv().secret;
const key = (email: string, ip: string) => loginAttemptKey({ email, ip }, SECRET);

describe('hashPassword / verifyPassword', () => {
  it('makes Argon2id hashes with 19 MiB, 2 passes, 1 lane, and a fresh salt each time', async () => {
    const first = await hashPassword('une phrase de passe assez longue');
    const second = await hashPassword('une phrase de passe assez longue');
    expect(first).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(first).not.toBe(second);
    expect(await verifyPassword(first, 'une phrase de passe assez longue')).toBe(true);
    expect(await verifyPassword(first, 'une phrase de passe assez longuE')).toBe(false);
    expect(needsRehash(first)).toBe(false);
  });

  it('refuses a malformed hash instead of throwing, and flags weaker hashes for an upgrade', async () => {
    expect(await verifyPassword('pas un hachage', 'x')).toBe(false);
    expect(await verifyPassword('', 'x')).toBe(false);
    expect(needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA')).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuu')).toBe(true);
  });
});

describe('loginAttemptKey', () => {
  it('keys the address typed with the secret, whatever its case, and the visitor by rateLimitKey()', () => {
    const typed = key(' Ada@Exemple.org ', '2001:db8:1:2::99');
    expect(typed).toEqual(key('ada@exemple.org', '2001:db8:1:2:ffff::1'));
    expect(typed.emailHash).toMatch(/^[0-9a-f]{64}$/);
    expect(typed.ip).toBe('2001:db8:1:2::/64');
    expect(loginAttemptKey({ email: 'ada@exemple.org', ip: '192.0.2.1' }, `${SECRET}!`).emailHash).not.toBe(typed.emailHash);
    expect(key('ada@exemple.org', '::ffff:192.0.2.1').ip).toBe('192.0.2.1');
  });
});

describe.skipIf(!databaseUrl)('sign-in rate limit (PostgreSQL)', () => {
  const prisma = createTestClient();
  const limits = { ...LOGIN_LIMITS, maxFailuresPerAccountAndIp: 3, maxFailuresPerAccount: 6, maxFailuresPerIp: 5 };
  const start = new Date('2026-03-01T12:00:00Z');
  const at = (offsetMs: number) => new Date(start.getTime() + offsetMs);
  const attempt = (email: string, ip: string, offsetMs: number) => openLoginAttempt(prisma, key(email, ip), at(offsetMs), limits);
  const isAllowed = async (email: string, ip: string, offsetMs: number) => (await attempt(email, ip, offsetMs)).isAllowed;
  const succeed = async (email: string, ip: string, offsetMs: number) => {
    const gate = await attempt(email, ip, offsetMs);
    expect(gate.isAllowed).toBe(true);
    await closeLoginAttempt(prisma, gate.attemptId, 'SUCCESS');
  };

  beforeEach(() => clearMemberTables(prisma));
  afterAll(() => prisma.$disconnect());

  it('refuses one address after the limit of failures for one account, and only that address', async () => {
    for (let index = 0; index < 3; index += 1) expect(await isAllowed('a@exemple.org', '198.51.100.1', minutes(index))).toBe(true);
    expect(await isAllowed('a@exemple.org', '198.51.100.1', minutes(4))).toBe(false);
    // The same account from another address, and another account from this one, go on.
    expect(await isAllowed('a@exemple.org', '198.51.100.2', minutes(4))).toBe(true);
    expect(await isAllowed('b@exemple.org', '198.51.100.1', minutes(4))).toBe(true);
  });

  it('counts every address of one IPv6 /64 as one address', async () => {
    for (let index = 1; index <= 3; index += 1) expect(await isAllowed('v6@exemple.org', `2001:db8:7:7::${index}`, minutes(index))).toBe(true);
    expect(await isAllowed('v6@exemple.org', '2001:db8:7:7:ffff::42', minutes(4))).toBe(false);
    expect(await isAllowed('v6@exemple.org', '2001:db8:7:8::1', minutes(4))).toBe(true);
  });

  it('refuses an address after the limit of failures across accounts', async () => {
    for (let index = 0; index < 5; index += 1) expect(await isAllowed(`c${index}@exemple.org`, '203.0.113.7', minutes(1))).toBe(true);
    expect(await isAllowed('new@exemple.org', '203.0.113.7', minutes(2))).toBe(false);
    expect(await isAllowed('new@exemple.org', '203.0.113.8', minutes(2))).toBe(true);
  });

  it('bounds a guess spread over many addresses, except where the account signed in', async () => {
    // The owner signed in from home three days ago.
    await succeed('spread@exemple.org', '192.0.2.77', -minutes(3 * 24 * 60));
    // Fifty addresses, two guesses each, within the window: only the account's limit gets through.
    let checked = 0;
    for (let index = 0; index < 100; index += 1) {
      if (await isAllowed('spread@exemple.org', `198.51.100.${100 + (index % 50)}`, minutes(index / 10))) checked += 1;
    }
    expect(checked).toBe(limits.maxFailuresPerAccount);
    // A new address is refused; the owner's own address is not.
    expect(await isAllowed('spread@exemple.org', '203.0.113.99', minutes(11))).toBe(false);
    expect(await isAllowed('spread@exemple.org', '192.0.2.77', minutes(11))).toBe(true);
  });

  it('forgets failures once they are older than the window, and does not count refused attempts', async () => {
    for (let index = 0; index < 3; index += 1) await attempt('d@exemple.org', '192.0.2.1', 0);
    // Hammering while locked: refused, and the lock is not extended by it.
    for (let index = 1; index <= 10; index += 1) expect(await isAllowed('d@exemple.org', '192.0.2.1', minutes(index))).toBe(false);
    expect(await prisma.loginAttempt.count({ where: { outcome: 'BLOCKED' } })).toBe(10);
    // Just inside the window: still locked; just past it: allowed again.
    expect(await isAllowed('d@exemple.org', '192.0.2.1', LOGIN_LIMITS.windowMs - 1000)).toBe(false);
    expect(await isAllowed('d@exemple.org', '192.0.2.1', LOGIN_LIMITS.windowMs + 1000)).toBe(true);
  });

  it('starts the account counts again after a successful sign-in, but not the address count', async () => {
    await attempt('e@exemple.org', '192.0.2.2', 0);
    await attempt('e@exemple.org', '192.0.2.2', 1000);
    await succeed('e@exemple.org', '192.0.2.2', 2000);
    for (let index = 0; index < 3; index += 1) expect(await isAllowed('e@exemple.org', '192.0.2.2', 3000 + index)).toBe(true);
    expect(await isAllowed('e@exemple.org', '192.0.2.2', 3500)).toBe(false);
    // 2 + 3 + 1 failures from 192.0.2.2: the address count ignores the success.
    expect(await isAllowed('f@exemple.org', '192.0.2.2', 4000)).toBe(false);
  });

  it('does not restart a stranger’s count when the owner signs in from elsewhere', async () => {
    for (let index = 0; index < 3; index += 1) await attempt('g@exemple.org', '203.0.113.50', index);
    await succeed('g@exemple.org', '192.0.2.60', 5000);
    expect(await isAllowed('g@exemple.org', '203.0.113.50', 6000)).toBe(false);
  });

  it('lets no burst of concurrent attempts past the limit', async () => {
    const gates = await Promise.all(Array.from({ length: 12 }, () => attempt('burst@exemple.org', '192.0.2.50', 0)));
    expect(gates.filter((gate) => gate.isAllowed).length).toBeLessThanOrEqual(limits.maxFailuresPerAccountAndIp);
    const spread = await Promise.all(Array.from({ length: 20 }, (_, index) => attempt('burst2@exemple.org', `198.51.100.${index + 1}`, 0)));
    expect(spread.filter((gate) => gate.isAllowed).length).toBeLessThanOrEqual(limits.maxFailuresPerAccount);
  });

  it(`erases attempts older than ${LOGIN_ATTEMPT_RETENTION_DAYS} days`, async () => {
    await attempt('old@exemple.org', '192.0.2.3', 0);
    await attempt('recent@exemple.org', '192.0.2.3', minutes(60 * 24 * 20));
    const removed = await pruneLoginAttempts(prisma, at(minutes(60 * 24 * (LOGIN_ATTEMPT_RETENTION_DAYS + 1))));
    expect(removed).toBe(1);
    expect(await prisma.loginAttempt.findMany({ select: { emailHash: true } })).toEqual([{ emailHash: key('recent@exemple.org', '').emailHash }]);
  });
});

describe.skipIf(!databaseUrl)('checkCredentials', () => {
  const prisma = createTestClient();
  const ip = '198.51.100.20';
  const check = (email: string, password: string, attemptIp: string, now?: Date) => checkCredentials(prisma, { email, password, ip: attemptIp }, SECRET, now);

  beforeEach(() => clearMemberTables(prisma));
  afterAll(() => prisma.$disconnect());

  it('accepts the right password, records the success and the sign-in date', async () => {
    const member = await createMember(prisma, { password: 'correct horse battery staple' });
    const result = await check(` ${member.email.toUpperCase()} `, 'correct horse battery staple', ip);
    expect(result).toMatchObject({ status: 'ok', user: { id: member.id, email: member.email, role: 'EDITOR', sessionVersion: 1 } });
    expect(result.status === 'ok' && 'passwordHash' in result.user).toBe(false);
    expect(await prisma.loginAttempt.findMany({ select: { emailHash: true, ip: true, outcome: true } })).toEqual([
      { ...key(member.email, ip), outcome: 'SUCCESS' },
    ]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).lastSignInAt).not.toBeNull();
  });

  it('stores neither what was typed in the email field nor the full IPv6 address', async () => {
    const typed = 'Mon-Mot-De-Passe-Tape-Au-Mauvais-Endroit';
    expect(await check(typed, 'x', '2001:db8:aaaa:bbbb:1234:5678:9abc:def0')).toEqual({ status: 'invalid' });
    const rows = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "LoginAttempt"`;
    expect(rows).toHaveLength(1);
    const stored = JSON.stringify(rows).toLowerCase();
    expect(stored).not.toContain(typed.toLowerCase());
    expect(stored).not.toContain('9abc');
    expect(rows[0]).toMatchObject({ emailHash: key(typed, '').emailHash, ip: '2001:db8:aaaa:bbbb::/64' });
  });

  it('gives one answer to an unknown address, a wrong password, an inactive account and an account without password', async () => {
    const active = await createMember(prisma, { password: 'correct horse battery staple' });
    const inactive = await createMember(prisma, { password: 'correct horse battery staple', isActive: false });
    const invited = await createMember(prisma);
    const answers = await Promise.all([
      check('personne@exemple.org', 'correct horse battery staple', ip),
      check(active.email, 'mauvais mot de passe', ip),
      check(inactive.email, 'correct horse battery staple', ip),
      check(invited.email, '', ip),
    ]);
    expect(answers).toEqual([{ status: 'invalid' }, { status: 'invalid' }, { status: 'invalid' }, { status: 'invalid' }]);
  });

  it('spends about as long on an unknown address as on a wrong password (dummy hash)', async () => {
    const member = await createMember(prisma, { password: 'correct horse battery staple' });
    await check('chauffe@exemple.org', 'x', '192.0.2.200'); // warms the dummy hash
    const time = async (email: string, attemptIp: string) => {
      const started = performance.now();
      await check(email, 'mauvais mot de passe', attemptIp);
      return performance.now() - started;
    };
    const unknown: number[] = [];
    const wrong: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      unknown.push(await time(`inconnu${index}@exemple.org`, `192.0.2.${210 + index}`));
      wrong.push(await time(member.email, `192.0.2.${220 + index}`));
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
  });

  it('answers "rate-limited" at one address after its limit, even with the right password, but not at a clean one', async () => {
    const member = await createMember(prisma, { password: 'correct horse battery staple' });
    for (let index = 0; index < LOGIN_LIMITS.maxFailuresPerAccountAndIp; index += 1) {
      expect(await check(member.email, 'faux', '192.0.2.100')).toEqual({ status: 'invalid' });
    }
    expect(await check(member.email, 'correct horse battery staple', '192.0.2.100')).toEqual({ status: 'rate-limited' });
    expect(await check(member.email, 'correct horse battery staple', '192.0.2.150')).toMatchObject({ status: 'ok' });
  });

  it('lets the owner in while a stranger sends a wrong password every minute for two hours', async () => {
    const member = await createMember(prisma, { password: 'correct horse battery staple' });
    const start = new Date('2026-03-02T08:00:00Z');
    let ownerIn = 0;
    let strangerChecked = 0;
    for (let minute = 0; minute < 120; minute += 1) {
      const now = new Date(start.getTime() + minutes(minute));
      const stranger = await check(member.email, `essai ${minute}`, '203.0.113.66', now);
      if (stranger.status === 'invalid') strangerChecked += 1;
      expect(stranger.status).not.toBe('ok');
      // Every ten minutes the owner signs in, from their own clean address.
      if (minute % 10 === 5) {
        const owner = await check(member.email, 'correct horse battery staple', '198.51.100.20', new Date(now.getTime() + 1000));
        if (owner.status === 'ok') ownerIn += 1;
      }
    }
    expect(ownerIn).toBe(12);
    // The stranger's guesses stayed within 5 per 15 minutes: 40 in two hours.
    expect(strangerChecked).toBeLessThanOrEqual((120 / 15) * LOGIN_LIMITS.maxFailuresPerAccountAndIp);
  });

  it('lets the owner in once they set a password from a one-time link (admin:create --reinitialiser), even under a spread guess', async () => {
    const { resetMemberAccess } = await import('@/lib/security/accounts');
    const { acceptAccessLinkAction } = await import('@/lib/actions/auth');
    const member = await createMember(prisma, { role: 'ADMIN', password: 'ancien mot de passe oublié' });
    // Guesses from many addresses lock the account for every address it never signed in from.
    for (let index = 0; index <= LOGIN_LIMITS.maxFailuresPerAccount; index += 1) await check(member.email, `essai ${index}`, `198.51.100.${index + 1}`);
    expect(await check(member.email, 'ancien mot de passe oublié', '192.0.2.44')).toEqual({ status: 'rate-limited' });

    // What `npm run admin:create -- <email> --reinitialiser` does, then the owner uses the link.
    const reset = await resetMemberAccess(prisma, member.id, { actorId: null });
    if (!reset.ok) throw new Error(reset.reason);
    request.ip = '192.0.2.44';
    const form = new FormData();
    for (const [name, value] of Object.entries({ token: reset.token, name: 'Ada', password: 'nouvelle phrase de passe', confirmation: 'nouvelle phrase de passe' })) {
      form.set(name, value);
    }
    await expect(acceptAccessLinkAction({ status: 'idle' }, form)).rejects.toMatchObject({ digest: expect.stringContaining('/admin/connexion?etat=mot-de-passe') });

    expect(await check(member.email, 'nouvelle phrase de passe', '192.0.2.44')).toMatchObject({ status: 'ok' });
  });
});
