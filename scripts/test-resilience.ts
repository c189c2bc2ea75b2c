// `npm run test:resilience`: the longer tests of faults and scale, kept out of `npm test`.
//  - two instances against one PostgreSQL and one Redis share the cache: an edit made
//    through one is visible on the other within a second; Redis down costs nothing but hits;
//  - PostgreSQL stopped under traffic: cached pages answer 200, the others a French 503 at
//    once, and the site recovers by itself;
//  - SIGTERM: in-flight requests finish; `npm start` stops its embedded database cleanly;
//  - SIGKILL in the middle of a burst of admin edits (browser forms): no acknowledged edit
//    lost, none half-applied, and the restarted server works;
//  - a soak at 32 connections (SOAK_SECONDS, default 300): zero errors, memory stable.
// Everything runs against a throwaway embedded PostgreSQL and redis-server (Debian's
// package; installed with apt-get when missing and run as root). Ends with a summary and a
// non-zero exit code on any failure. RESILIENCE_ONLY=two-instances,outage,sigterm,sigkill,soak
// runs some of them.
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runDatabaseOutage } from '../tests/resilience/database-outage';
import { Checks } from '../tests/resilience/lib/checks';
import { startDatabase } from '../tests/resilience/lib/fixture';
import { ensureRedisServer } from '../tests/resilience/lib/redis-server';
import { runSigkillEdits } from '../tests/resilience/sigkill-edits';
import { runSigterm } from '../tests/resilience/sigterm';
import { runSoak } from '../tests/resilience/soak';
import { runTwoInstances } from '../tests/resilience/two-instances';
import { ensureBuild, repoRoot } from './lib/next-app';
import { throwawayWorkspace } from './lib/workspace';

// A build folder of this run's own (as npm test does); next-app reads it at call time.
// RESILIENCE_DIST_DIR (e.g. .next-test-resilience) keeps the build between runs instead:
// it is rebuilt only when the sources changed.
const keptDistDir = process.env.RESILIENCE_DIST_DIR?.trim();
const distDir = keptDistDir || `.next-test-resilience-${process.pid}`;
const tsconfig = `tsconfig.${path.basename(distDir).replace(/^\./, '')}.json`;
process.env.NEXT_DIST_DIR = distDir;
process.env.NEXT_TSCONFIG_PATH = tsconfig;

const SCENARIOS = ['two-instances', 'outage', 'sigterm', 'sigkill', 'soak'] as const;
type Scenario = (typeof SCENARIOS)[number];

function selectedScenarios(): Scenario[] {
  const raw = process.env.RESILIENCE_ONLY?.trim();
  if (!raw) return [...SCENARIOS];
  const wanted = raw.split(',').map((name) => name.trim());
  const unknown = wanted.filter((name) => !SCENARIOS.includes(name as Scenario));
  if (unknown.length > 0) throw new Error(`RESILIENCE_ONLY : scénario inconnu ${unknown.join(', ')} (connus : ${SCENARIOS.join(', ')})`);
  return wanted as Scenario[];
}

async function main(): Promise<number> {
  const scenarios = selectedScenarios();

  const { dir: workDir, cleanups, cleanup } = throwawayWorkspace('resilience', () => {
    if (!keptDistDir) rmSync(path.join(repoRoot, distDir), { recursive: true, force: true });
    rmSync(path.join(repoRoot, tsconfig), { force: true });
  });
  writeFileSync(path.join(repoRoot, tsconfig), `${JSON.stringify({ extends: './tsconfig.json' }, null, 2)}\n`);

  const results: Checks[] = [];
  let setupError: string | undefined;
  try {
    if (scenarios.includes('two-instances')) ensureRedisServer();
    ensureBuild();
    const admin = { email: 'admin@resilience.test', name: 'Admin des tests de résilience', password: randomBytes(18).toString('base64url') };
    const database = await startDatabase(path.join(workDir, 'postgres'), admin);
    cleanups.push(database.close);
    // Every request of these tests comes from one address (127.0.0.1): the per-address limits
    // of search and downloads would answer 429 to the load they apply on purpose. The limits
    // themselves are tested in tests/e2e/request-limits.spec.ts and open-data.spec.ts.
    const baseEnv: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', SEARCH_RATE_LIMIT_PER_MINUTE: '0', DOWNLOAD_RATE_LIMIT_PER_MINUTE: '0' };
    delete baseEnv.REDIS_URL;
    const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString('base64url') };
    const context = { database, workDir, baseEnv, secrets, admin };

    for (const scenario of scenarios) {
      console.log(`\n▶ ${scenario}`);
      try {
        if (scenario === 'two-instances') results.push(await runTwoInstances(context));
        if (scenario === 'outage') results.push(await runDatabaseOutage(context));
        if (scenario === 'sigterm') results.push(await runSigterm(context));
        if (scenario === 'sigkill') results.push(await runSigkillEdits(context));
        if (scenario === 'soak') results.push(await runSoak(context));
      } catch (error) {
        const failed = new Checks(scenario);
        failed.add('le scénario a pu aller au bout', false, error instanceof Error ? error.message : String(error));
        results.push(failed);
      }
    }
  } catch (error) {
    setupError = error instanceof Error ? error.message : String(error);
  } finally {
    await cleanup();
  }

  console.log('\nRésumé');
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (const result of results) {
    for (const check of result.items) {
      if (check.skipped) skipped += 1;
      else if (check.ok) passed += 1;
      else failed += 1;
      const mark = check.skipped ? '-' : check.ok ? '✔' : '✘';
      console.log(`${mark} [${result.scenario}] ${check.name}${check.detail ? ` — ${check.detail}` : ''}`);
    }
  }
  if (setupError) {
    failed += 1;
    console.error(`✘ préparation : ${setupError}`);
  }
  console.log(`\nresilience: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} not checked` : ''}`);
  return failed > 0 || passed === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
