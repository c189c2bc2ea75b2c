// Reads Stryker's JSON report (mutation-testing-report-schema) into what
// `npm run test:mutation` prints: the score per module and every surviving mutant.
export type MutantStatus = 'Killed' | 'Survived' | 'NoCoverage' | 'Timeout' | 'CompileError' | 'RuntimeError' | 'Ignored' | 'Pending';

export type MutationReport = {
  files: Record<
    string,
    {
      source: string;
      mutants: { id: string; mutatorName: string; replacement?: string; status: MutantStatus; location: { start: { line: number; column: number } } }[];
    }
  >;
};

/** The module groups the score is shown for (first match wins). */
export const MUTATION_MODULES: { name: string; matches(file: string): boolean }[] = [
  { name: 'lib/data/admin/', matches: (file) => file.startsWith('lib/data/admin/') },
  { name: 'lib/import/', matches: (file) => file.startsWith('lib/import/') },
  { name: 'lib/backup/', matches: (file) => file.startsWith('lib/backup/') },
  { name: 'lib/authz.ts', matches: (file) => file === 'lib/authz.ts' },
  { name: 'lib/security/', matches: (file) => file.startsWith('lib/security/') },
  { name: 'lib/actions/', matches: (file) => file.startsWith('lib/actions/') },
];

type Tally = { killed: number; timeout: number; survived: number; noCoverage: number; ignored: number; errors: number };

const emptyTally = (): Tally => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });

/** Killed and timed-out mutants over every mutant that ran or that no test reaches. */
export function scoreOf(tally: Tally): number {
  const detected = tally.killed + tally.timeout;
  const total = detected + tally.survived + tally.noCoverage;
  return total === 0 ? 100 : (100 * detected) / total;
}

function add(tally: Tally, status: MutantStatus): void {
  if (status === 'Killed') tally.killed += 1;
  else if (status === 'Timeout') tally.timeout += 1;
  else if (status === 'Survived') tally.survived += 1;
  else if (status === 'NoCoverage') tally.noCoverage += 1;
  else if (status === 'Ignored') tally.ignored += 1;
  else tally.errors += 1;
}

const measured = (tally: Tally): number => tally.killed + tally.timeout + tally.survived + tally.noCoverage;

export function mutationSummary(report: MutationReport): { score: number; text: string; survivors: string[]; unmeasured: string[] } {
  const total = emptyTally();
  const byModule = new Map(MUTATION_MODULES.map((module) => [module.name, emptyTally()]));
  const survivors: string[] = [];
  for (const [file, { source, mutants }] of Object.entries(report.files).sort(([a], [b]) => a.localeCompare(b))) {
    const relative = file.replace(/\\/g, '/');
    const group = MUTATION_MODULES.find((candidate) => candidate.matches(relative))?.name;
    const lines = source.split('\n');
    for (const mutant of [...mutants].sort((a, b) => a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column)) {
      add(total, mutant.status);
      if (group) add(byModule.get(group)!, mutant.status);
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage') {
        const { line, column } = mutant.location.start;
        const code = (lines[line - 1] ?? '').trim().slice(0, 110);
        const replacement = (mutant.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90);
        survivors.push(`${relative}:${line}:${column} ${mutant.mutatorName}${mutant.status === 'NoCoverage' ? ' (no test reaches it)' : ''}\n    ${code}\n    -> ${replacement}`);
      }
    }
  }
  // A module with no mutant in this report (a narrowed run) has no score: « — », not 100 %.
  const scoreCell = (tally: Tally) => (measured(tally) === 0 ? '—'.padStart(9) : `${scoreOf(tally).toFixed(2).padStart(7)} %`);
  const row = (name: string, tally: Tally) =>
    `${name.padEnd(18)} ${scoreCell(tally)} ${String(tally.killed).padStart(7)} ${String(tally.timeout).padStart(8)} ${String(tally.survived).padStart(9)} ${String(tally.noCoverage).padStart(8)} ${String(tally.ignored).padStart(8)} ${String(tally.errors).padStart(7)}`;
  const header = `${'module'.padEnd(18)} ${'score'.padStart(9)} ${'killed'.padStart(7)} ${'timeout'.padStart(8)} ${'survived'.padStart(9)} ${'no test'.padStart(8)} ${'ignored'.padStart(8)} ${'errors'.padStart(7)}`;
  const text = [
    `Survivants (${survivors.length}) — chacun est tué par un test ou expliqué dans docs/testing.md :`,
    ...survivors,
    '',
    header,
    ...[...byModule].map(([name, tally]) => row(name, tally)),
    row('total', total),
  ];
  const unmeasured = [...byModule].filter(([, tally]) => measured(tally) === 0).map(([name]) => name);
  if (unmeasured.length > 0) text.push(`Pas mesurés dans ce rapport : ${unmeasured.join(', ')} — le score total ne couvre pas toute la portée.`);
  return { score: scoreOf(total), text: text.join('\n'), survivors, unmeasured };
}
