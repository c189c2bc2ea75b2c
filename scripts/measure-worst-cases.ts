// `npx tsx scripts/measure-worst-cases.ts`: how long the inputs that used to be the most
// expensive take (issue 12, items 2 and 3). Prints figures; asserts nothing (a timing is
// never a test here: the machine is shared and its speed varies).
//  1. The admin import, without a database (an empty directory, so every row is new):
//     - a CSV whose header has 160,000 columns (about 1.1 MB), and a row of 5 million « ; »;
//     - a solutions.csv of 20,000 solutions, each the sub-point of the one before (about 550 kB),
//       read and planned;
//     - the same 20,000 rows without parents, for comparison.
//  2. Search (a whole results page: matches, the first page of each type, suggestions), in a throwaway embedded PostgreSQL loaded with the benchmark's synthetic
//     directory (10,000 providers): short queries against 200-character ones that no entry
//     matches with every word (the « any word » mode): a sentence of the dataset's words, and
//     the most words 200 characters hold. Skipped with MEASURE_SEARCH=0; MEASURE_IMPORT=0
//     skips the import.
//  3. The same search without and with the starter synonyms (prisma/seed/synonymes.json), query
//     by query, the two runs alternating (issue 16: synonyms must not make search slower).
// Each figure is the best of a few runs (MEASURE_RUNS, default 3).
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { parseImportFile } from '../lib/import/parse';
import { planImport, type PlanReader } from '../lib/import/plan';
import { searchDirectory } from '../lib/search/search';
import { loadVocabulary } from '../lib/search/vocabulary';
import { seedSynonyms } from '../lib/seed/seed-synonyms';
import { loadSynonymIndex } from '../lib/synonyms/load';
import { analyseTexts } from '../lib/synonyms/words';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { BENCH_SIZES, generateSyntheticDataset, insertSyntheticDataset } from './lib/synthetic-dataset';
import { freePort } from './lib/free-port';
import { throwawayWorkspace } from './lib/workspace';

const RUNS = Math.max(1, Number(process.env.MEASURE_RUNS ?? 3) || 3);

async function best<T>(label: string, run: () => Promise<T> | T, describe: (result: T) => string): Promise<void> {
  let fastest = Number.POSITIVE_INFINITY;
  let last: T | undefined;
  for (let index = 0; index < RUNS; index += 1) {
    const start = process.hrtime.bigint();
    last = await run();
    fastest = Math.min(fastest, Number(process.hrtime.bigint() - start) / 1e6);
  }
  console.log(`  ${label.padEnd(72)} ${fastest.toFixed(1).padStart(10)} ms   ${describe(last as T)}`);
}

// A database with no entries: every row of the file is a new one.
const emptyDirectory = { findMany: async () => [] };
const emptyReader = { theme: emptyDirectory, need: emptyDirectory, solution: emptyDirectory, provider: emptyDirectory } as unknown as PlanReader;

const kb = (text: string) => `${Math.round(Buffer.byteLength(text) / 1024)} kB`;

function wideHeader(columns: number): string {
  const names = ['slug', 'name', ...Array.from({ length: columns - 2 }, (_, index) => `c${index}`)];
  return `${names.join(';')}\r\nexemple;Exemple\r\n`;
}

function chainedSolutions(rows: number, isChained: boolean): string {
  const lines = ['slug;title;availability;parent'];
  for (let index = 0; index < rows; index += 1) lines.push(`s${index};Solution ${index};EXISTING;${isChained && index > 0 ? `s${index - 1}` : ''}`);
  return `${lines.join('\r\n')}\r\n`;
}

async function measureImport(): Promise<void> {
  console.log('Import (lib/import), sans base de données :');
  const header = wideHeader(160_000);
  await best(`en-tête de 160 000 colonnes (${kb(header)}), lecture`, () => parseImportFile('fichier.csv', header), (parsed) =>
    parsed.errors.length > 0 ? `refusé : ${parsed.errors[0]!.slice(0, 70)}…` : `${parsed.rows.length} ligne(s)`,
  );
  const separators = `slug;name\r\nexemple;Exemple${';'.repeat(5_000_000)}\r\n`;
  await best(`une ligne de 5 millions de « ; » (${kb(separators)}), lecture`, () => parseImportFile('themes.csv', separators), (parsed) =>
    parsed.errors.length > 0 ? `refusé : ${parsed.errors[0]!.slice(0, 70)}…` : `${parsed.rows.length} ligne(s)`,
  );
  for (const isChained of [true, false]) {
    const content = chainedSolutions(20_000, isChained);
    await best(
      `solutions.csv, 20 000 ${isChained ? 'sous-points en chaîne' : 'solutions sans parent'} (${kb(content)}), lecture et plan`,
      () => planImport(emptyReader, parseImportFile('solutions.csv', content), content),
      ({ plan }) => (plan.fileErrors.length > 0 ? `refusé : ${plan.fileErrors[0]!.slice(0, 70)}…` : `${plan.counts.create} à créer, ${plan.counts.error} en erreur`),
    );
  }
}

// About 200 characters of distinct words of the dataset (5 letters or more), which no entry has all of.
function longQuery(texts: string[]): string {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of text.toLowerCase().match(/\p{L}{5,}/gu) ?? []) {
      if ([...words, word].join(' ').length > 200) return [...words].join(' ');
      words.add(word);
    }
  }
  return [...words].join(' ');
}

async function measureSearch(): Promise<void> {
  const { dir: workDir, cleanups, cleanup } = throwawayWorkspace('measure');
  try {
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), port: await freePort(), persistent: false });
    cleanups.push(postgres.stop);
    await ensureDatabase(postgres.urlFor('postgres'), 'repertoire_measure');
    const url = withDatabase(postgres.urlFor('postgres'), 'repertoire_measure');
    await applyMigrations(url);
    const dataset = generateSyntheticDataset(BENCH_SIZES);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await insertSyntheticDataset(client, dataset);
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    cleanups.push(() => prisma.$disconnect());

    // As the site does: the vocabulary of suggestions is read once, not per search.
    const kept = loadVocabulary(prisma);
    const vocabulary = () => kept;
    console.log(`Recherche (lib/search, une page de résultats entière), ${dataset.providers.length} fournisseurs, ${dataset.solutions.length} solutions, ${dataset.needs.length} besoins :`);
    const long = longQuery([...dataset.providers.slice(0, 40).map((row) => row.description), ...dataset.solutions.slice(0, 40).map((row) => row.description)]);
    // The most words 200 characters hold: numbers of two digits (each one a word of its own).
    const numbers = Array.from({ length: 67 }, (_, index) => String(index + 10)).join(' ');
    // With a word excluded, the « any word » mode is skipped: straight to typos in names.
    const negated = `${numbers.slice(0, 191)} -zorglub`;
    const negatedShort = `${numbers.slice(0, 71)} -zorglub`;
    for (const query of ['formation', 'sauvegarde données', 'techsup', long, numbers, negatedShort, negated]) {
      const label = query.length > 40 ? `${query.length} caractères, ${query.split(' ').length} mots${query.includes(' -') ? ', dont un exclu' : ''}` : `« ${query} »`;
      await best(label, () => searchDirectory(prisma, query, { vocabulary }), (results) =>
        `mode ${results.mode}, ${results.total} fiches${results.suggestions.length > 0 ? `, ${results.suggestions.length} suggestion(s)` : ''}`,
      );
    }

    await seedSynonyms(prisma);
    const synonyms = await loadSynonymIndex(prisma);
    console.log(`\nSans puis avec les ${synonyms.groupCount} groupes de synonymes de départ (meilleur de ${RUNS} essais chacun, en alternance) :`);
    for (const query of ['formation', 'géomatique', 'carefour', 'sauvegarde données', 'ordi usagé', 'burnout', 'OSBL', 'logiciels pas chers', long]) {
      const times = { without: Number.POSITIVE_INFINITY, with: Number.POSITIVE_INFINITY, analysis: Number.POSITIVE_INFINITY };
      const totals = { without: 0, with: 0 };
      for (let index = 0; index < RUNS; index += 1) {
        for (const variant of ['without', 'with'] as const) {
          const start = process.hrtime.bigint();
          const results = await searchDirectory(prisma, query, { vocabulary, synonyms: variant === 'with' ? synonyms : null });
          times[variant] = Math.min(times[variant], Number(process.hrtime.bigint() - start) / 1e6);
          totals[variant] = results.total;
        }
        // What synonyms add when no group applies: the query's analysis by PostgreSQL.
        const start = process.hrtime.bigint();
        await analyseTexts(prisma, [query]);
        times.analysis = Math.min(times.analysis, Number(process.hrtime.bigint() - start) / 1e6);
      }
      const label = query.length > 40 ? `${query.length} caractères` : `« ${query} »`;
      console.log(
        `  ${label.padEnd(40)} sans ${times.without.toFixed(1).padStart(8)} ms (${totals.without} fiches)   avec ${times.with.toFixed(1).padStart(8)} ms (${totals.with} fiches), dont analyse ${times.analysis.toFixed(1)} ms`,
      );
    }
  } finally {
    await cleanup();
  }
}

async function main(): Promise<void> {
  if (process.env.MEASURE_IMPORT !== '0') await measureImport();
  if (process.env.MEASURE_SEARCH !== '0') await measureSearch();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
