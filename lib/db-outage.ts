import 'server-only';
import http from 'node:http';

// When PostgreSQL cannot be reached, a page whose data is not in the cache fails. Next then
// answers 500 with an empty error shell that only JavaScript fills in (app/error.tsx): a
// visitor without JavaScript sees a blank page, and a proxy or a monitor sees a server bug.
// Next offers no way to choose another status for a render error (only 401/403/404 have
// one), so we do it where the response is written: while the database is known to be
// unreachable, an HTML page about to be sent with status 500 is sent instead as a short
// French page with status 503 and Retry-After. Cached pages keep answering 200; everything
// returns to normal at the first successful query (no restart).

type OutageState = { lastFailureAt: number; lastSuccessAt: number; isInstalled: boolean };

// On globalThis: the server's bundles may each hold a copy of this module.
const STATE_KEY = Symbol.for('repertoire.databaseOutage');
const store = globalThis as unknown as Record<symbol, OutageState | undefined>;

function state(): OutageState {
  store[STATE_KEY] ??= { lastFailureAt: 0, lastSuccessAt: 0, isInstalled: false };
  return store[STATE_KEY];
}

/** Seconds a client (or a proxy) is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 30;
// A failure older than this without news (no query at all since) no longer counts.
const OUTAGE_MEMORY_MS = 60_000;

// PostgreSQL SQLSTATEs of an unusable server (class 08: connection exception; 57P0x:
// shutting down or starting up; 53300: too many connections), Prisma's codes for the
// same (P1001 unreachable, P1002/P1008 timeouts, P1017 connection closed, P2024 pool
// timeout), driver adapter error kinds, and Node's socket errors.
const UNREACHABLE_CODES = new Set([
  'P1001', 'P1002', 'P1008', 'P1017', 'P2024',
  '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300',
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
]);
const UNREACHABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseUnavailable']);
const UNREACHABLE_MESSAGE = /can't reach database server|connection terminated|timeout exceeded when trying to connect|connection refused|server closed the connection|the database system is (?:shutting down|starting up)/i;

/** True when `error` (or one of its causes) says the database cannot be reached. */
export function isDatabaseUnreachableError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const record = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    if (typeof record.code === 'string' && UNREACHABLE_CODES.has(record.code)) return true;
    if (typeof record.kind === 'string' && UNREACHABLE_KINDS.has(record.kind)) return true;
    if (typeof record.message === 'string' && (UNREACHABLE_MESSAGE.test(record.message) || UNREACHABLE_KINDS.has(record.message))) return true;
    queue.push(record.cause, record.meta?.driverAdapterError);
  }
  return false;
}

export function recordDatabaseFailure(error: unknown): void {
  if (isDatabaseUnreachableError(error)) state().lastFailureAt = Date.now();
}

export function recordDatabaseSuccess(): void {
  state().lastSuccessAt = Date.now();
}

/** The last query failed for want of a database, recently, and none succeeded since. */
export function isDatabaseDown(now = Date.now()): boolean {
  const { lastFailureAt, lastSuccessAt } = state();
  return lastFailureAt > lastSuccessAt && now - lastFailureAt < OUTAGE_MEMORY_MS;
}

export const UNAVAILABLE_PAGE = `<!doctype html>
<html lang="fr-CA">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Service momentanément indisponible · Répertoire numérique communautaire</title>
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
<h1>Service momentanément indisponible</h1>
<p>Le répertoire ne peut pas afficher cette page pour le moment : sa base de données ne répond pas.</p>
<p>Réessayez dans quelques instants. Les pages déjà consultées récemment restent accessibles.</p>
<p><a href="/">Revenir à l’accueil</a></p>
</main>
</body>
</html>
`;

type Decision = { replace: boolean };
const DECISION = Symbol('repertoire.unavailableDecision');
type Response = http.ServerResponse & { [DECISION]?: Decision };

// Decided once per response, at its first header or body write.
function shouldReplace(response: Response, statusCode?: number): boolean {
  const decided = response[DECISION];
  if (decided) return decided.replace;
  const status = statusCode ?? response.statusCode;
  const type = String(response.getHeader('content-type') ?? '');
  const replace = status === 500 && type.startsWith('text/html') && isDatabaseDown();
  response[DECISION] = { replace };
  return replace;
}

// Headers that described the original body (compressed, its length, its validator).
const BODY_HEADERS = ['content-encoding', 'content-length', 'transfer-encoding', 'etag', 'last-modified'];

/** Installs the 500 → 503 replacement on every response of this process (once). */
export function installUnavailableResponses(): void {
  const current = state();
  if (current.isInstalled) return;
  current.isInstalled = true;

  const proto = http.ServerResponse.prototype as unknown as {
    writeHead: (this: Response, ...args: unknown[]) => Response;
    write: (this: Response, ...args: unknown[]) => boolean;
    end: (this: Response, ...args: unknown[]) => Response;
  };
  const { writeHead, write, end } = proto;
  const page = Buffer.from(UNAVAILABLE_PAGE);

  proto.writeHead = function (this: Response, ...args: unknown[]) {
    const statusCode = typeof args[0] === 'number' ? args[0] : undefined;
    if (!shouldReplace(this, statusCode)) return writeHead.apply(this, args);
    for (const name of BODY_HEADERS) this.removeHeader(name);
    this.setHeader('content-type', 'text/html; charset=utf-8');
    this.setHeader('content-length', page.byteLength);
    this.setHeader('cache-control', 'no-store');
    this.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    return writeHead.call(this, 503);
  };

  proto.write = function (this: Response, ...args: unknown[]) {
    if (!shouldReplace(this)) return write.apply(this, args);
    // The original body (the error shell) is dropped; the page is sent by end().
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    if (callback) process.nextTick(callback);
    return true;
  };

  proto.end = function (this: Response, ...args: unknown[]) {
    if (!shouldReplace(this)) return end.apply(this, args);
    const callback = args.find((arg): arg is () => void => typeof arg === 'function');
    if (this.writableEnded) {
      if (callback) process.nextTick(callback);
      return this;
    }
    if (!this.headersSent) this.writeHead(503);
    const body = this.req?.method === 'HEAD' ? undefined : page;
    return callback ? end.call(this, body, callback) : end.call(this, body);
  };
}
