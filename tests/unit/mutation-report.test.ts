// What `npm run test:mutation` prints from Stryker's report: a module with no mutant in a
// narrowed run has no score (« — »), and the total says it does not cover the whole scope.
import { describe, expect, it } from 'vitest';
import { mutationSummary, type MutantStatus, type MutationReport } from '@/scripts/lib/mutation-report';

function reportOf(files: Record<string, MutantStatus[]>): MutationReport {
  return {
    files: Object.fromEntries(
      Object.entries(files).map(([file, statuses]) => [
        file,
        {
          source: 'const a = 1;\n',
          mutants: statuses.map((status, index) => ({ id: String(index), mutatorName: 'BooleanLiteral', replacement: 'false', status, location: { start: { line: 1, column: 1 } } })),
        },
      ]),
    ),
  };
}

describe('mutationSummary', () => {
  it('scores killed and timed-out mutants over those that ran or that no test reaches', () => {
    const summary = mutationSummary(reportOf({ 'lib/backup/export.ts': ['Killed', 'Killed', 'Timeout', 'Survived', 'NoCoverage', 'Ignored'] }));
    expect(summary.score).toBeCloseTo(60);
    expect(summary.survivors).toHaveLength(2);
    expect(summary.text).toMatch(/^lib\/backup\/\s+60\.00 %/m);
  });

  it('shows « — » for a module the run did not reach, and says the scope is partial', () => {
    const summary = mutationSummary(reportOf({ 'lib/backup/export.ts': ['Killed'] }));
    expect(summary.text).toMatch(/^lib\/actions\/\s+—\s/m);
    expect(summary.text).not.toMatch(/^lib\/actions\/\s+100\.00 %/m);
    expect(summary.unmeasured).toEqual(['lib/data/admin/', 'lib/import/', 'lib/authz.ts', 'lib/security/', 'lib/actions/']);
    expect(summary.text).toContain('Pas mesurés dans ce rapport : lib/data/admin/');
  });

  it('covers the whole scope when every module has mutants', () => {
    const all = mutationSummary(
      reportOf({ 'lib/data/admin/a.ts': ['Killed'], 'lib/import/a.ts': ['Killed'], 'lib/backup/a.ts': ['Killed'], 'lib/authz.ts': ['Survived'], 'lib/security/a.ts': ['Killed'], 'lib/actions/a.ts': ['Killed'] }),
    );
    expect(all.unmeasured).toEqual([]);
    expect(all.text).not.toContain('Pas mesurés');
    expect(all.score).toBeCloseTo((500 / 6));
  });
});
