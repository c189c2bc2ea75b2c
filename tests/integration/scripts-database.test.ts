// The README's first-admin step, and every other db:* / admin:* command, while `npm start`
// runs in another terminal: they use its embedded PostgreSQL as it is (scripts/lib/database.ts
// openScriptDatabase) instead of refusing on its lock, and leave it running.
// A throwaway data folder of its own (EMBEDDED_PG_DATA_DIR), started the way npm start does.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

let workDir: string;
let dataDir: string;
let holder: ChildProcess | undefined;
let databaseUrl: string;
let postmasterPid: number;

/** The environment of a second terminal: no DATABASE_URL, the same data folder as npm start. */
async function scriptEnv(): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_PG_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) };
  delete env.DATABASE_URL;
  return env;
}

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, path.join('scripts', script), ...args], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'repertoire-scripts-db-'));
  dataDir = path.join(workDir, 'postgres');
  const env = await scriptEnv();
  holder = spawn(process.execPath, [tsx, path.join('tests', 'integration', 'helpers', 'hold-embedded-database.ts')], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  databaseUrl = await new Promise<string>((resolve, reject) => {
    holder!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+)/.exec(output);
      if (ready) resolve(ready[1]!);
    });
    holder!.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    holder!.once('exit', (code) => reject(new Error(`the embedded database did not start (code ${code}):\n${output}`)));
  });
  postmasterPid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
});

afterAll(async () => {
  if (holder && holder.exitCode === null) {
    const exited = new Promise((resolve) => holder!.once('exit', resolve));
    holder.kill('SIGTERM');
    await exited;
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('db:* and admin:* while npm start runs', () => {
  it('admin:create creates the first admin in the running database (README, « First admin »)', async () => {
    // The site of this second terminal is served on PORT=3311 (and no SITE_URL): the link says so.
    const env: NodeJS.ProcessEnv = { ...(await scriptEnv()), PORT: '3311' };
    delete env.SITE_URL;
    const result = await runScript('admin-create.ts', ['premiere.admin@example.org', '--nom', 'Première Admin', '--lien'], env);
    expect(result.output).not.toMatch(/utilise déjà le dossier/);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toMatch(/PostgreSQL intégré déjà démarré/);
    expect(result.output).toMatch(/Compte d’administration créé pour premiere\.admin@example\.org/);
    expect(result.output).toMatch(/^ {2}http:\/\/localhost:3311\/admin\/invitation\/[A-Za-z0-9_-]{43}$/m);
    const users = await query<{ role: string }>('SELECT role FROM "User" WHERE email = $1', ['premiere.admin@example.org']);
    expect(users).toEqual([{ role: 'ADMIN' }]);
  });

  it('db:migrate and db:seed work on it', async () => {
    const migrate = await runScript('db-migrate.ts', [], await scriptEnv());
    expect(migrate.code, migrate.output).toBe(0);
    expect(migrate.output).toMatch(/la base est déjà à jour/);
    const seed = await runScript('db-seed.ts', [], await scriptEnv());
    expect(seed.code, seed.output).toBe(0);
    expect(seed.output).toMatch(/PostgreSQL intégré déjà démarré/);
  });

  it('db:export writes its file, and db:import reads the running database (refused: not empty)', async () => {
    const file = path.join(workDir, 'sauvegarde.json');
    const exported = await runScript('db-export.ts', [file], await scriptEnv());
    expect(exported.code, exported.output).toBe(0);
    expect(existsSync(file)).toBe(true);
    const imported = await runScript('db-import.ts', [file], await scriptEnv());
    expect(imported.output).toMatch(/PostgreSQL intégré déjà démarré/);
    expect(imported.output).toMatch(/La base cible n’est pas vide/);
  });

  it('db:migration:new computes against it', async () => {
    const result = await runScript('db-migration-new.ts', ['essai'], await scriptEnv());
    expect(result.output).toMatch(/PostgreSQL intégré déjà démarré/);
    expect(result.output).toMatch(/Aucun changement/);
  });

  it('leaves the server of npm start running, untouched', async () => {
    expect(isAlive(postmasterPid)).toBe(true);
    const postmaster = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
    expect(Number(postmaster.split('\n')[0])).toBe(postmasterPid);
    expect(await query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
  });
});
