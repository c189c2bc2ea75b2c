// The key by which every in-memory rate limit of the public site counts a visitor (search,
// downloads: lib/security/public-rate-limits.ts): the visitor's address as
// lib/security/client-ip.ts reads it behind our reverse proxies, counted as rateLimitKey()
// counts it (IPv6 by /64), like the API and sign-in limits.
import { getAuthEnv } from '@/lib/env';
import { clientIpFromHeaders, rateLimitKey, type HeaderReader } from '@/lib/security/client-ip';

function trustedProxyHops(): number {
  try {
    return getAuthEnv().trustedProxyHops;
  } catch {
    // Sign-in settings incomplete (no secret in production): public pages still answer, and
    // count requests by the address next to ours.
    return 0;
  }
}

export function rateLimitKeyFromHeaders(headers: HeaderReader): string {
  return rateLimitKey(clientIpFromHeaders(headers, trustedProxyHops()));
}
