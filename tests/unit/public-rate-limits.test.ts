// The settings and the answer of the per-address limits of search and downloads
// (lib/env.ts, lib/security/public-rate-limits.ts); their effect on the served site is in
// tests/e2e/request-limits.spec.ts and open-data.spec.ts.
import { describe, expect, it } from 'vitest';
import { FixedWindowRateLimiter } from '@/lib/api/rate-limit';
import { DEFAULT_DOWNLOAD_RATE_LIMIT_PER_MINUTE, DEFAULT_SEARCH_RATE_LIMIT_PER_MINUTE, parsePublicRateLimits } from '@/lib/env';
import { tooManyRequestsResponse } from '@/lib/security/public-rate-limits';
import { rateLimitKeyFromHeaders } from '@/lib/security/rate-limit-key';

describe('SEARCH_RATE_LIMIT_PER_MINUTE, DOWNLOAD_RATE_LIMIT_PER_MINUTE', () => {
  it('default to a lower budget for downloads than for searches; empty means the default; 0 turns a limit off', () => {
    expect(parsePublicRateLimits({})).toEqual({ searchPerMinute: DEFAULT_SEARCH_RATE_LIMIT_PER_MINUTE, downloadPerMinute: DEFAULT_DOWNLOAD_RATE_LIMIT_PER_MINUTE });
    expect(DEFAULT_DOWNLOAD_RATE_LIMIT_PER_MINUTE).toBeLessThan(DEFAULT_SEARCH_RATE_LIMIT_PER_MINUTE);
    expect(parsePublicRateLimits({ SEARCH_RATE_LIMIT_PER_MINUTE: '', DOWNLOAD_RATE_LIMIT_PER_MINUTE: '' })).toEqual(parsePublicRateLimits({}));
    expect(parsePublicRateLimits({ SEARCH_RATE_LIMIT_PER_MINUTE: '0', DOWNLOAD_RATE_LIMIT_PER_MINUTE: '3' })).toEqual({ searchPerMinute: 0, downloadPerMinute: 3 });
    const off = new FixedWindowRateLimiter(0);
    for (let index = 0; index < 1_000; index += 1) expect(off.hit('192.0.2.1').allowed).toBe(true);
  });

  it('refuse what is not a whole number of requests, in French', () => {
    expect(() => parsePublicRateLimits({ SEARCH_RATE_LIMIT_PER_MINUTE: 'beaucoup' })).toThrow(/SEARCH_RATE_LIMIT_PER_MINUTE doit être un nombre entier/);
    expect(() => parsePublicRateLimits({ DOWNLOAD_RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/DOWNLOAD_RATE_LIMIT_PER_MINUTE doit être un nombre entier/);
    expect(() => parsePublicRateLimits({ DOWNLOAD_RATE_LIMIT_PER_MINUTE: '2.5' })).toThrow(/0 pour aucune limite/);
  });
});

describe('the 429 answer', () => {
  it('is a French page with Retry-After, never cached', async () => {
    const response = tooManyRequestsResponse('search', { allowed: false, limit: 60, remaining: 0, resetSeconds: 42 });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('42');
    expect(response.headers.get('ratelimit-limit')).toBe('60');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toContain('<html lang="fr-CA">');
    expect(html).toContain('<h1>Trop de recherches en peu de temps</h1>');
    expect(html).toContain('Attendez 42 secondes, puis relancez votre recherche.');
    const one = await tooManyRequestsResponse('download', { allowed: false, limit: 10, remaining: 0, resetSeconds: 1 }).text();
    expect(one).toContain('Attendez 1 seconde, puis réessayez.');
  });
});

describe('the key a visitor is counted by', () => {
  it('is the address our reverse proxy saw (the last X-Forwarded-For entry)', () => {
    expect(rateLimitKeyFromHeaders(new Headers({ 'x-forwarded-for': '203.0.113.9, 192.0.2.7' }))).toBe('192.0.2.7');
    expect(rateLimitKeyFromHeaders(new Headers({ 'x-forwarded-for': '::ffff:192.0.2.8' }))).toBe('192.0.2.8');
  });
});
