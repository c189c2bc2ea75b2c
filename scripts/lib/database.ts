// Which PostgreSQL the scripts use: DATABASE_URL when set, else an embedded server whose
// data lives in .data/postgres (git-ignored), so that a fresh clone runs with no setup.
//  - openDatabase(): `npm start` and `npm run dev`, which own the embedded server: they start
//    it, and refuse when another process already runs it.
//  - openScriptDatabase(): every `db:*` and `admin:*` command. When the embedded server is
//    already running (the site is up in another terminal), they use it as it is; otherwise
//    they start it and stop it when done.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { embeddedDatabaseUrl, ensureDatabase, findRunningPostgres, startEmbeddedPostgres } from './embedded-postgres';

export type Database = {
  url: string;
  /** Stops the embedded server; does nothing for an external DATABASE_URL. */
  stop(): Promise<void>;
  isEmbedded: boolean;
};

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// EMBEDDED_PG_DATA_DIR moves it, e.g. for the resilience tests that run `npm start` without
// touching the developer's own data.
const EMBEDDED_DATA_DIR = process.env.EMBEDDED_PG_DATA_DIR?.trim()
  ? path.resolve(process.env.EMBEDDED_PG_DATA_DIR.trim())
  : path.join(repoRoot, '.data', 'postgres');
const EMBEDDED_DEFAULT_PORT = 5433;
const EMBEDDED_DATABASE = 'repertoire';

export async function openDatabase(): Promise<Database> {
  const externalUrl = process.env.DATABASE_URL?.trim();
  if (externalUrl) {
    console.log(`Base de données : ${redactUrl(externalUrl)} (DATABASE_URL)`);
    return { url: externalUrl, stop: async () => {}, isEmbedded: false };
  }

  const port = readEmbeddedPort();
  const server = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port, persistent: true });
  try {
    await ensureDatabase(server.urlFor('postgres'), EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  console.log(
    `Base de données : PostgreSQL intégré, 127.0.0.1:${port}/${EMBEDDED_DATABASE} ` +
      `(données dans ${path.relative(process.cwd(), EMBEDDED_DATA_DIR) || '.'})`,
  );
  return { url: server.urlFor(EMBEDDED_DATABASE), stop: server.stop, isEmbedded: true };
}

export async function openScriptDatabase(): Promise<Database> {
  if (!process.env.DATABASE_URL?.trim()) {
    const running = await findRunningPostgres(EMBEDDED_DATA_DIR);
    if (running) {
      await ensureDatabase(embeddedDatabaseUrl(running.port, 'postgres'), EMBEDDED_DATABASE);
      console.log(
        `Base de données : PostgreSQL intégré déjà démarré (pid ${running.pid}), ` +
          `127.0.0.1:${running.port}/${EMBEDDED_DATABASE} ; il reste démarré après cette commande.`,
      );
      return { url: embeddedDatabaseUrl(running.port, EMBEDDED_DATABASE), stop: async () => {}, isEmbedded: true };
    }
  }
  return openDatabase();
}

function readEmbeddedPort(): number {
  const raw = process.env.EMBEDDED_PG_PORT?.trim();
  if (!raw) return EMBEDDED_DEFAULT_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT doit être un numéro de port (1 à 65535), pas « ${raw} ».`);
  }
  return port;
}

/** The URL without its password, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    for (const key of ['password', 'sslpassword']) {
      if (parsed.searchParams.has(key)) parsed.searchParams.set(key, '***');
    }
    return parsed.toString();
  } catch {
    return '(DATABASE_URL illisible)';
  }
}
