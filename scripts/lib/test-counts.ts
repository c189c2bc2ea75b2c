// How `npm test` counts what vitest and Playwright report (scripts/test.ts). A run must not
// look better than it was:
//  - a test file that fails to load counts as a failure (vitest lists it with no test;
//    Playwright runs nothing at all and reports the error alone);
//  - a hook that throws (beforeAll…) counts as a failure, as do the tests it kept from
//    running, even when other tests of the run failed too;
//  - a test that did not run (skipped) counts as a failure: the suite has no test skipped on
//    purpose, so a skip means something was missing, above all the database that the
//    integration tests skip themselves without (`describe.skipIf(!databaseUrl)`).
// Each such case is also described in `problems`, printed before the closing line.

export type Counts = { passed: number; failed: number; skipped: number };
export type CountResult = Counts & { problems: string[] };

type VitestAssertion = { title: string; fullName?: string; status: string };
type VitestFile = { name: string; status: string; message?: string; assertionResults: VitestAssertion[] };
export type VitestReport = { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; testResults: VitestFile[] };

const relative = (file: string, root: string) => (file.startsWith(root) ? file.slice(root.length).replace(/^[/\\]/, '') : file);

export function countVitest(report: VitestReport | undefined, exitStatus: number, root: string): CountResult {
  if (!report) return { passed: 0, failed: 1, skipped: 0, problems: ['vitest n’a produit aucun rapport (arrêt brutal ?).'] };
  const problems: string[] = [];
  let passed = 0;
  let failed = 0;
  for (const file of report.testResults) {
    const name = relative(file.name, root);
    const count = (status: string) => file.assertionResults.filter((test) => test.status === status).length;
    const [ok, ko, notRun] = [count('passed'), count('failed'), file.assertionResults.length - count('passed') - count('failed')];
    passed += ok;
    failed += ko;
    if (file.status === 'failed' && file.assertionResults.length === 0) {
      failed += 1;
      problems.push(`${name} : le fichier n’a pas pu être chargé (${(file.message ?? '').split('\n')[0] || 'erreur inconnue'}).`);
    } else if (file.status === 'failed' && (ko === 0 || file.message)) {
      // A hook threw: before the tests (they show as skipped) or after them (message).
      failed += 1;
      problems.push(`${name} : un hook (beforeAll, afterAll…) a échoué${file.message ? ` : ${file.message.split('\n')[0]}` : ''}.`);
    }
    if (notRun > 0) {
      failed += notRun;
      const why = file.status === 'failed' ? 'à cause de l’erreur ci-dessus' : name.startsWith('tests/integration/') ? 'sans base de données ?' : 'sautés';
      problems.push(`${name} : ${notRun} test${notRun > 1 ? 's' : ''} non exécuté${notRun > 1 ? 's' : ''} (${why}).`);
    }
  }
  if (exitStatus !== 0 && failed === 0) {
    failed = 1;
    problems.push(`vitest s’est terminé en erreur (code ${exitStatus}) sans test en échec : erreur hors des tests.`);
  }
  return { passed, failed, skipped: 0, problems };
}

export type PlaywrightReport = { stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: { message?: string }[] };

export function countPlaywright(report: PlaywrightReport | undefined, exitStatus: number): CountResult {
  if (!report) return { passed: 0, failed: 1, skipped: 0, problems: ['Playwright n’a produit aucun rapport (arrêt brutal ?).'] };
  const problems: string[] = [];
  const errors = report.errors ?? [];
  for (const error of errors) problems.push(`Playwright : ${(error.message ?? 'erreur inconnue').split('\n')[0]} (fichier non chargé ou préparation en échec).`);
  // Tests not run after a failed beforeAll (or a failure in a serial block) show as skipped.
  if (report.stats.skipped > 0) problems.push(`Playwright : ${report.stats.skipped} test(s) non exécuté(s).`);
  let failed = report.stats.unexpected + errors.length + report.stats.skipped;
  if (exitStatus !== 0 && failed === 0) {
    failed = 1;
    problems.push(`Playwright s’est terminé en erreur (code ${exitStatus}) sans test en échec.`);
  }
  return { passed: report.stats.expected + report.stats.flaky, failed, skipped: 0, problems };
}
