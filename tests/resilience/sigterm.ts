// SIGTERM: the server stops taking connections, finishes the requests it has, then exits;
// `npm start` (scripts/start.ts) stops the site, then its embedded PostgreSQL, cleanly.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { repoRoot } from '../../scripts/lib/next-app';
import { Checks } from './lib/checks';
import { freePort, sleep, startInstance, timedGet, type Database } from './lib/fixture';

function waitForExit(child: import('node:child_process').ChildProcess, limitMs: number): Promise<{ code: number | null; signal: string | null; ms: number } | undefined> {
  const started = performance.now();
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode, ms: 0 });
      return;
    }
    const timer = setTimeout(() => resolve(undefined), limitMs);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, ms: performance.now() - started });
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function standaloneServer(checks: Checks, context: { database: Database; baseEnv: NodeJS.ProcessEnv; secrets: Record<string, string> }): Promise<void> {
  const server = await startInstance({ ...context.baseEnv, ...context.secrets, DATABASE_URL: context.database.url });
  // Requests held in flight on purpose: the searches wait on a lock this test holds.
  const locker = new pg.Client({ connectionString: context.database.url });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE "Need" IN ACCESS EXCLUSIVE MODE');
    const inFlight = Array.from({ length: 8 }, (_, i) => timedGet(`${server.url}/recherche?q=${encodeURIComponent(`formation ${i} ${Date.now()}`)}`, 20_000));
    // In flight for sure: each of them has a query waiting on the lock (or 10 s went by).
    const deadline = Date.now() + 10_000;
    for (;;) {
      const waiting = await locker.query<{ count: string }>(
        "SELECT count(DISTINCT pid) AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (Number(waiting.rows[0]?.count ?? 0) >= 8 || Date.now() > deadline) break;
      await sleep(100);
    }
    server.process.kill('SIGTERM');
    await sleep(500);
    const refused = await timedGet(`${server.url}/`, 2_000);
    await locker.query('COMMIT');
    const results = await Promise.all(inFlight);
    const exit = await waitForExit(server.process, 15_000);
    checks.add('après SIGTERM, le serveur refuse les nouvelles connexions', refused.status === 0, refused.error ?? `statut ${refused.status}`);
    checks.add(
      'les requêtes en cours au moment du SIGTERM se terminent (200)',
      results.every((result) => result.status === 200 && result.body.includes('</html>')),
      `${results.filter((r) => r.status === 200).length}/${results.length} en 200 (statuts : ${results.map((r) => r.status).join(', ')})`,
    );
    checks.add('puis le serveur s’arrête de lui-même', exit !== undefined, exit ? `en ${exit.ms.toFixed(0)} ms après la fin des requêtes (code ${exit.code ?? exit.signal})` : 'toujours là après 15 s');
  } finally {
    await locker.end().catch(() => undefined);
    await server.stop();
  }
}

async function npmStart(checks: Checks, context: { workDir: string; baseEnv: NodeJS.ProcessEnv }): Promise<void> {
  // scripts/lib/database.ts keeps the embedded data in .data/postgres; the test needs a
  // folder of its own (never the developer's data), which EMBEDDED_PG_DATA_DIR provides.
  const databaseSource = readFileSync(path.join(repoRoot, 'scripts', 'lib', 'database.ts'), 'utf8');
  if (!databaseSource.includes('EMBEDDED_PG_DATA_DIR')) {
    checks.skip('npm start arrête sa base intégrée proprement', 'scripts/lib/database.ts ne lit pas encore EMBEDDED_PG_DATA_DIR');
    return;
  }
  const dataDir = path.join(context.workDir, 'start-postgres');
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...context.baseEnv, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_PORT: String(await freePort()), EMBEDDED_PG_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.NEXTAUTH_SECRET;
  const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const deadline = Date.now() + 120_000;
    let up = false;
    while (!up && Date.now() < deadline && child.exitCode === null) {
      up = (await timedGet(`http://127.0.0.1:${port}/besoins`, 2_000)).status === 200;
      if (!up) await sleep(500);
    }
    if (!checks.add('npm start démarre (base intégrée, migrations, inventaire)', up, up ? '' : output.slice(-500))) return;
    const postmasterFile = path.join(dataDir, 'postmaster.pid');
    const postmasterPid = Number(readFileSync(postmasterFile, 'utf8').split('\n')[0]);
    const inFlight = Array.from({ length: 4 }, (_, i) => timedGet(`http://127.0.0.1:${port}/recherche?q=numerique${i}`, 20_000));
    await sleep(20);
    child.kill('SIGTERM');
    const [results, exit] = await Promise.all([Promise.all(inFlight), waitForExit(child, 30_000)]);
    checks.add('npm start : les requêtes en cours se terminent', results.every((r) => r.status === 200 || r.status === 0), results.map((r) => r.status).join(', '));
    const cleanlyStopped = exit !== undefined && !existsSync(postmasterFile) && !isAlive(postmasterPid);
    checks.add(
      'npm start : SIGTERM arrête le site puis PostgreSQL proprement',
      cleanlyStopped,
      exit ? `sorti en ${exit.ms.toFixed(0)} ms (code ${exit.code ?? exit.signal}) ; postmaster.pid ${existsSync(postmasterFile) ? 'encore là' : 'supprimé'}` : 'toujours là après 30 s',
    );
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}

export async function runSigterm(context: { database: Database; workDir: string; baseEnv: NodeJS.ProcessEnv; secrets: Record<string, string> }): Promise<Checks> {
  const checks = new Checks('Arrêt par SIGTERM');
  await standaloneServer(checks, context);
  await npmStart(checks, context);
  return checks;
}
