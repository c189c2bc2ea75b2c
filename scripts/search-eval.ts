// `npm run search:eval`: recall@5 and the zero-result rate of the search on the public test set
// (tests/fixtures/search-eval.json), overall and per category, against a real PostgreSQL that it
// starts itself in a temporary folder (or a throwaway database on TEST_DATABASE_URL's server,
// as npm test does), migrated and loaded with the inventory and the starter synonyms.
// `--sans-synonymes` searches without the synonym groups, for comparison.
// Exit code 1 when a target of issue 16 is missed (lib/search/eval.ts EVAL_TARGETS).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { formatEvalReport, meetsTargets, parseEvalSet, runEvalSet } from '../lib/search/eval';
import { searchDirectory } from '../lib/search/search';
import { seedInventory } from '../lib/seed/seed-inventory';
import { seedSynonyms } from '../lib/seed/seed-synonyms';
import { loadSynonymIndex } from '../lib/synonyms/load';
import { dropDatabase, ensureDatabase, startEmbeddedPostgres, withDatabase } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { repoRoot } from './lib/next-app';
import { freePort } from './lib/free-port';
import { throwawayWorkspace } from './lib/workspace';

async function main(): Promise<number> {
  const withSynonyms = !process.argv.includes('--sans-synonymes');
  const queries = parseEvalSet(JSON.parse(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'search-eval.json'), 'utf8')));
  const { dir: workDir, cleanups, cleanup } = throwawayWorkspace('search-eval');
  try {
    let serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) {
      const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), port: await freePort(), persistent: false });
      cleanups.push(postgres.stop);
      serverUrl = postgres.urlFor('postgres');
    }
    const name = `repertoire_search_eval_${process.pid}`;
    await ensureDatabase(serverUrl, name);
    const server = serverUrl;
    cleanups.push(() => dropDatabase(server, name));
    const url = withDatabase(serverUrl, name);
    await applyMigrations(url);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    cleanups.push(() => prisma.$disconnect());
    await seedInventory(prisma);
    await seedSynonyms(prisma);
    const synonyms = withSynonyms ? await loadSynonymIndex(prisma) : null;

    const report = await runEvalSet(queries, (query) => searchDirectory(prisma, query, { synonyms }));
    console.log(
      `Jeu d’évaluation public : ${queries.length} requêtes (tests/fixtures/search-eval.json), ` +
        `${withSynonyms ? `avec les ${synonyms?.groupCount ?? 0} groupes de synonymes de départ` : 'sans synonymes'}.\n` +
        'Rappel@5 : part des fiches attendues parmi les 5 premières de leur type (besoins, solutions, fournisseurs).\n',
    );
    console.log(formatEvalReport(report));
    return meetsTargets(report) ? 0 : 1;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`\nL’évaluation de la recherche a échoué : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
