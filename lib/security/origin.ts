// Origin check for route handlers that change state (server actions get Next's own).
// A browser always sends Origin on a cross-site POST: a different host than the one the
// request was addressed to means another site is submitting on the visitor's behalf.
// No Origin at all (curl, a server) is not a cross-site browser request: allowed.
import type { HeaderReader } from '@/lib/security/client-ip';

export function isSameOriginRequest(headers: HeaderReader): boolean {
  const origin = headers.get('origin');
  if (origin === null) return true;
  const host = (headers.get('x-forwarded-host') ?? headers.get('host') ?? '').split(',')[0]?.trim().toLowerCase();
  try {
    return Boolean(host) && new URL(origin).host.toLowerCase() === host;
  } catch {
    return false; // "null" (sandboxed frame, file://) or garbage
  }
}

/** 403 for a state-changing request from another site, else null (go on). */
export function refuseCrossOrigin(request: Request): Response | null {
  if (request.method === 'GET' || request.method === 'HEAD' || isSameOriginRequest(request.headers)) return null;
  return new Response('Requête refusée : elle ne vient pas de ce site.\n', {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
