// The public search test set (tests/fixtures/search-eval.json) against a real PostgreSQL with the
// 2023 inventory and the starter synonyms: the targets of issue 16, the same figures
// `npm run search:eval` prints. A failure lists every miss.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { EVAL_CATEGORIES, EVAL_TARGETS, missesOf, parseEvalSet, runEvalSet, type EvalReport } from '@/lib/search/eval';
import { searchDirectory } from '@/lib/search/search';
import type { SynonymIndex } from '@/lib/synonyms/expand';
import { loadSynonymIndex } from '@/lib/synonyms/load';
import { dropDatabase } from '@/scripts/lib/embedded-postgres';
import { createSeededDatabase } from './helpers/seeded-database';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `search_eval_test_${process.pid}_${Date.now()}`;

const queries = parseEvalSet(JSON.parse(readFileSync(path.join(import.meta.dirname, '..', 'fixtures', 'search-eval.json'), 'utf8')));

describe.skipIf(!serverUrl)('jeu d’évaluation public de la recherche', () => {
  let prisma: PrismaClient;
  let synonyms: SynonymIndex;
  let report: EvalReport;

  beforeAll(async () => {
    prisma = await createSeededDatabase(serverUrl!, databaseName);
    synonyms = await loadSynonymIndex(prisma);
    report = await runEvalSet(queries, (query) => searchDirectory(prisma, query, { synonyms }));
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await dropDatabase(serverUrl!, databaseName);
  });

  it('compte au moins 60 requêtes, de chaque catégorie', () => {
    expect(queries.length).toBeGreaterThanOrEqual(60);
    for (const category of EVAL_CATEGORIES) expect(queries.filter((query) => query.category === category).length, category).toBeGreaterThan(5);
  });

  it(`trouve au moins ${EVAL_TARGETS.recallAt5 * 100} % des fiches attendues parmi les 5 premières de leur type`, () => {
    expect(report.overall.recallAt5, missesOf(report).join('\n')).toBeGreaterThanOrEqual(EVAL_TARGETS.recallAt5);
  });

  it(`répond « aucun résultat » à ${EVAL_TARGETS.zeroResultRate * 100} % des requêtes au plus`, () => {
    const empty = report.outcomes.filter((outcome) => outcome.total === 0).map((outcome) => outcome.query.q);
    expect(report.overall.zeroResultRate, empty.join(', ')).toBeLessThanOrEqual(EVAL_TARGETS.zeroResultRate);
  });

  it('met en tête le besoin dont on tape le titre exact', () => {
    const firsts = report.outcomes.filter((outcome) => outcome.isFirstOk !== null);
    expect(firsts.length).toBeGreaterThanOrEqual(10);
    expect(firsts.filter((outcome) => !outcome.isFirstOk).map((outcome) => outcome.query.q)).toEqual([]);
  });

  it('doit ces chiffres aux synonymes : sans eux, le même jeu manque les cibles', async () => {
    const without = await runEvalSet(queries, (query) => searchDirectory(prisma, query));
    expect(without.overall.recallAt5).toBeLessThan(0.8);
    expect(without.overall.zeroResultRate).toBeGreaterThan(0.2);
  });
});
