// `npm run bench`: how fast the public site is at 10,000 providers (issue 6).
//  1. a throwaway embedded PostgreSQL in a temporary folder, migrated, loaded with the
//     deterministic synthetic dataset (scripts/lib/synthetic-dataset.ts) and the starter
//     synonyms of the search (prisma/seed/synonymes.json);
//  2. the production standalone build (its own folder, rebuilt only when sources changed),
//     started against it, caches warmed, then each URL measured with autocannon;
//  3. a plain node:http server serving the exact bytes of `/`, measured the same way: the ceiling;
//  4. the JavaScript each public page ships (gzip) and the server's peak memory.
// Prints a table with the issue's targets and writes bench-results.json (git-ignored).
// BENCH_DURATION (seconds per URL, default 10), BENCH_PAGE_CONNECTIONS (32), BENCH_SEARCH_CONNECTIONS (16);
// BENCH_SYNONYMS=0 leaves the synonyms out, to compare the search rows with and without them.
// Also measured: a cold search (scripts/lib/cold-queries.ts: every request a query not asked
// before) and the weight of /besoins (issue 18).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { seedSynonyms } from '../lib/seed/seed-synonyms';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { ensureBuild, repoRoot, startServer } from './lib/next-app';
import { coldSearchQueries } from './lib/cold-queries';
import { BENCH_SIZES, generateSyntheticDataset, insertSyntheticDataset } from './lib/synthetic-dataset';
import { freePort } from './lib/free-port';
import { throwawayWorkspace } from './lib/workspace';

// A build folder of the benchmark's own, kept between runs (ensureBuild skips the build when
// the sources did not change). The `.next-test-` prefix is already git-, lint- and tsc-ignored.
// next-app reads these when called, not when imported.
const BENCH_DIST_DIR = '.next-test-bench';
const benchTsconfig = `tsconfig.next-test-bench-${process.pid}.json`;
process.env.NEXT_DIST_DIR = BENCH_DIST_DIR;
process.env.NEXT_TSCONFIG_PATH = benchTsconfig;

type AutocannonResult = {
  duration: number;
  requests: { total: number };
  errors: number;
  timeouts: number;
  non2xx: number;
};
type AutocannonInstance = {
  on(event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void): void;
};
type AutocannonRequest = { setupRequest?: (request: { path: string }) => { path: string } };
type Autocannon = ((
  options: { url: string; connections: number; duration: number; timeout: number; headers?: Record<string, string>; requests?: AutocannonRequest[] },
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance) & { track?: unknown };
// autocannon ships no types; this is the part of its programmatic API we use.
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const readPositive = (name: string, fallback: number): number => {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} doit être un nombre positif, pas « ${raw} ».`);
  return value;
};
const DURATION = readPositive('BENCH_DURATION', 10);
const PAGE_CONNECTIONS = readPositive('BENCH_PAGE_CONNECTIONS', 32);
const SEARCH_CONNECTIONS = readPositive('BENCH_SEARCH_CONNECTIONS', 16);
const WITH_SYNONYMS = process.env.BENCH_SYNONYMS?.trim() !== '0';
const TARGETS = { pageP95: 25, staticShare: 1 / 5, searchP95: 50, jsKb: 25, rssMb: 400, besoinsKb: 150, coldSearchP95: 200 };

type Measure = { rps: number; p50_ms: number; p95_ms: number; p99_ms: number; errors: number };
type PageResult = { path: string } & Measure;
type SearchResult = { q: string; rps: number; p95_ms: number; errors: number };
type ColdSearchResult = { rps: number; p50_ms: number; p95_ms: number; errors: number; queries: number; requests: number };

const round = (value: number, digits = 1): number => Math.round(value * 10 ** digits) / 10 ** digits;

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}

/** Every response's latency (autocannon's own percentiles skip p95), and its error counts. */
function measure(url: string, connections: number, duration = DURATION, paths?: readonly string[]): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    // With `paths`: each request takes the next one (the cold search: no query asked twice).
    let next = 0;
    const requests = paths && [{ setupRequest: (request: { path: string }) => ({ ...request, path: paths[next++ % paths.length]! }) }];
    const instance = autocannon({ url, connections, duration, timeout: 10, ...(requests ? { requests } : {}) }, (error, result) => {
      if (error) return reject(error);
      latencies.sort((a, b) => a - b);
      resolve({
        rps: round(result.requests.total / Math.max(1, result.duration)),
        p50_ms: round(percentile(latencies, 0.5)),
        p95_ms: round(percentile(latencies, 0.95)),
        p99_ms: round(percentile(latencies, 0.99)),
        // autocannon's `errors` already counts timeouts.
        errors: result.errors + result.non2xx,
      });
    });
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

// Peak resident memory of the server and any process it started, sampled every 200 ms.
function processTree(pid: number): number[] {
  const pids = [pid];
  for (let index = 0; index < pids.length; index += 1) {
    try {
      for (const task of readdirSync(`/proc/${pids[index]}/task`)) {
        const children = readFileSync(`/proc/${pids[index]}/task/${task}/children`, 'utf8').trim();
        if (children) pids.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // Gone, or no /proc (not Linux): count what we have.
    }
  }
  return pids;
}

function benchHeapMb(): number {
  const raw = process.env.BENCH_HEAP_MB?.trim();
  const value = raw ? Number(raw) : 512;
  if (!Number.isInteger(value) || value < 64) throw new Error(`BENCH_HEAP_MB doit être un nombre entier de Mo ≥ 64, pas « ${raw} ».`);
  return value;
}

function rssMb(pid: number): number {
  let kb = 0;
  for (const child of processTree(pid)) {
    try {
      const match = readFileSync(`/proc/${child}/status`, 'utf8').match(/^VmRSS:\s+(\d+)\s+kB/m);
      kb += Number(match?.[1] ?? 0);
    } catch {
      // Ended between the listing and the read.
    }
  }
  return kb / 1024;
}

function sampleRss(pid: number): { stop(): number } {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(pid));
  }, 200);
  return {
    stop() {
      clearInterval(timer);
      return round(Math.max(peak, rssMb(pid)));
    },
  };
}

// The ceiling: the same bytes from a minimal node:http server, in its own process so that it
// does not share an event loop with the load generator.
const STATIC_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const body = fs.readFileSync(process.argv[1]);
http.createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  response.end(body);
}).listen(Number(process.argv[2]), '127.0.0.1', () => process.send && process.send('ready'));
`;

async function startStaticServer(file: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['-e', STATIC_SERVER, file, String(port)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`Le serveur statique s'est arrêté (code ${code}).`)));
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(60_000) });
  if (!response.ok) throw new Error(`${url} a répondu ${response.status}.`);
  return response.text();
}

/** The <script src> files of each page, gzip-compressed: shared by all pages = framework. */
async function measureJavaScript(base: string, paths: string[]): Promise<{ perPage: Record<string, number>; frameworkKb: number }> {
  const scriptsOf = new Map<string, string[]>();
  const gzipBytes = new Map<string, number>();
  for (const pagePath of paths) {
    const html = await fetchText(`${base}${pagePath}`);
    const sources = [...new Set([...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&')))];
    scriptsOf.set(pagePath, sources);
    for (const source of sources) {
      if (gzipBytes.has(source)) continue;
      const response = await fetch(new URL(source, base), { signal: AbortSignal.timeout(30_000) });
      gzipBytes.set(source, gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length);
    }
  }
  const lists = [...scriptsOf.values()];
  const shared = new Set(lists[0]?.filter((source) => lists.every((list) => list.includes(source))) ?? []);
  const kb = (sources: string[]): number => round(sources.reduce((sum, source) => sum + (gzipBytes.get(source) ?? 0), 0) / 1024);
  const perPage: Record<string, number> = {};
  for (const [pagePath, sources] of scriptsOf) perPage[pagePath] = kb(sources.filter((source) => !shared.has(source)));
  return { perPage, frameworkKb: kb([...shared]) };
}

/**
 * Waits until the server answers a cheap request quickly again: requests that autocannon gave
 * up on (timeouts) are still being worked on, and would slow down the next URL's measure.
 */
async function settle(base: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const start = Date.now();
    try {
      await fetch(`${base}/robots.txt`, { signal: AbortSignal.timeout(10_000) });
      if (Date.now() - start < 250) return;
    } catch {
      // Still busy.
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
}

const mark = (isOk: boolean): string => (isOk ? 'pass' : 'FAIL');
const pad = (value: string | number, width: number): string => String(value).padStart(width);

async function main(): Promise<number> {
  const started = Date.now();
  // Read before anything of the run loads the machine (the figures are comparable only from a quiet start).
  const loadAtStart = os.loadavg().map((value) => round(value, 2));
  const { dir: workDir, cleanups, cleanup } = throwawayWorkspace('bench', () => rmSync(path.join(repoRoot, benchTsconfig), { force: true }));

  try {
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), port: await freePort(), persistent: false });
    cleanups.push(postgres.stop);
    const databaseUrl = withDatabase(postgres.urlFor('postgres'), 'repertoire_bench');
    await ensureDatabase(postgres.urlFor('postgres'), 'repertoire_bench');
    await applyMigrations(databaseUrl);

    let step = Date.now();
    const dataset = generateSyntheticDataset(BENCH_SIZES);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await insertSyntheticDataset(client, dataset);
    } finally {
      await client.end();
    }
    // The starter synonyms, as every site has them: searches are measured with them on.
    if (WITH_SYNONYMS) {
      const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
      try {
        await seedSynonyms(prisma);
      } finally {
        await prisma.$disconnect();
      }
    }
    console.log(
      `Données synthétiques : ${dataset.providers.length} fournisseurs, ${dataset.needs.length} besoins, ` +
        `${dataset.solutions.length} solutions, ${dataset.themes.length} thèmes, ` +
        `${WITH_SYNONYMS ? 'synonymes de départ' : 'sans synonymes'} (${round((Date.now() - step) / 1000)} s).`,
    );

    writeFileSync(path.join(repoRoot, benchTsconfig), `${JSON.stringify({ extends: './tsconfig.json' }, null, 2)}\n`);
    step = Date.now();
    ensureBuild();
    console.log(`Construction prête (${round((Date.now() - step) / 1000)} s).`);

    const server = await startServer({
      port: await freePort(),
      host: '127.0.0.1',
      quiet: true,
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
        // The load comes from one address: the per-address limits would answer 429.
        API_RATE_LIMIT_PER_MINUTE: '0',
        SEARCH_RATE_LIMIT_PER_MINUTE: '0',
        DOWNLOAD_RATE_LIMIT_PER_MINUTE: '0',
        // 10,000 providers do not fit the default 50 MB of cached data (docs/benchmark.md).
        CACHE_MEMORY_MB: process.env.CACHE_MEMORY_MB ?? '128',
        // The heap limit docs/deploy.md recommends: without one, V8 lets its heap grow towards
        // several GB before collecting in earnest, and the peak RSS would measure that budget.
        NODE_OPTIONS: [process.env.NODE_OPTIONS, `--max-old-space-size=${benchHeapMb()}`].filter(Boolean).join(' '),
      },
    });
    cleanups.push(server.stop);
    const rss = sampleRss(server.process.pid ?? 0);

    const { needSlug, providerSlug } = dataset.samples;
    const pagePaths = ['/', '/besoins', `/besoins/${needSlug}`, '/fournisseurs', `/fournisseurs/${providerSlug}`];
    // Measured last: when they are slow their backlog must not weigh on the pages' figures.
    const apiPaths = ['/api/v1/providers?region=MONTREAL&per_page=50', `/api/v1/providers/${providerSlug}`];
    const queries = ['formation', 'géomatique', 'carefour', 'sauvegarde données'];
    const searchPath = (q: string): string => `/recherche?q=${encodeURIComponent(q)}`;
    const jsPaths = ['/', '/besoins', `/besoins/${needSlug}`, '/fournisseurs', `/fournisseurs/${providerSlug}`, '/solutions', searchPath(queries[0]!), '/trouver', '/portrait'];

    // Warm-up: the first request of each URL fills the data cache.
    step = Date.now();
    for (const target of [...pagePaths, ...apiPaths, ...queries.map(searchPath), ...jsPaths]) {
      for (let n = 0; n < 3; n += 1) await fetchText(`${server.url}${target}`);
    }
    console.log(`Caches réchauffés (${round((Date.now() - step) / 1000)} s). Mesures de ${DURATION} s par adresse…`);

    // The weight of the needs' list (issue 18: at most 150 kB of HTML at 10,000 providers).
    const besoinsHtmlKb = round(Buffer.byteLength(await fetchText(`${server.url}/besoins`), 'utf8') / 1024);

    const homeFile = path.join(workDir, 'home.html');
    writeFileSync(homeFile, Buffer.from(await (await fetch(`${server.url}/`)).arrayBuffer()));
    const staticServer = await startStaticServer(homeFile);
    cleanups.push(async () => {
      staticServer.child.kill('SIGTERM');
    });
    const baseline = await measure(staticServer.url, PAGE_CONNECTIONS);
    staticServer.child.kill('SIGTERM');
    console.log(`  plafond statique : ${baseline.rps} req/s`);

    const pages: PageResult[] = [];
    const measurePage = async (pagePath: string): Promise<void> => {
      await settle(server.url);
      const result = await measure(`${server.url}${pagePath}`, PAGE_CONNECTIONS);
      pages.push({ path: pagePath, ...result });
      console.log(`  ${pagePath} : ${result.rps} req/s, p95 ${result.p95_ms} ms, ${result.errors} erreurs`);
    };
    for (const pagePath of pagePaths) await measurePage(pagePath);
    const search: SearchResult[] = [];
    for (const q of queries) {
      await settle(server.url);
      const result = await measure(`${server.url}${searchPath(q)}`, SEARCH_CONNECTIONS);
      search.push({ q, rps: result.rps, p95_ms: result.p95_ms, errors: result.errors });
      console.log(`  recherche « ${q} » : ${result.rps} req/s, p95 ${result.p95_ms} ms, ${result.errors} erreurs`);
    }
    // Cold: every request a query of its own, from a fixed list of distinct queries (never repeated
    // within the run unless the server answers more of them than the list holds: `requests` says).
    const coldQueries = coldSearchQueries(dataset);
    await settle(server.url);
    const cold = await measure(`${server.url}/`, SEARCH_CONNECTIONS, DURATION, coldQueries.map(searchPath));
    const searchCold: ColdSearchResult = {
      rps: cold.rps,
      p50_ms: cold.p50_ms,
      p95_ms: cold.p95_ms,
      errors: cold.errors,
      queries: coldQueries.length,
      requests: Math.round(cold.rps * DURATION),
    };
    console.log(`  recherche à froid (${coldQueries.length} requêtes distinctes) : ${cold.rps} req/s, p95 ${cold.p95_ms} ms, ${cold.errors} erreurs`);
    for (const apiPath of apiPaths) await measurePage(apiPath);
    await settle(server.url);

    const js = await measureJavaScript(server.url, jsPaths);
    const rssPeak = rss.stop();

    const results = {
      dataset: {
        seed: dataset.seed,
        providers: dataset.providers.length,
        needs: dataset.needs.length,
        solutions: dataset.solutions.length,
        themes: dataset.themes.length,
        need_solution_links: dataset.needSolutions.length,
        solution_provider_links: dataset.solutionProviders.length,
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, ${round(os.totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`,
        // Other work on the machine skews every figure: the load average says how much there was.
        load_average_at_start: loadAtStart,
        duration_s: DURATION,
        page_connections: PAGE_CONNECTIONS,
        search_connections: SEARCH_CONNECTIONS,
      },
      baseline_static_rps: baseline.rps,
      pages,
      search,
      search_cold: searchCold,
      js_gzip_kb: js.perPage,
      framework_js_gzip_kb: js.frameworkKb,
      rss_mb_peak: rssPeak,
      besoins_html_kb: besoinsHtmlKb,
    };
    writeFileSync(path.join(repoRoot, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const minRps = round(baseline.rps * TARGETS.staticShare);
    const lines: string[] = [];
    lines.push('', `Benchmark — ${results.dataset.machine}`, `static ceiling: ${baseline.rps} req/s (pages must reach ≥ ${minRps})`, '');
    lines.push(`${'page'.padEnd(52)}${pad('req/s', 9)}${pad('p50', 8)}${pad('p95', 8)}${pad('p99', 8)}${pad('errors', 8)}  target (p95 ≤ ${TARGETS.pageP95} ms, rps ≥ ${minRps}, 0 errors)`);
    let failures = 0;
    for (const page of pages) {
      const isOk = page.p95_ms <= TARGETS.pageP95 && page.rps >= minRps && page.errors === 0;
      if (!isOk) failures += 1;
      lines.push(`${page.path.slice(0, 50).padEnd(52)}${pad(page.rps, 9)}${pad(page.p50_ms, 8)}${pad(page.p95_ms, 8)}${pad(page.p99_ms, 8)}${pad(page.errors, 8)}  ${mark(isOk)}`);
    }
    lines.push('', `${'search q'.padEnd(52)}${pad('req/s', 9)}${pad('p95', 8)}${pad('errors', 8)}  target (p95 ≤ ${TARGETS.searchP95} ms, 0 errors)`);
    for (const entry of search) {
      // No answer at all within the run (a saturated machine) is no pass.
      const isOk = entry.rps > 0 && entry.p95_ms <= TARGETS.searchP95 && entry.errors === 0;
      if (!isOk) failures += 1;
      lines.push(`${entry.q.padEnd(52)}${pad(entry.rps, 9)}${pad(entry.p95_ms, 8)}${pad(entry.errors, 8)}  ${mark(isOk)}`);
    }
    const isColdOk = searchCold.rps > 0 && searchCold.p95_ms <= TARGETS.coldSearchP95 && searchCold.errors === 0;
    if (!isColdOk) failures += 1;
    lines.push(
      `${`cold: ${searchCold.queries} distinct queries`.padEnd(52)}${pad(searchCold.rps, 9)}${pad(searchCold.p95_ms, 8)}${pad(searchCold.errors, 8)}  ${mark(isColdOk)} (p95 ≤ ${TARGETS.coldSearchP95} ms)`,
    );
    lines.push('', `JavaScript (gzip), framework shared by every page: ${js.frameworkKb} kB; beyond it (target ≤ ${TARGETS.jsKb} kB):`);
    for (const [pagePath, kb] of Object.entries(js.perPage)) {
      const isOk = kb <= TARGETS.jsKb;
      if (!isOk) failures += 1;
      lines.push(`  ${pagePath.slice(0, 50).padEnd(50)}${pad(kb, 9)} kB  ${mark(isOk)}`);
    }
    const isBesoinsOk = besoinsHtmlKb <= TARGETS.besoinsKb;
    if (!isBesoinsOk) failures += 1;
    lines.push('', `/besoins HTML: ${besoinsHtmlKb} kB (target ≤ ${TARGETS.besoinsKb} kB)  ${mark(isBesoinsOk)}`);
    const isRssOk = rssPeak <= TARGETS.rssMb;
    if (!isRssOk) failures += 1;
    lines.push('', `server peak RSS: ${rssPeak} MB (target ≤ ${TARGETS.rssMb} MB)  ${mark(isRssOk)}`);
    lines.push(`${failures === 0 ? 'all targets met' : `${failures} target(s) missed`} — bench-results.json written (${round((Date.now() - started) / 1000, 0)} s)`);
    console.log(lines.join('\n'));
    return 0;
  } catch (error) {
    console.error(`\nLe banc d'essai a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanup();
  }
}

main().then((code) => process.exit(code));
