import 'server-only';
// What every /api/v1 route handler does around its own work: the rate limit, the
// conditional JSON answer (ETag, 304, Cache-Control, CORS) and errors as problem details.
import { getOpenDataConfig } from '@/lib/env';
import { rateLimitKeyFromHeaders } from '@/lib/security/rate-limit-key';
import { isDatabaseUnreachableError } from '@/lib/db-outage';
import { CORS_HEADERS, PREFLIGHT_HEADERS, conditionalResponse, jsonBody, problemOf, problemResponse } from '@/lib/api/http';
import { FixedWindowRateLimiter, rateLimitHeaders } from '@/lib/api/rate-limit';
import type { Problem } from '@/lib/api/schemas';

export type ApiOutcome = { body: unknown } | { problem: Problem };

let limiter: FixedWindowRateLimiter | undefined;

function getLimiter(): FixedWindowRateLimiter {
  limiter ??= new FixedWindowRateLimiter(getOpenDataConfig().apiRateLimitPerMinute);
  return limiter;
}

export async function handleApiGet(request: Request, produce: () => Promise<ApiOutcome>): Promise<Response> {
  const decision = getLimiter().hit(rateLimitKeyFromHeaders(request.headers));
  const limitHeaders = rateLimitHeaders(decision);
  if (!decision.allowed) {
    return problemResponse(
      problemOf(429, `Limite de ${decision.limit} requêtes par minute atteinte pour votre adresse. Réessayez dans ${decision.resetSeconds} s, ou téléchargez toutes les données d’un coup : /donnees.`),
      { ...limitHeaders, 'Retry-After': String(decision.resetSeconds) },
    );
  }
  try {
    const outcome = await produce();
    if ('problem' in outcome) return problemResponse({ ...outcome.problem, instance: new URL(request.url).pathname }, limitHeaders);
    return conditionalResponse(request, jsonBody(outcome.body), {
      contentType: 'application/json; charset=utf-8',
      headers: { ...CORS_HEADERS, ...limitHeaders },
    });
  } catch (error) {
    // The database down is temporary and not the caller's fault: 503 with a time to retry,
    // as the HTML pages answer (lib/db-outage.ts).
    if (isDatabaseUnreachableError(error)) {
      return problemResponse(problemOf(503, 'La base de données ne répond pas pour le moment. Réessayez dans 30 secondes.'), {
        ...limitHeaders,
        'Retry-After': '30',
      });
    }
    console.error('API /api/v1 :', error);
    return problemResponse(problemOf(500, 'Le serveur n’a pas pu répondre à cette requête. Réessayez dans un moment.'), limitHeaders);
  }
}

/** OPTIONS — CORS preflight: any site may read the API with GET. */
export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, Allow: 'GET, HEAD, OPTIONS' } });
}
