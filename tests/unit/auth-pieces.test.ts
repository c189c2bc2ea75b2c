// The pure pieces of sign-in and authorization: session tokens (next-auth's format),
// visitor address, Origin check, return paths, form schemas, and the environment rules
// for NEXTAUTH_SECRET.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { encode } from 'next-auth/jwt';
import { safeAdminReturnPath } from '@/lib/auth';
import { clientIpFromHeaders, normalizeIp } from '@/lib/security/client-ip';
import { isSameOriginRequest } from '@/lib/security/origin';
import {
  SESSION_ABSOLUTE_MAX_SECONDS,
  SESSION_MAX_AGE_SECONDS,
  decodeSessionToken,
  encodeSessionToken,
  nowInSeconds,
  shouldRefresh,
} from '@/lib/security/session-token';
import { accessLinkPath, generateToken, hashToken, isWellFormedToken } from '@/lib/security/tokens';
import { accessLinkFormSchema, emailSchema, inviteMemberSchema, passwordSchema } from '@/lib/validation/user';

const secret = 'un secret de test assez long pour next-auth 0123456789';
const headers = (values: Record<string, string>) => new Headers(values);

describe('session tokens', () => {
  it('round-trips the claims, with a 30-minute expiry', async () => {
    const token = await encodeSessionToken({ sub: 'user1', sv: 3, authTime: nowInSeconds() }, secret);
    const decoded = await decodeSessionToken(token, secret);
    expect(decoded).toMatchObject({ sub: 'user1', sv: 3 });
    expect(decoded!.exp - decoded!.iat).toBe(SESSION_MAX_AGE_SECONDS);
  });

  it('refuses a token made with another secret, altered, expired, or without our claims', async () => {
    const token = await encodeSessionToken({ sub: 'user1', sv: 1, authTime: nowInSeconds() }, secret);
    expect(await decodeSessionToken(token, `${secret}!`)).toBeNull();
    expect(await decodeSessionToken(`${token.slice(0, -4)}AAAA`, secret)).toBeNull();
    expect(await decodeSessionToken(undefined, secret)).toBeNull();
    expect(await decodeSessionToken('pas-un-jeton', secret)).toBeNull();
    const expired = await encode({ token: { sub: 'user1', sv: 1, authTime: nowInSeconds() }, secret, maxAge: -60 });
    expect(await decodeSessionToken(expired, secret)).toBeNull();
    const foreign = await encode({ token: { sub: 'user1', role: 'ADMIN' }, secret, maxAge: 60 });
    expect(await decodeSessionToken(foreign, secret)).toBeNull();
  });

  it('is refreshed after a minute, but not past 12 hours after the password', () => {
    const now = nowInSeconds();
    const claims = { sub: 'u', sv: 1, authTime: now - 120, iat: now - 30, exp: now + 1000 };
    expect(shouldRefresh(claims, now)).toBe(false);
    expect(shouldRefresh({ ...claims, iat: now - 90 }, now)).toBe(true);
    expect(shouldRefresh({ ...claims, iat: now - 90, authTime: now - SESSION_ABSOLUTE_MAX_SECONDS - 1 }, now)).toBe(false);
  });
});

describe('clientIpFromHeaders', () => {
  it('takes the entry our first proxy wrote, not what the client claims', () => {
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9');
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': '10.0.0.1, 198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': '10.0.0.1, 198.51.100.4, 192.0.2.1' }), 1)).toBe('198.51.100.4');
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': '198.51.100.4' }), 3)).toBe('198.51.100.4');
    expect(clientIpFromHeaders(headers({ 'x-real-ip': '192.0.2.8' }))).toBe('192.0.2.8');
    expect(clientIpFromHeaders(headers({}))).toBe('inconnue');
    expect(clientIpFromHeaders(headers({ 'x-forwarded-for': '<script>' }))).toBe('inconnue');
  });

  it('normalizes IPv4-mapped, bracketed and port-suffixed addresses', () => {
    expect(normalizeIp('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeIp('192.0.2.1:5123')).toBe('192.0.2.1');
    expect(normalizeIp('[2001:DB8::1]:443')).toBe('2001:db8::1');
    expect(normalizeIp("1.2.3.4' OR 1=1")).toBeNull();
  });
});

describe('isSameOriginRequest', () => {
  it('accepts this site and requests without Origin, refuses another site', () => {
    expect(isSameOriginRequest(headers({ origin: 'https://repertoire.example.org', host: 'repertoire.example.org' }))).toBe(true);
    expect(isSameOriginRequest(headers({ host: 'repertoire.example.org' }))).toBe(true);
    expect(isSameOriginRequest(headers({ origin: 'https://evil.example', host: 'repertoire.example.org' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'null', host: 'repertoire.example.org' }))).toBe(false);
    expect(isSameOriginRequest(headers({ origin: 'http://127.0.0.1:3000', 'x-forwarded-host': '127.0.0.1:3000', host: 'internal' }))).toBe(true);
  });
});

describe('safeAdminReturnPath', () => {
  it('keeps paths of the admin area only', () => {
    expect(safeAdminReturnPath('/admin/membres')).toBe('/admin/membres');
    expect(safeAdminReturnPath('/admin/membres?x=1')).toBe('/admin/membres?x=1');
    for (const value of ['https://evil.example/admin', '//evil.example/admin', '/admin//evil', '/adminx', '/besoins', '/admin/connexion', '/admin\\x', 42, undefined]) {
      expect(safeAdminReturnPath(value), String(value)).toBeNull();
    }
  });
});

describe('one-time tokens', () => {
  it('are 256-bit, URL-safe, and stored as a SHA-256', () => {
    const token = generateToken();
    expect(isWellFormedToken(token)).toBe(true);
    expect(generateToken()).not.toBe(token);
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(accessLinkPath(token)).toBe(`/admin/invitation/${token}`);
    expect(isWellFormedToken('../../etc/passwd')).toBe(false);
  });
});

describe('member forms', () => {
  it('lowercases and checks addresses, in French', () => {
    expect(emailSchema.parse('  Ada@Exemple.ORG ')).toBe('ada@exemple.org');
    expect(emailSchema.safeParse('ada').error?.issues[0]?.message).toBe('Entrez une adresse courriel valide, par exemple nom@organisme.org.');
    const invite = inviteMemberSchema.safeParse({ name: ' ', email: 'x@y.org', role: 'ROOT' });
    expect(invite.error?.issues.map((issue) => issue.message)).toEqual(['Entrez un nom.', 'Choisissez un rôle.']);
  });

  it('wants 12 characters at least, spaces included, and the same password twice', () => {
    expect(passwordSchema.safeParse('court').error?.issues[0]?.message).toBe('Le mot de passe doit compter au moins 12 caractères.');
    expect(passwordSchema.parse('  douze car  ')).toBe('  douze car  ');
    const mismatch = accessLinkFormSchema.safeParse({ token: 'a'.repeat(43), name: 'Ada', password: 'une phrase de passe', confirmation: 'autre chose' });
    expect(mismatch.error?.issues).toEqual([expect.objectContaining({ path: ['confirmation'], message: 'Les deux mots de passe ne sont pas identiques.' })]);
  });
});

describe('getAuthEnv', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  async function freshEnv() {
    vi.resetModules();
    return import('@/lib/env');
  }

  it('refuses to run in production without a real secret, but not during next build', async () => {
    vi.stubEnv('NODE_ENV', 'production');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    expect((await freshEnv()).getAuthEnv).toThrow(/NEXTAUTH_SECRET est requis en production/);
    const { DEV_AUTH_SECRET } = await freshEnv();
    vi.stubEnv('NEXTAUTH_SECRET', DEV_AUTH_SECRET);
    expect((await freshEnv()).getAuthEnv).toThrow(/NEXTAUTH_SECRET est requis/);
    vi.stubEnv('NEXTAUTH_SECRET', 'trop court');
    expect((await freshEnv()).getAuthEnv).toThrow(/au moins 32 caractères/);
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('NEXT_PHASE', 'phase-production-build');
    expect((await freshEnv()).getAuthEnv().secret).toBeTruthy();
  });

  it('uses a clearly-named dev secret outside production, and secure cookies for an https address', async () => {
    vi.stubEnv('NODE_ENV', 'development');
    vi.stubEnv('NEXTAUTH_SECRET', '');
    vi.stubEnv('NEXTAUTH_URL', 'https://repertoire.example.org/');
    const env = await freshEnv();
    expect(env.getAuthEnv()).toMatchObject({ secret: env.DEV_AUTH_SECRET, url: 'https://repertoire.example.org', useSecureCookies: true });
    expect(env.DEV_AUTH_SECRET).toMatch(/not-for-production/);
  });
});
