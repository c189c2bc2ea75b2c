// The key every rate limit counts a visitor under (lib/security/client-ip.ts rateLimitKey):
// IPv4 as is, IPv6 by /64, IPv4-mapped as IPv4. And the API's limiter counting by it: the
// addresses of one /64 share one budget.
import { beforeAll, describe, expect, it } from 'vitest';
import { rateLimitKey } from '@/lib/security/client-ip';

describe('rateLimitKey', () => {
  it('keeps an IPv4 address as it is', () => {
    expect(rateLimitKey('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitKey('203.0.113.10')).toBe('203.0.113.10');
  });

  it('counts every address of one IPv6 /64 as one, and another /64 apart', () => {
    const key = '2001:db8:1:2::/64';
    expect(rateLimitKey('2001:db8:1:2::1')).toBe(key);
    expect(rateLimitKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe(key);
    expect(rateLimitKey('2001:0db8:0001:0002:1234:5678:9abc:def0')).toBe(key);
    expect(rateLimitKey('[2001:db8:1:2::beef]:443')).toBe(key);
    expect(rateLimitKey('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(rateLimitKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitKey('fe80::')).toBe('fe80:0:0:0::/64');
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 address it carries', () => {
    expect(rateLimitKey('::ffff:192.0.2.1')).toBe('192.0.2.1');
    expect(rateLimitKey('::ffff:c000:201')).toBe('192.0.2.1');
    expect(rateLimitKey('0:0:0:0:0:ffff:c000:0201')).toBe('192.0.2.1');
  });

  it('keeps what is not an address as it is', () => {
    expect(rateLimitKey('inconnue')).toBe('inconnue');
    expect(rateLimitKey('1:2:3:4:5:6:7:8:9')).toBe('1:2:3:4:5:6:7:8:9');
    expect(rateLimitKey('1::2::3')).toBe('1::2::3');
  });
});

describe('API rate limit by address', () => {
  let handleApiGet: typeof import('@/lib/api/handler').handleApiGet;

  beforeAll(async () => {
    process.env.API_RATE_LIMIT_PER_MINUTE = '3';
    ({ handleApiGet } = await import('@/lib/api/handler'));
  });

  const get = (address: string) =>
    handleApiGet(new Request('http://localhost/api/v1/needs', { headers: { 'x-forwarded-for': address } }), async () => ({ body: { ok: true } }));

  it('gives one /64 one budget, whatever address of it each request comes from', async () => {
    for (const address of ['2001:db8:9:9::1', '2001:db8:9:9::2', '2001:db8:9:9:abcd::3']) {
      expect((await get(address)).status).toBe(200);
    }
    const refused = await get('2001:db8:9:9:ffff:ffff:ffff:fffe');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another /64, and an IPv4 visitor, have their own budget.
    expect((await get('2001:db8:9:a::1')).status).toBe(200);
    expect((await get('198.51.100.77')).status).toBe(200);
  });
});
