// `npm test`: everything the tests need, set up and torn down here.
//  - a throwaway PostgreSQL (embedded, in a temporary folder; or TEST_DATABASE_URL's server),
//    never the user's data;
//  - vitest (unit + integration) against an empty migrated database;
//  - the production build served on a free port against a seeded database, driven by
//    Playwright in the system Chromium.
// Ends with one line "tests: N passed, N failed" and a non-zero exit code on any failure.
// TEST_ONLY=vitest or TEST_ONLY=e2e runs one half; extra arguments are passed to the runner as filters.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { ensureAdminWithPassword } from '../lib/security/accounts';
import { seedInventory } from '../lib/seed/seed-inventory';
import { seedSynonyms } from '../lib/seed/seed-synonyms';
import { ensureChromium } from './lib/chromium';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from './lib/embedded-postgres';
import { startMailCatcher } from './lib/mail-catcher';
import { applyMigrations } from './lib/migrations';
import { ensureBuild, repoRoot, startServer } from './lib/next-app';
import { countPlaywright, countVitest, type CountResult, type Counts, type PlaywrightReport, type VitestReport } from './lib/test-counts';
import { freePort } from './lib/free-port';
import { throwawayWorkspace } from './lib/workspace';

// A build folder of this run's own: npm test never replaces the build that npm start
// serves, and two runs never build over each other. Set before next-app reads it.
const testDistDir = `.next-test-${process.pid}`;
const testTsconfig = `tsconfig.next-test-${process.pid}.json`;
process.env.NEXT_DIST_DIR = testDistDir;
process.env.NEXT_TSCONFIG_PATH = testTsconfig;
writeFileSync(path.join(repoRoot, testTsconfig), `${JSON.stringify({ extends: './tsconfig.json' }, null, 2)}\n`);

const only = process.env.TEST_ONLY;
// Extra arguments narrow the run, e.g. `TEST_ONLY=e2e npm test -- tests/e2e/match.spec.ts`.
const filters = process.argv.slice(2);

// Not spawnSync: the mail catcher of the browser tests lives in this process, and a blocked
// event loop left the server's SMTP connections without a greeting (messages never arrived).
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [command, ...args], { cwd: repoRoot, env, stdio: 'inherit' });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

// Files that fail to load, hooks that throw and skipped tests count as failures
// (scripts/lib/test-counts.ts).
async function runVitest(env: NodeJS.ProcessEnv, reportFile: string): Promise<CountResult> {
  const status = await run(
    path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs'),
    ['run', '--config', 'tests/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...filters],
    env,
  );
  return countVitest(readJson<VitestReport>(reportFile), status, repoRoot);
}

async function runPlaywright(env: NodeJS.ProcessEnv, reportFile: string): Promise<CountResult> {
  const status = await run(
    path.join(repoRoot, 'node_modules', '@playwright', 'test', 'cli.js'),
    // With filters (a few spec files), the projects the writer specs depend on would otherwise
    // run in full first: --no-deps runs just what was asked.
    ['test', '--config', 'tests/playwright.config.ts', '--reporter=list,json', ...(filters.length > 0 ? ['--no-deps'] : []), ...filters],
    { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile },
  );
  return countPlaywright(readJson<PlaywrightReport>(reportFile), status);
}

// The browser tests sign in as this admin (tests/e2e/admin-auth.spec.ts): a fresh random
// password per run, handed to Playwright in E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD.
const e2eAdmin = { email: 'admin@e2e.test', name: 'Admin des tests', password: randomBytes(18).toString('base64url') };

async function seed(url: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    await seedInventory(prisma);
    await seedSynonyms(prisma);
    await ensureAdminWithPassword(prisma, e2eAdmin);
    // Searches that found nothing, as visitors leave them over days (tests/e2e/search-admin.spec.ts):
    // one searched on 3 different days (shown to members), one on 2 (never shown), one that
    // finds something today.
    const daysAgo = (days: number) => new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() - days));
    await prisma.emptySearch.createMany({
      data: [
        ...[1, 4, 9].map((days) => ({ query: 'zigouigoui zorglub', day: daysAgo(days), count: 2 })),
        ...[2, 3].map((days) => ({ query: 'cherché deux jours', day: daysAgo(days), count: 5 })),
        // Found today through a starter synonym: /portrait counts it under its need's theme.
        ...[1, 2, 5].map((days) => ({ query: 'burnout', day: daysAgo(days), count: 1 })),
        // Searched again by the browser test, phone number included: one more day, no number.
        ...[1, 2, 3].map((days) => ({ query: 'wxyzzy plouf', day: daysAgo(days), count: 1 })),
      ],
    });
  } finally {
    await prisma.$disconnect();
  }
}

async function main(): Promise<number> {
  const { dir: workDir, cleanups, cleanup } = throwawayWorkspace('test', () => {
    rmSync(path.join(repoRoot, testDistDir), { recursive: true, force: true });
    rmSync(path.join(repoRoot, testTsconfig), { force: true });
  });

  const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
  const problems: string[] = [];
  const add = (counts: CountResult): void => {
    totals.passed += counts.passed;
    totals.failed += counts.failed;
    totals.skipped += counts.skipped;
    problems.push(...counts.problems);
  };

  try {
    let serverUrl: string;
    if (process.env.TEST_DATABASE_URL) {
      serverUrl = process.env.TEST_DATABASE_URL;
    } else {
      const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), port: await freePort(), persistent: false });
      cleanups.push(postgres.stop);
      serverUrl = postgres.urlFor('postgres');
    }
    const suffix = `${process.pid}`;
    const databaseFor = async (purpose: string): Promise<string> => {
      const name = `repertoire_${purpose}_${suffix}`;
      await ensureDatabase(serverUrl, name);
      cleanups.push(() => dropDatabase(serverUrl, name));
      const url = withDatabase(serverUrl, name);
      await applyMigrations(url);
      return url;
    };
    const baseEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', TEST_DATABASE_SERVER_URL: serverUrl };

    if (only !== 'e2e') {
      const vitestUrl = await databaseFor('vitest');
      add(await runVitest({ ...baseEnv, DATABASE_URL: vitestUrl }, path.join(workDir, 'vitest.json')));
    }

    if (only !== 'vitest') {
      // Installed here when missing and this machine may (scripts/lib/chromium.ts).
      const chromiumPath = ensureChromium(process.env.CHROMIUM_PATH);
      const e2eUrl = await databaseFor('e2e');
      await seed(e2eUrl);
      ensureBuild();
      // Mail the server sends goes to a catcher of this run's own, never to a mail service
      // named in the environment; Playwright reads it at E2E_MAIL_INBOX_URL (/messages.json).
      const catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
      cleanups.push(catcher.stop);
      // The production server refuses to run without a session secret: one per run.
      const serverEnv = {
        ...baseEnv,
        DATABASE_URL: e2eUrl,
        NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
        SMTP_URL: catcher.smtpUrl,
        MAIL_FROM: 'Répertoire numérique communautaire <repertoire@e2e.test>',
      };
      const server = await startServer({ port: await freePort(), host: '127.0.0.1', env: serverEnv, quiet: true });
      cleanups.push(server.stop);
      const playwrightEnv = { ...baseEnv, BASE_URL: server.url, CHROMIUM_PATH: chromiumPath, E2E_ADMIN_EMAIL: e2eAdmin.email, E2E_ADMIN_PASSWORD: e2eAdmin.password, E2E_MAIL_INBOX_URL: catcher.inboxUrl };
      add(await runPlaywright(playwrightEnv, path.join(workDir, 'playwright.json')));
    }
  } catch (error) {
    console.error(`\nLes tests n'ont pas pu être préparés : ${error instanceof Error ? error.message : String(error)}`);
    totals.failed += 1;
  } finally {
    await cleanup();
  }

  if (problems.length > 0) console.log(`\nComptés comme échecs :\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  return totals.failed > 0 || totals.passed === 0 ? 1 : 0;
}

main().then((code) => process.exit(code));
