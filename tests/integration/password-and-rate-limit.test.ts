// Password hashing (Argon2id, OWASP settings) and the sign-in rate limit, against a real
// PostgreSQL (the vitest database): counting per account and per address, window expiry,
// reset after a success, and the credentials check that ties them together.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkCredentials } from '@/lib/security/credentials';
import { hashPassword, needsRehash, verifyPassword } from '@/lib/security/password';
import { LOGIN_ATTEMPT_RETENTION_DAYS, LOGIN_LIMITS, openLoginAttempt, closeLoginAttempt, pruneLoginAttempts } from '@/lib/security/rate-limit';
import { clearMemberTables, createMember, createTestClient, databaseUrl } from './helpers/members';

const minutes = (count: number) => count * 60 * 1000;

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

describe.skipIf(!databaseUrl)('sign-in rate limit (PostgreSQL)', () => {
  const prisma = createTestClient();
  const limits = { ...LOGIN_LIMITS, maxFailuresPerAccount: 3, maxFailuresPerIp: 5 };
  const start = new Date('2026-03-01T12:00:00Z');
  const at = (offsetMs: number) => new Date(start.getTime() + offsetMs);

  beforeEach(() => clearMemberTables(prisma));
  afterAll(() => prisma.$disconnect());

  it('refuses the attempt after the limit of failures for one account, from any address', async () => {
    for (let index = 0; index < 3; index += 1) {
      const gate = await openLoginAttempt(prisma, { email: 'a@exemple.org', ip: `198.51.100.${index}` }, at(minutes(index)), limits);
      expect(gate.isAllowed).toBe(true);
    }
    const refused = await openLoginAttempt(prisma, { email: 'a@exemple.org', ip: '198.51.100.99' }, at(minutes(4)), limits);
    expect(refused.isAllowed).toBe(false);
    // Another account is not affected.
    expect((await openLoginAttempt(prisma, { email: 'b@exemple.org', ip: '198.51.100.99' }, at(minutes(4)), limits)).isAllowed).toBe(true);
  });

  it('refuses an address after the limit of failures across accounts', async () => {
    for (let index = 0; index < 5; index += 1) {
      expect((await openLoginAttempt(prisma, { email: `c${index}@exemple.org`, ip: '203.0.113.7' }, at(minutes(1)), limits)).isAllowed).toBe(true);
    }
    expect((await openLoginAttempt(prisma, { email: 'new@exemple.org', ip: '203.0.113.7' }, at(minutes(2)), limits)).isAllowed).toBe(false);
    expect((await openLoginAttempt(prisma, { email: 'new@exemple.org', ip: '203.0.113.8' }, at(minutes(2)), limits)).isAllowed).toBe(true);
  });

  it('forgets failures once they are older than the window, and does not count refused attempts', async () => {
    for (let index = 0; index < 3; index += 1) await openLoginAttempt(prisma, { email: 'd@exemple.org', ip: '192.0.2.1' }, at(0), limits);
    // Hammering while locked: refused, and the lock is not extended by it.
    for (let index = 1; index <= 10; index += 1) {
      expect((await openLoginAttempt(prisma, { email: 'd@exemple.org', ip: '192.0.2.1' }, at(minutes(index)), limits)).isAllowed).toBe(false);
    }
    expect(await prisma.loginAttempt.count({ where: { outcome: 'BLOCKED' } })).toBe(10);
    // Just inside the window: still locked; just past it: allowed again.
    expect((await openLoginAttempt(prisma, { email: 'd@exemple.org', ip: '192.0.2.1' }, at(LOGIN_LIMITS.windowMs - 1000), limits)).isAllowed).toBe(false);
    expect((await openLoginAttempt(prisma, { email: 'd@exemple.org', ip: '192.0.2.1' }, at(LOGIN_LIMITS.windowMs + 1000), limits)).isAllowed).toBe(true);
  });

  it('starts the account counter again after a successful sign-in, but not the address counter', async () => {
    await openLoginAttempt(prisma, { email: 'e@exemple.org', ip: '192.0.2.2' }, at(0), limits);
    await openLoginAttempt(prisma, { email: 'e@exemple.org', ip: '192.0.2.2' }, at(1000), limits);
    const success = await openLoginAttempt(prisma, { email: 'e@exemple.org', ip: '192.0.2.2' }, at(2000), limits);
    await closeLoginAttempt(prisma, success.attemptId, 'SUCCESS');
    for (let index = 0; index < 3; index += 1) {
      expect((await openLoginAttempt(prisma, { email: 'e@exemple.org', ip: `192.0.2.${10 + index}` }, at(3000 + index), limits)).isAllowed).toBe(true);
    }
    // 2 + 3 failures from 192.0.2.2 and others: the address count ignores the success.
    for (let index = 0; index < 3; index += 1) await openLoginAttempt(prisma, { email: `f${index}@exemple.org`, ip: '192.0.2.2' }, at(4000), limits);
    expect((await openLoginAttempt(prisma, { email: 'g@exemple.org', ip: '192.0.2.2' }, at(5000), limits)).isAllowed).toBe(false);
  });

  it('lets no burst of concurrent attempts past the limit', async () => {
    const gates = await Promise.all(
      Array.from({ length: 12 }, () => openLoginAttempt(prisma, { email: 'burst@exemple.org', ip: '192.0.2.50' }, at(0), limits)),
    );
    expect(gates.filter((gate) => gate.isAllowed).length).toBeLessThanOrEqual(limits.maxFailuresPerAccount);
  });

  it(`erases attempts older than ${LOGIN_ATTEMPT_RETENTION_DAYS} days`, async () => {
    await openLoginAttempt(prisma, { email: 'old@exemple.org', ip: '192.0.2.3' }, at(0), limits);
    await openLoginAttempt(prisma, { email: 'recent@exemple.org', ip: '192.0.2.3' }, at(minutes(60 * 24 * 20)), limits);
    const removed = await pruneLoginAttempts(prisma, at(minutes(60 * 24 * (LOGIN_ATTEMPT_RETENTION_DAYS + 1))));
    expect(removed).toBe(1);
    expect(await prisma.loginAttempt.findMany({ select: { email: true } })).toEqual([{ email: 'recent@exemple.org' }]);
  });
});

describe.skipIf(!databaseUrl)('checkCredentials', () => {
  const prisma = createTestClient();
  const ip = '198.51.100.20';

  beforeEach(() => clearMemberTables(prisma));
  afterAll(() => prisma.$disconnect());

  it('accepts the right password, records the success and the sign-in date', async () => {
    const member = await createMember(prisma, { password: 'correct horse battery staple' });
    const result = await checkCredentials(prisma, { email: ` ${member.email.toUpperCase()} `, password: 'correct horse battery staple', ip });
    expect(result).toMatchObject({ status: 'ok', user: { id: member.id, email: member.email, role: 'EDITOR', sessionVersion: 1 } });
    expect(result.status === 'ok' && 'passwordHash' in result.user).toBe(false);
    expect(await prisma.loginAttempt.findMany({ select: { email: true, ip: true, outcome: true } })).toEqual([{ email: member.email, ip, outcome: 'SUCCESS' }]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: member.id } })).lastSignInAt).not.toBeNull();
  });

  it('gives one answer to an unknown address, a wrong password, an inactive account and an account without password', async () => {
    const active = await createMember(prisma, { password: 'correct horse battery staple' });
    const inactive = await createMember(prisma, { password: 'correct horse battery staple', isActive: false });
    const invited = await createMember(prisma);
    const answers = await Promise.all([
      checkCredentials(prisma, { email: 'personne@exemple.org', password: 'correct horse battery staple', ip }),
      checkCredentials(prisma, { email: active.email, password: 'mauvais mot de passe', ip }),
      checkCredentials(prisma, { email: inactive.email, password: 'correct horse battery staple', ip }),
      checkCredentials(prisma, { email: invited.email, password: '', ip }),
    ]);
    expect(answers).toEqual([{ status: 'invalid' }, { status: 'invalid' }, { status: 'invalid' }, { status: 'invalid' }]);
  });

  it('spends about as long on an unknown address as on a wrong password (dummy hash)', async () => {
    const member = await createMember(prisma, { password: 'correct horse battery staple' });
    await checkCredentials(prisma, { email: 'chauffe@exemple.org', password: 'x', ip: '192.0.2.200' }); // warms the dummy hash
    const time = async (email: string, attemptIp: string) => {
      const started = performance.now();
      await checkCredentials(prisma, { email, password: 'mauvais mot de passe', ip: attemptIp });
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

  it('answers "rate-limited" after the limit, even with the right password', async () => {
    const member = await createMember(prisma, { password: 'correct horse battery staple' });
    for (let index = 0; index < LOGIN_LIMITS.maxFailuresPerAccount; index += 1) {
      expect(await checkCredentials(prisma, { email: member.email, password: 'faux', ip: `192.0.2.${100 + index}` })).toEqual({ status: 'invalid' });
    }
    expect(await checkCredentials(prisma, { email: member.email, password: 'correct horse battery staple', ip: '192.0.2.150' })).toEqual({
      status: 'rate-limited',
    });
  });
});
