// .ci/run, on a simulated machine: apt-get and npm are stand-ins that write down how they
// were called, so that the order of the steps and what gets installed can be checked without
// installing or testing anything for real.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const CI_LIMIT_MINUTES = 90;
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function which(tool: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim();
  if (!found) throw new Error(`${tool} is needed to run .ci/run here`);
  return found;
}

function runCi(machine: { hasChromium: boolean; hasRedis: boolean; failingNpm?: string }): { status: number | null; calls: string[] } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ci-run-'));
  dirs.push(dir);
  const bin = path.join(dir, 'bin');
  const calls = path.join(dir, 'calls');
  spawnSync('mkdir', [bin]);
  // Only what the script needs from the system; nothing else on the PATH.
  for (const tool of ['bash', 'dirname', 'timeout']) symlinkSync(which(tool), path.join(bin, tool));
  const stub = (name: string, body = '') => {
    writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> ${JSON.stringify(calls)}\n${body}`);
    chmodSync(path.join(bin, name), 0o755);
  };
  stub('apt-get');
  stub('npm', machine.failingNpm ? `[ "$*" = ${JSON.stringify(machine.failingNpm)} ] && exit 3\nexit 0` : 'exit 0');
  if (machine.hasRedis) stub('redis-server');
  const chromium = path.join(dir, 'chromium');
  if (machine.hasChromium) {
    writeFileSync(chromium, '#!/bin/sh\n');
    chmodSync(chromium, 0o755);
  }
  const result = spawnSync('/usr/bin/env', ['bash', path.join(repoRoot, '.ci', 'run')], {
    env: { PATH: bin, CHROMIUM_PATH: chromium, HOME: dir, NODE_ENV: 'test' },
    encoding: 'utf8',
  });
  let written = '';
  try {
    written = readFileSync(calls, 'utf8');
  } catch {
    // Nothing was called.
  }
  return { status: result.status, calls: written.trim().split('\n').filter(Boolean) };
}

describe('.ci/run', () => {
  it('on a bare machine installs Chromium and redis-server, then runs npm test and the resilience tests', () => {
    const { status, calls } = runCi({ hasChromium: false, hasRedis: false });
    expect(calls).toEqual([
      'apt-get update -qq',
      'apt-get install -y -qq chromium redis-server',
      'npm ci --no-audit --no-fund',
      'npm test',
      'npm run test:resilience',
    ]);
    expect(status).toBe(0);
  });

  it('installs nothing when both are there', () => {
    const { status, calls } = runCi({ hasChromium: true, hasRedis: true });
    expect(calls).toEqual(['npm ci --no-audit --no-fund', 'npm test', 'npm run test:resilience']);
    expect(status).toBe(0);
  });

  it('still runs the resilience tests when npm test fails, and fails the job', () => {
    const { status, calls } = runCi({ hasChromium: true, hasRedis: true, failingNpm: 'test' });
    expect(calls.slice(-2)).toEqual(['npm test', 'npm run test:resilience']);
    expect(status).toBe(3);
  });

  it('fails the job when only the resilience tests fail', () => {
    const { status } = runCi({ hasChromium: true, hasRedis: true, failingNpm: 'run test:resilience' });
    expect(status).toBe(3);
  });

  it('bounds both test steps within the 90 minutes CI allows', () => {
    const script = readFileSync(path.join(repoRoot, '.ci', 'run'), 'utf8');
    const minutes = (name: string) => Number(new RegExp(`^${name}=(\\d+)$`, 'm').exec(script)?.[1]);
    const testMinutes = minutes('NPM_TEST_MINUTES');
    const resilienceMinutes = minutes('RESILIENCE_MINUTES');
    expect(script).toMatch(/timeout [^\n]*"\$\{NPM_TEST_MINUTES\}m" npm test/);
    expect(script).toMatch(/timeout [^\n]*"\$\{RESILIENCE_MINUTES\}m" npm run test:resilience/);
    // About 5 minutes for npm ci and apt-get, and a minute of grace after each bound.
    expect(testMinutes + resilienceMinutes + 5 + 2).toBeLessThanOrEqual(CI_LIMIT_MINUTES);
  });
});
