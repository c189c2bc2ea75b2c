// A soak: SOAK_SECONDS (default 300) at 32 connections of mixed traffic (cached pages,
// searches, the API, open data): zero errors, and resident memory at the end within 10% of
// what it was after the warm-up.
//
// The server runs with the heap size docs/deploy.md recommends (--max-old-space-size=256,
// SOAK_HEAP_MB to change it). Without a limit, V8 grows its heap lazily towards a budget of
// several gigabytes on a machine with plenty of memory: growth that is not a leak, but that
// would hide one for longer than any soak lasts. With the limit, the heap reaches its
// working size during the warm-up, and what grows after it is what we are looking for.
// Memory is compared as medians of one-second samples (the first and the last fifth of the
// run), so that one garbage collection more or less does not decide the outcome.
import { createRequire } from 'node:module';
import { Checks, rssMb } from './lib/checks';
import { startInstance, timedGet, type Database } from './lib/fixture';

type AutocannonResult = { requests: { total: number; average: number }; latency: { p99: number; max: number }; errors: number; timeouts: number; non2xx: number; duration: number; statusCodeStats?: Record<string, { count: number }> };
type Autocannon = (
  options: { url: string; connections: number; duration: number; timeout: number; requests: Array<{ method: 'GET'; path: string }>; expectBody?: string },
  done: (error: Error | null, result: AutocannonResult) => void,
) => unknown;
// autocannon ships no types; this is the part of its programmatic API we use.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

function run(url: string, requests: Array<{ method: 'GET'; path: string }>, duration: number): Promise<AutocannonResult> {
  return new Promise((resolve, reject) => {
    // A response slower than 30 s counts as an error (a timeout). Generous on purpose: on a
    // shared, busy machine a few responses can take seconds without anything being wrong.
    autocannon({ url, connections: 32, duration, timeout: 30, requests }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** "429×12, 503×1": the statuses that were not 2xx, for the report. */
function otherStatuses(result: AutocannonResult): string {
  const counts = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2'));
  return counts.length === 0 ? '' : ` (${counts.map(([code, { count }]) => `${code}×${count}`).join(', ')})`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function soakSeconds(): number {
  const raw = process.env.SOAK_SECONDS?.trim();
  const value = raw ? Number(raw) : 300;
  if (!Number.isFinite(value) || value < 10) throw new Error(`SOAK_SECONDS doit être un nombre de secondes ≥ 10, pas « ${raw} ».`);
  return value;
}

export async function runSoak(context: { database: Database; baseEnv: NodeJS.ProcessEnv; secrets: Record<string, string> }): Promise<Checks> {
  const duration = soakSeconds();
  const checks = new Checks(`Endurance : ${duration} s à 32 connexions`);
  const db = context.database.client();
  const [needs, providers, solutions] = await Promise.all([
    db.need.findMany({ where: { status: 'PUBLISHED' }, select: { slug: true }, take: 20 }),
    db.provider.findMany({ where: { status: 'PUBLISHED' }, select: { slug: true }, take: 20 }),
    db.solution.findMany({ where: { status: 'PUBLISHED' }, select: { slug: true }, take: 20 }),
  ]);
  const searches = ['formation', 'cybersécurité', 'logiciel libre', 'financement', 'numerique', 'bénévoles'];
  const paths = [
    '/', '/besoins', '/fournisseurs', '/solutions', '/portrait', '/trouver',
    ...needs.map((n) => `/besoins/${n.slug}`),
    ...providers.map((p) => `/fournisseurs/${p.slug}`),
    ...solutions.map((s) => `/solutions/${s.slug}`),
    ...searches.map((q) => `/recherche?q=${encodeURIComponent(q)}`),
    '/api/v1/needs', '/api/v1/providers', '/api/v1/themes',
    '/donnees/besoins.csv',
  ];
  // Shuffled the same way every run, so that connections do not all ask for the same page.
  const requests = paths.map((path, index) => ({ path, key: (index * 7919) % paths.length })).sort((a, b) => a.key - b.key).map(({ path }) => ({ method: 'GET' as const, path }));

  const heapMb = Number(process.env.SOAK_HEAP_MB) || 256;
  const nodeOptions = [context.baseEnv.NODE_OPTIONS, `--max-old-space-size=${heapMb}`].filter(Boolean).join(' ');
  // The load comes from one address: the per-address limits of the API, search and downloads
  // would rightly answer 429 (as in the benchmark). They are tested in tests/unit and tests/e2e.
  const server = await startInstance({
    ...context.baseEnv,
    ...context.secrets,
    DATABASE_URL: context.database.url,
    NODE_OPTIONS: nodeOptions,
    API_RATE_LIMIT_PER_MINUTE: '0',
    SEARCH_RATE_LIMIT_PER_MINUTE: '0',
    DOWNLOAD_RATE_LIMIT_PER_MINUTE: '0',
  });
  try {
    for (const { path } of requests) await timedGet(`${server.url}${path}`);
    // Warm-up: the heap and the JIT settle; memory is measured after it.
    const warmUp = Math.min(60, Math.max(10, Math.round(duration / 5)));
    const warm = await run(server.url, requests, warmUp);
    const samples: number[] = [];
    const sampler = setInterval(() => {
      void rssMb(server.process.pid).then((mb) => {
        if (mb) samples.push(mb);
      });
    }, 1_000);
    const result = await run(server.url, requests, duration);
    clearInterval(sampler);
    const window = Math.max(3, Math.floor(samples.length / 5));
    const baseline = samples.length >= 2 * window ? median(samples.slice(0, window)) : undefined;
    const final = samples.length >= 2 * window ? median(samples.slice(-window)) : undefined;
    const peak = Math.max(0, ...samples);

    const errors = result.errors + result.timeouts + result.non2xx + warm.errors + warm.non2xx;
    checks.add(
      'zéro erreur',
      errors === 0,
      `${result.requests.total} requêtes (${result.requests.average.toFixed(0)}/s), p99 ${result.latency.p99} ms, max ${result.latency.max} ms ; erreurs ${result.errors}, délais ${result.timeouts}, non-2xx ${result.non2xx}${otherStatuses(result)}` +
        ` (échauffement : ${warm.requests.total} requêtes, erreurs ${warm.errors}, non-2xx ${warm.non2xx}${otherStatuses(warm)})`,
    );
    if (baseline === undefined || final === undefined) {
      checks.skip('mémoire stable', 'mémoire du processus illisible (/proc absent)');
    } else {
      const growth = (final - baseline) / baseline;
      checks.add(
        'mémoire : croissance ≤ 10 % sur la durée',
        growth <= 0.1,
        `médiane ${baseline.toFixed(0)} Mo après ${warmUp} s d'échauffement → ${final.toFixed(0)} Mo à la fin (${(growth * 100).toFixed(1)} %), pic ${peak.toFixed(0)} Mo, tas limité à ${heapMb} Mo`,
      );
    }
  } finally {
    await server.stop();
  }
  return checks;
}
