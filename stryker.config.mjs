// StrykerJS (mutation testing): `npm run test:mutation`, which starts the PostgreSQL server
// the integration tests need, then runs Stryker with this file (scripts/test-mutation.ts).
// docs/testing.md says what the score means, how long a run takes and which survivors are
// harmless (equivalent) mutants.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/vitest.mutation.config.mts', related: false },
  // The modules whose promises the README makes (saves without lost updates, import all or
  // nothing, backups, authorization, sign-in security, server actions).
  mutate: [
    'lib/data/admin/**/*.ts',
    'lib/import/**/*.ts',
    'lib/backup/**/*.ts',
    'lib/authz.ts',
    'lib/security/**/*.ts',
    'lib/actions/**/*.ts',
  ],
  // Each mutant runs only the tests that reach it.
  coverageAnalysis: 'perTest',
  // Mutants in module-level code (constants, schemas built at load) would each need the whole
  // suite: they are reported as "ignored", outside the score (docs/testing.md).
  ignoreStatic: true,
  // 2 cores: one worker per core by default, MUTATION_CONCURRENCY to change it.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // A mutant that makes a save loop or wait on a lock ends as a timeout (counted as killed).
  timeoutMS: 30_000,
  timeoutFactor: 2,
  // The first run (the whole vitest suite, with coverage) takes 3–6 minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  // Only what the tests need goes into Stryker's sandbox copy of the project.
  ignorePatterns: ['.data', '.next', '.next-*', 'tsconfig.next-test-*.json', 'test-results', 'playwright-report', 'reports', 'coverage', 'bench-results.json', '.stryker-tmp', 'tmp'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  reporters: ['clear-text', 'html', 'json', 'progress-append-only'],
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0, reportMutants: false, reportScoreTable: true },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Incremental: a second run re-tests only mutants whose code or tests changed
  // (MUTATION_INCREMENTAL=1; the file stays in reports/, git-ignored).
  incremental: process.env.MUTATION_INCREMENTAL === '1',
  incrementalFile: 'reports/stryker-incremental.json',
  thresholds: { high: 90, low: 85, break: null },
};

export default config;
