// The visitor's address, for the rate limits and the audit log.
//
// Next's server fills X-Forwarded-For with the socket's address only when the request has
// none; each reverse proxy in front appends the address it received the request from. So
// the entry the *first proxy of ours* wrote is the last one, minus the hops that proxies
// of ours added after it (TRUSTED_PROXY_HOPS, 0 by default). Entries further left were
// written by the client and cannot be trusted. Reached directly (no proxy), a client can
// send its own X-Forwarded-For: run the site behind a reverse proxy that sets it.
export type HeaderReader = { get(name: string): string | null };

export const UNKNOWN_IP = 'inconnue';

export function clientIpFromHeaders(headers: HeaderReader, trustedProxyHops = 0): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const fromForwarded = forwarded[forwarded.length - 1 - trustedProxyHops] ?? forwarded[0];
  const candidate = fromForwarded ?? headers.get('x-real-ip')?.trim() ?? '';
  return normalizeIp(candidate) ?? UNKNOWN_IP;
}

/** "::ffff:127.0.0.1" -> "127.0.0.1"; anything that is not an address -> null. */
export function normalizeIp(value: string): string | null {
  const trimmed = value.trim().replace(/^\[|\](:\d+)?$/g, '');
  const mapped = trimmed.match(/^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})(?::\d+)?$/i);
  const ip = mapped?.[1] ?? trimmed;
  if (/^\d{1,3}(?:\.\d{1,3}){3}$/.test(ip)) return ip;
  if (/^[0-9a-f:]{2,39}$/i.test(ip) && ip.includes(':')) return ip.toLowerCase();
  return null;
}

/**
 * What every rate limit counts a visitor under (sign-in, suggestions, API…): an IPv4
 * address as is, an IPv6 address by its /64 network, written "2001:db8:1:2::/64". One
 * subscriber usually gets a whole /64 and can pick any address in it: counted one by one,
 * a single home would have 2^64 fresh counters. An IPv4-mapped IPv6 address
 * (::ffff:192.0.2.1) is the IPv4 address it carries. Anything else (UNKNOWN_IP) is kept
 * as is. The audit log keeps the full address; only the limits use this key.
 */
export function rateLimitKey(ip: string): string {
  const address = normalizeIp(ip);
  if (address === null) return ip;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  const isIpv4Mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (isIpv4Mapped) return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address ("::" expanded), or null when it is not one. */
function ipv6Groups(address: string): number[] | null {
  if (!address.includes(':')) return null;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string | undefined): number[] | null => {
    if (!part) return [];
    const groups = part.split(':');
    if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return null;
    return groups.map((group) => Number.parseInt(group, 16));
  };
  const head = parse(halves[0]);
  const tail = parse(halves[1]);
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...Array<number>(missing).fill(0), ...tail];
}
