// Rate limits of the public requests that cost the most for an anonymous visitor: a search
// (/recherche with a query: several full-text statements over the whole directory) and a
// download of /donnees (the whole published directory, serialised: ~350 ms of CPU at 10,000
// providers). Counted like the API's (lib/api/rate-limit.ts): a fixed one-minute window per
// address, in the memory of each server process, so that one client cannot hog a process;
// with several instances each one counts on its own. SEARCH_RATE_LIMIT_PER_MINUTE and
// DOWNLOAD_RATE_LIMIT_PER_MINUTE set them (lib/env.ts; 0 turns one off, as the benchmark and
// the soak test do: their load comes from one address).
//
// Refused: 429 with Retry-After and a short French page (not Next's: the search limit is
// checked in proxy.ts, before any page renders).
import { FixedWindowRateLimiter, rateLimitHeaders, type RateLimitDecision } from '@/lib/api/rate-limit';
import { getPublicRateLimits } from '@/lib/env';
import type { HeaderReader } from '@/lib/security/client-ip';
import { rateLimitKeyFromHeaders } from '@/lib/security/rate-limit-key';

export type PublicLimit = 'search' | 'download';

const limiters: Partial<Record<PublicLimit, FixedWindowRateLimiter>> = {};

function limiterOf(kind: PublicLimit): FixedWindowRateLimiter {
  const limits = getPublicRateLimits();
  limiters[kind] ??= new FixedWindowRateLimiter(kind === 'search' ? limits.searchPerMinute : limits.downloadPerMinute);
  return limiters[kind];
}

/** Counts one request of this kind from the visitor these headers describe. */
export function hitPublicLimit(kind: PublicLimit, headers: HeaderReader, now = Date.now()): RateLimitDecision {
  return limiterOf(kind).hit(rateLimitKeyFromHeaders(headers), now);
}

const seconds = (count: number) => `${count} seconde${count > 1 ? 's' : ''}`;

const WORDING: Record<PublicLimit, (decision: RateLimitDecision) => { title: string; body: string[]; link: [string, string] }> = {
  search: (decision) => ({
    title: 'Trop de recherches en peu de temps',
    body: [
      `Plus de ${decision.limit} recherches ont été lancées en une minute depuis votre adresse. Pour que le répertoire reste rapide pour tout le monde, nous limitons leur nombre.`,
      `Attendez ${seconds(decision.resetSeconds)}, puis relancez votre recherche. En attendant, vous pouvez parcourir les besoins et leurs solutions.`,
    ],
    link: ['/besoins', 'Parcourir les besoins'],
  }),
  download: (decision) => ({
    title: 'Trop de téléchargements en peu de temps',
    body: [
      `Plus de ${decision.limit} fichiers ont été demandés en une minute depuis votre adresse. Pour que le répertoire reste rapide pour tout le monde, nous limitons leur nombre.`,
      `Attendez ${seconds(decision.resetSeconds)}, puis réessayez. Chaque fichier contient déjà tout le répertoire publié : un seul téléchargement par fichier suffit.`,
    ],
    link: ['/donnees', 'Revenir aux données ouvertes'],
  }),
};

function page(title: string, body: string[], link: [string, string]): string {
  return `<!doctype html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · Répertoire numérique communautaire</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;color:#1f2937;background:#fff;margin:0}
main{max-width:40rem;margin:0 auto;padding:3rem 1rem}
h1{font-size:1.75rem;line-height:1.2;color:#1e3a5f}
a{color:#1d4ed8}
a:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
<p><a href="${link[0]}">${link[1]}</a> · <a href="/">Revenir à l’accueil</a></p>
</main>
</body>
</html>
`;
}

/** The 429 answer to a refused request: French page, Retry-After, RateLimit-* headers. */
export function tooManyRequestsResponse(kind: PublicLimit, decision: RateLimitDecision, headers: Record<string, string> = {}): Response {
  const { title, body, link } = WORDING[kind](decision);
  return new Response(page(title, body, link), {
    status: 429,
    headers: {
      ...headers,
      ...rateLimitHeaders(decision),
      'Retry-After': String(decision.resetSeconds),
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });
}
