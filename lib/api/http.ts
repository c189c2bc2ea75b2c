// HTTP plumbing shared by /api/v1 and the downloads of /donnees: weak ETags from a hash of
// the body, 304 on a matching If-None-Match, CORS for reading from any site, and errors as
// problem details (RFC 9457) in French.
import { createHash } from 'node:crypto';
import type { Problem } from '@/lib/api/schemas';

/** How long browsers and proxies may reuse an answer without asking again. */
export const CACHE_CONTROL = 'public, max-age=300, stale-while-revalidate=3600';

export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  // Without these, a script on another site could not read them.
  'Access-Control-Expose-Headers': 'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Content-Disposition',
};

export const PREFLIGHT_HEADERS: Record<string, string> = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Accept, Accept-Language, If-None-Match, If-Modified-Since',
  'Access-Control-Max-Age': '86400',
};

/** W/"…": weak, since the same data could be serialised differently by another version. */
export function weakEtag(body: string | Uint8Array): string {
  return `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** If-None-Match matches (weak comparison, RFC 9110 §13.1.2): "*" or any listed tag. */
export function isNotModified(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

type BodyOptions = {
  contentType: string;
  headers?: Record<string, string>;
  cacheControl?: string;
};

/** 200 with the body and its ETag, or 304 when the client already has it. */
export function conditionalResponse(request: Request, body: string, options: BodyOptions): Response {
  const etag = weakEtag(body);
  const headers: Record<string, string> = {
    ...options.headers,
    ETag: etag,
    'Cache-Control': options.cacheControl ?? CACHE_CONTROL,
  };
  if (isNotModified(request.headers.get('if-none-match'), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(body, { status: 200, headers: { ...headers, 'Content-Type': options.contentType } });
}

export function jsonBody(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Problem types are anchors of the API's documentation page (relative URIs, RFC 9457 §3.1.1). */
export const PROBLEM_BASE = '/donnees/api#erreur';

const PROBLEM_TITLES: Record<number, string> = {
  400: 'Requête invalide',
  404: 'Ressource introuvable',
  405: 'Méthode non permise',
  429: 'Trop de requêtes',
  500: 'Erreur du serveur',
  503: 'Service indisponible',
};

export const PROBLEM_TYPES: Record<number, string> = {
  400: 'parametre-invalide',
  404: 'introuvable',
  405: 'methode-non-permise',
  429: 'trop-de-requetes',
  500: 'erreur-serveur',
  503: 'service-indisponible',
};

export function problemOf(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  return {
    type: `${PROBLEM_BASE}-${PROBLEM_TYPES[status] ?? 'erreur'}`,
    title: PROBLEM_TITLES[status] ?? 'Erreur',
    status,
    detail,
    ...extra,
  };
}

/** An error as application/problem+json, never HTML; not cached by shared caches. */
export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(jsonBody(problem), {
    status: problem.status,
    headers: {
      ...CORS_HEADERS,
      ...headers,
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });
}
