// The public search test set (tests/fixtures/search-eval.json): French queries as a community
// worker would type them, with the entries each must return among its first five results.
// Shared by `npm run search:eval` (scripts/search-eval.ts), which prints the figures, and by
// tests/integration/search-eval.test.ts, which holds the targets. Pure: the caller searches.
//
// "Among the first five" is counted where the results page shows them: /recherche lists needs,
// solutions and providers in sections of their own, each ranked, so an expected solution must
// be among the first five solutions, an expected provider among the first five providers.
import { z } from 'zod';
import type { SearchResults, SearchType } from '@/lib/search/types';

export const EVAL_CATEGORIES = ['everyday', 'acronym', 'loanword', 'misspelling', 'multiword', 'title', 'provider'] as const;
export type EvalCategory = (typeof EVAL_CATEGORIES)[number];

export const EVAL_CATEGORY_LABELS: Record<EvalCategory, string> = {
  everyday: 'mots de tous les jours',
  acronym: 'sigles',
  loanword: 'anglicismes',
  misspelling: 'fautes et accents',
  multiword: 'plusieurs mots',
  title: 'titre exact d’un besoin',
  provider: 'noms de fournisseurs',
};

/** The targets of issue 16. */
export const EVAL_TARGETS = { recallAt5: 0.95, zeroResultRate: 0.05 } as const;

/** Rank (1-based, within its type) an expected entry must reach. */
export const EVAL_CUTOFF = 5;

const REF_PATTERN = /^(need|solution|provider):[a-z0-9]+(?:-[a-z0-9]+)*$/;

const evalQuerySchema = z.object({
  q: z.string().min(1),
  expect: z.array(z.string().regex(REF_PATTERN)).min(1),
  category: z.enum(EVAL_CATEGORIES),
  why: z.string().min(1),
  first: z.boolean().optional(),
});

const evalSetSchema = z.object({ queries: z.array(evalQuerySchema).min(1) });

export type EvalQuery = z.infer<typeof evalQuerySchema>;

/** The queries of the test set, checked. */
export function parseEvalSet(json: unknown): EvalQuery[] {
  return evalSetSchema.parse(json).queries;
}

const TYPE_OF_PREFIX: Record<string, SearchType> = { need: 'needs', solution: 'solutions', provider: 'providers' };

export type EvalRef = { ref: string; type: SearchType; slug: string };

export function parseRef(ref: string): EvalRef {
  const [prefix, slug] = ref.split(':') as [string, string];
  return { ref, type: TYPE_OF_PREFIX[prefix]!, slug };
}

export type EvalOutcome = {
  query: EvalQuery;
  total: number;
  mode: SearchResults['mode'];
  /** Each expected entry with its rank within its type (null: not on the overview page). */
  found: (EvalRef & { rank: number | null })[];
  /** For a `first` query: whether the first expected entry is first of its type. */
  isFirstOk: boolean | null;
};

export type EvalFigures = { queries: number; expected: number; foundAt5: number; recallAt5: number; zeroResults: number; zeroResultRate: number };

export type EvalReport = {
  outcomes: EvalOutcome[];
  overall: EvalFigures;
  byCategory: Record<EvalCategory, EvalFigures>;
};

function rankOf(results: SearchResults, { type, slug }: EvalRef): number | null {
  const index = results[type].findIndex((hit) => hit.slug === slug);
  return index === -1 ? null : index + 1;
}

/** Scores one query's results (the overview page: every type at once). */
export function scoreOutcome(query: EvalQuery, results: SearchResults): EvalOutcome {
  const found = query.expect.map((ref) => {
    const parsed = parseRef(ref);
    return { ...parsed, rank: rankOf(results, parsed) };
  });
  return { query, total: results.total, mode: results.mode, found, isFirstOk: query.first ? found[0]!.rank === 1 : null };
}

export function isFoundAt5(entry: { rank: number | null }): boolean {
  return entry.rank !== null && entry.rank <= EVAL_CUTOFF;
}

function figuresOf(outcomes: readonly EvalOutcome[]): EvalFigures {
  const expected = outcomes.reduce((sum, outcome) => sum + outcome.found.length, 0);
  const foundAt5 = outcomes.reduce((sum, outcome) => sum + outcome.found.filter(isFoundAt5).length, 0);
  const zeroResults = outcomes.filter((outcome) => outcome.total === 0).length;
  return {
    queries: outcomes.length,
    expected,
    foundAt5,
    // Over every (query, expected entry) pair: a query that expects two entries counts twice.
    recallAt5: expected === 0 ? 0 : foundAt5 / expected,
    zeroResults,
    zeroResultRate: outcomes.length === 0 ? 0 : zeroResults / outcomes.length,
  };
}

export function summarize(outcomes: EvalOutcome[]): EvalReport {
  const byCategory = Object.fromEntries(
    EVAL_CATEGORIES.map((category) => [category, figuresOf(outcomes.filter((outcome) => outcome.query.category === category))]),
  ) as Record<EvalCategory, EvalFigures>;
  return { outcomes, overall: figuresOf(outcomes), byCategory };
}

/** Runs every query, one after the other, with `search` (the overview page's results). */
export async function runEvalSet(queries: readonly EvalQuery[], search: (query: string) => Promise<SearchResults>): Promise<EvalReport> {
  const outcomes: EvalOutcome[] = [];
  for (const query of queries) outcomes.push(scoreOutcome(query, await search(query.q)));
  return summarize(outcomes);
}

/** The pairs not found among the first five, and the `first` queries whose entry is not first. */
export function missesOf(report: EvalReport): string[] {
  const lines: string[] = [];
  for (const outcome of report.outcomes) {
    for (const entry of outcome.found) {
      if (isFoundAt5(entry)) continue;
      const where = entry.rank === null ? 'absent de la première page' : `rang ${entry.rank}`;
      lines.push(`« ${outcome.query.q} » → ${entry.ref} : ${where} (${outcome.total} résultats, mode ${outcome.mode})`);
    }
    if (outcome.isFirstOk === false) lines.push(`« ${outcome.query.q} » → ${outcome.found[0]!.ref} n’est pas premier (rang ${outcome.found[0]!.rank ?? '—'})`);
  }
  return lines;
}

const percent = (value: number): string => `${(value * 100).toFixed(1)} %`;

/** The figures as a French table, then the misses. */
export function formatEvalReport(report: EvalReport): string {
  const rows: [string, EvalFigures][] = [
    ['Ensemble', report.overall],
    ...EVAL_CATEGORIES.map((category): [string, EvalFigures] => [`${category} (${EVAL_CATEGORY_LABELS[category]})`, report.byCategory[category]]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const header = `${'catégorie'.padEnd(width)}  requêtes  rappel@5              sans résultat`;
  const lines = [
    header,
    ...rows.map(
      ([label, figures]) =>
        `${label.padEnd(width)}  ${String(figures.queries).padStart(8)}  ${percent(figures.recallAt5).padStart(7)} (${String(figures.foundAt5).padStart(3)}/${String(figures.expected).padEnd(3)})  ${percent(figures.zeroResultRate).padStart(7)} (${figures.zeroResults})`,
    ),
  ];
  const firsts = report.outcomes.filter((outcome) => outcome.isFirstOk !== null);
  lines.push('', `Titres exacts en tête : ${firsts.filter((outcome) => outcome.isFirstOk).length}/${firsts.length}`);
  const misses = missesOf(report);
  lines.push('', misses.length === 0 ? 'Aucun manqué.' : `Manqués :\n${misses.map((line) => `  - ${line}`).join('\n')}`);
  const meetsRecall = report.overall.recallAt5 >= EVAL_TARGETS.recallAt5;
  const meetsZero = report.overall.zeroResultRate <= EVAL_TARGETS.zeroResultRate;
  lines.push(
    '',
    `Cibles : rappel@5 ≥ ${percent(EVAL_TARGETS.recallAt5)} ${meetsRecall ? 'atteinte' : 'MANQUÉE'} ; sans résultat ≤ ${percent(EVAL_TARGETS.zeroResultRate)} ${meetsZero ? 'atteinte' : 'MANQUÉE'} ; titres exacts en tête ${firsts.every((outcome) => outcome.isFirstOk) ? 'atteinte' : 'MANQUÉE'}.`,
  );
  return lines.join('\n');
}

/** Whether the report meets every target (recall, zero-result rate, exact titles first). */
export function meetsTargets(report: EvalReport): boolean {
  return (
    report.overall.recallAt5 >= EVAL_TARGETS.recallAt5 &&
    report.overall.zeroResultRate <= EVAL_TARGETS.zeroResultRate &&
    report.outcomes.every((outcome) => outcome.isFirstOk !== false)
  );
}

