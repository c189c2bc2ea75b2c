// The key by which every in-memory rate limit of the public site counts a visitor (search,
// downloads: lib/security/public-rate-limits.ts): the visitor's address as
// lib/security/client-ip.ts reads it behind our reverse proxies. One place, so that how an
// address is counted (e.g. IPv6 by /64) changes for all of them at once.
import { getAuthEnv } from '@/lib/env';
import { clientIpFromHeaders, type HeaderReader } from '@/lib/security/client-ip';

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
  return clientIpFromHeaders(headers, trustedProxyHops());
}
