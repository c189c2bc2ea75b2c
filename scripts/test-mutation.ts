// `npm run test:mutation`: mutation testing (StrykerJS, stryker.config.mjs) of the modules
// whose promises the README makes. Stryker changes their code one small mutation at a time
// ("mutant") and runs the tests that reach it: a mutant no test notices ("survived") is a
// promise no test guards. Everything the tests need is set up here, as npm test does: a
// throwaway PostgreSQL (embedded, or TEST_DATABASE_URL's server) with a migrated, empty
// template database that each Stryker worker copies (tests/vitest.mutation.config.mts).
//
// Prints Stryker's table, then the score per module (killed and timed out / all mutants
// that ran: survivors and mutants no test reaches count against it) and the list of
// survivors; exits 1 under MUTATION_MIN_SCORE (85). Reports: reports/mutation/.
// Takes hours on 2 cores (docs/testing.md); MUTATION_CONCURRENCY, MUTATION_INCREMENTAL=1
// and extra arguments (`-- --mutate lib/import/apply.ts`) narrow or speed up a run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { mutationSummary, type MutationReport } from './lib/mutation-report';
import { repoRoot } from './lib/next-app';
import { freePort } from './lib/free-port';
import { throwawayWorkspace } from './lib/workspace';

const minScore = Number(process.env.MUTATION_MIN_SCORE ?? 85);

/** `--mutate a,b` style overrides for a narrower run, passed on to Stryker. */
function cliOptions(args: string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '--mutate') options.mutate = (args[++index] ?? '').split(',').filter(Boolean);
    else if (arg === '--concurrency') options.concurrency = Number(args[++index]);
    else throw new Error(`Option inconnue : ${arg} (permises : --mutate fichiers,séparés,par,virgules ; --concurrency N)`);
  }
  return options;
}

async function main(): Promise<number> {
  const overrides = cliOptions(process.argv.slice(2));
  const { dir: workDir, cleanups, cleanup } = throwawayWorkspace('mutation');

  try {
    let serverUrl: string;
    if (process.env.TEST_DATABASE_URL) {
      serverUrl = process.env.TEST_DATABASE_URL;
    } else {
      const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), port: await freePort(), persistent: false });
      cleanups.push(postgres.stop);
      serverUrl = postgres.urlFor('postgres');
    }
    const template = `repertoire_mutation_${process.pid}`;
    await ensureDatabase(serverUrl, template);
    await applyMigrations(withDatabase(serverUrl, template));
    // The workers' copies (template_w0, _w1, …) and the databases the tests create themselves
    // go with the embedded server; on TEST_DATABASE_URL's server, drop the workers' copies.
    cleanups.push(async () => {
      for (let worker = 0; worker < 64; worker += 1) await dropDatabase(serverUrl, `${template}_w${worker}`);
      await dropDatabase(serverUrl, `${template}_seeded`);
      await dropDatabase(serverUrl, template);
    });

    Object.assign(process.env, {
      NEXT_TELEMETRY_DISABLED: '1',
      TEST_DATABASE_SERVER_URL: serverUrl,
      MUTATION_TEMPLATE_DATABASE: template,
      // Seeded once, copied by each test file that needs the inventory (helpers/seeded-database.ts).
      TEST_SEEDED_TEMPLATE: `${template}_seeded`,
      // The tests that read sources (tests/integration/authz-matrix.test.ts) read them here,
      // not in Stryker's instrumented copy.
      TEST_SOURCE_ROOT: repoRoot,
    });
    const started = Date.now();
    const { Stryker } = await import('@stryker-mutator/core');
    await new Stryker({ configFile: path.join(repoRoot, 'stryker.config.mjs'), ...overrides }).runMutationTest();
    const minutes = (Date.now() - started) / 60_000;

    const report = JSON.parse(readFileSync(path.join(repoRoot, 'reports', 'mutation', 'mutation.json'), 'utf8')) as MutationReport;
    const summary = mutationSummary(report);
    console.log(`\n${summary.text}`);
    console.log(`\nDurée : ${minutes.toFixed(0)} min. Rapport détaillé : reports/mutation/mutation.html`);
    console.log(`mutation score: ${summary.score.toFixed(2)} % (seuil ${minScore} %)${summary.unmeasured.length > 0 ? ' — portée partielle' : ''}`);
    return summary.score >= minScore ? 0 : 1;
  } catch (error) {
    console.error(`\nLes tests de mutation n'ont pas pu être lancés : ${error instanceof Error ? error.stack : String(error)}`);
    return 1;
  } finally {
    await cleanup();
  }
}

main().then((code) => process.exit(code));
