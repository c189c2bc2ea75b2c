// How npm test counts (scripts/lib/test-counts.ts), on the real reports of vitest and
// Playwright run over small fixtures (tests/fixtures/counting/): a file that fails to load,
// a hook that throws, a failure beside a failing afterAll, tests skipped without a database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, type PlaywrightReport, type VitestReport } from '@/scripts/lib/test-counts';

const root = path.resolve(import.meta.dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures', 'counting');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'test-counts-'));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function runVitest(file: string): { report: VitestReport; status: number } {
  const output = path.join(workDir, `${file}.json`);
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', path.join(fixtures, 'vitest.fixture.config.mts'), '--reporter=json', `--outputFile.json=${output}`, file],
    { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } },
  );
  return { report: JSON.parse(readFileSync(output, 'utf8')) as VitestReport, status: result.status ?? 1 };
}

function runPlaywright(file: string): { report: PlaywrightReport; status: number } {
  const output = path.join(workDir, `${file}.json`);
  const result = spawnSync(process.execPath, [path.join(root, 'node_modules', '@playwright', 'test', 'cli.js'), 'test', '--config', path.join(fixtures, 'playwright.fixture.config.mjs'), '--reporter=json', file], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: output },
  });
  return { report: JSON.parse(readFileSync(output, 'utf8')) as PlaywrightReport, status: result.status ?? 1 };
}

describe('vitest, as npm test counts it', () => {
  // One run over every fixture; each case reads its own file's part of the report.
  let all: { report: VitestReport; status: number };
  const fileOf = (name: string): VitestReport => {
    const testResults = all.report.testResults.filter((file) => file.name.endsWith(name));
    expect(testResults).toHaveLength(1);
    return { ...all.report, testResults };
  };
  beforeAll(() => {
    all = runVitest('fixture');
  });

  it('a file that fails to load is a failure', () => {
    const counts = countVitest(fileOf('load-fails.fixture.ts'), 1, fixtures);
    expect(counts).toMatchObject({ passed: 0, failed: 1 });
    expect(counts.problems.join('\n')).toMatch(/load-fails\.fixture\.ts : le fichier n’a pas pu être chargé \(.*ce fichier ne se charge pas/);
  });

  it('a beforeAll that throws is a failure, and so is each test it kept from running', () => {
    const report = fileOf('hook-fails.fixture.ts');
    expect(report.testResults[0]!.assertionResults.filter((test) => test.status === 'failed')).toEqual([]); // what the old count relied on
    expect(countVitest(report, 1, fixtures)).toMatchObject({ passed: 1, failed: 3 });
  });

  it('an afterAll that throws counts even when a test of the file failed too', () => {
    expect(countVitest(fileOf('failing-and-after.fixture.ts'), 1, fixtures)).toMatchObject({ passed: 1, failed: 2 });
  });

  it('every fixture together: each problem counted once per file', () => {
    expect(all.status).not.toBe(0);
    expect(countVitest(all.report, all.status, fixtures)).toMatchObject({ passed: 3, failed: 1 + 3 + 2 + 2 });
  });

  it('tests that skip themselves (no database) fail the run, though vitest alone calls it a success', () => {
    const { report, status } = runVitest('no-database.fixture.ts');
    expect(status).toBe(0);
    const counts = countVitest(report, status, fixtures);
    expect(counts).toMatchObject({ passed: 1, failed: 2 });
    expect(counts.problems.join('\n')).toMatch(/2 tests non exécutés/);
  });
});

describe('Playwright, as npm test counts it', () => {
  it('a spec file that fails to load is a failure (Playwright then runs nothing)', () => {
    const { report, status } = runPlaywright('load-fails.spec.ts');
    expect(report.stats.unexpected).toBe(0);
    const counts = countPlaywright(report, status);
    expect(counts.failed).toBeGreaterThanOrEqual(1);
    expect(counts.problems.join('\n')).toMatch(/ce fichier ne se charge pas/);
  });

  it('a beforeAll that throws is a failure, and so is each test it kept from running', () => {
    const { report, status } = runPlaywright('hook-fails.spec.ts');
    expect(countPlaywright(report, status)).toMatchObject({ passed: 1, failed: 2 });
  });
});
