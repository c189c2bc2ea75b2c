// The visitor's address, for the sign-in rate limit and the audit log.
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
