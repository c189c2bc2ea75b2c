// `npm run db:export` as a person runs it (the script itself, against the tests' database):
// the backup holds members' personal data, so the file it writes is readable by its owner
// only, also when --remplacer overwrites a file that was readable by others.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const databaseUrl = process.env.DATABASE_URL;
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'db-export-'));

function dbExport(...args: string[]) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/db-export.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

const modeOf = (file: string) => statSync(file).mode & 0o777;

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe.skipIf(!databaseUrl)('npm run db:export', () => {
  it('writes a new file with mode 600', () => {
    const file = path.join(workDir, 'nouvelle.json');
    const result = dbExport(file);
    expect(result.status, result.stderr).toBe(0);
    expect(modeOf(file)).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('repertoire-numerique-sauvegarde');
  });

  it('refuses to overwrite without --remplacer, and with it leaves a file of mode 600 whatever the old one’s', () => {
    const file = path.join(workDir, 'existante.json');
    writeFileSync(file, 'ancienne sauvegarde');
    chmodSync(file, 0o644);

    const refused = dbExport(file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/existe déjà.*--remplacer/);
    expect(readFileSync(file, 'utf8')).toBe('ancienne sauvegarde');

    const replaced = dbExport(file, '--remplacer');
    expect(replaced.status, replaced.stderr).toBe(0);
    expect(modeOf(file)).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('repertoire-numerique-sauvegarde');
  });
});
