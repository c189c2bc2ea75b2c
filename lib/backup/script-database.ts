// The database of `npm run db:export` / `db:import`: DATABASE_URL when set; else the embedded
// PostgreSQL of `npm start`. When that one is already running (the site is up in another
// terminal), we connect to it rather than fail on its lock; otherwise we start it and stop it
// when done (scripts/lib/database.ts).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../../scripts/lib/database';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const EMBEDDED_DATA_DIR = path.join(repoRoot, '.data', 'postgres');
// Same fixed, local-only credentials and database name as scripts/lib/embedded-postgres.ts
// and scripts/lib/database.ts.
const EMBEDDED_CREDENTIALS = 'postgres:postgres';
const EMBEDDED_DATABASE = 'repertoire';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The port of the embedded server when it is running already (postmaster.pid: pid, dir, start, port…). */
async function runningEmbeddedPort(): Promise<number | undefined> {
  const content = await readFile(path.join(EMBEDDED_DATA_DIR, 'postmaster.pid'), 'utf8').catch(() => undefined);
  if (!content) return undefined;
  const [pidLine, , , portLine] = content.split('\n');
  const pid = Number.parseInt(pidLine ?? '', 10);
  const port = Number.parseInt(portLine ?? '', 10);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return undefined;
  return port;
}

export async function openScriptDatabase(): Promise<Database> {
  if (!process.env.DATABASE_URL?.trim()) {
    const port = await runningEmbeddedPort();
    if (port !== undefined) {
      console.log(`Base de données : PostgreSQL intégré déjà démarré, 127.0.0.1:${port}/${EMBEDDED_DATABASE}`);
      return { url: `postgresql://${EMBEDDED_CREDENTIALS}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`, stop: async () => {}, isEmbedded: true };
    }
  }
  return openDatabase();
}
