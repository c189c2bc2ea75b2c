// `npm run copy:check`: how plain the French of every public page is (issue 17).
//  1. a throwaway embedded PostgreSQL in a temporary folder, migrated and seeded with the
//     inventory, as `npm test` does; the production build in its own folder (.next-test-copy,
//     kept between runs, rebuilt only when sources change), served on a free port;
//     or, with COPY_CHECK_URL=http://localhost:3000, a site that is already running;
//  2. every public page fetched (scripts/lib/copy/pages.ts) and its visible text read
//     (scripts/lib/copy/extract.ts), the inventory's quotations set apart;
//  3. per page: Kandel & Moles' reading ease of the interface's own text in <main> (the frame
//     every page shares is scored once, apart), its longest sentences, acronyms whose first use is not explained, banned words (lib/copy/vocabulary.ts);
//  4. the interface's strings in the source code: one kind of apostrophe, the typographic ’
//     (scripts/lib/copy/apostrophes.ts; the entries' data keeps its own).
// Scores are a report, not a gate: the gate is tests/e2e/copy-vocabulary.spec.ts in `npm test`.
// Prints the details, then the tables; writes copy-report.json (git-ignored).
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { seedInventory } from '../lib/seed/seed-inventory';
import { findCopyApostrophes, PENDING_FILES } from './lib/copy/apostrophes';
import { analyzeHtml, type PageReport } from './lib/copy/check';
import { kandelMoles } from './lib/copy/readability';
import { listPublicPages, type PublicPage } from './lib/copy/pages';
import { ensureDatabase, startEmbeddedPostgres, withDatabase } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { ensureBuild, repoRoot, startServer } from './lib/next-app';
import { freePort } from './lib/free-port';
import { throwawayWorkspace } from './lib/workspace';

// A build folder of this command's own, kept between runs; the `.next-test-` prefix is already
// git-, lint- and tsc-ignored. next-app reads these when called, not when imported.
const COPY_DIST_DIR = '.next-test-copy';
const copyTsconfig = `tsconfig.next-test-copy-${process.pid}.json`;
process.env.NEXT_DIST_DIR = COPY_DIST_DIR;
process.env.NEXT_TSCONFIG_PATH = copyTsconfig;

const REPORT_FILE = 'copy-report.json';
const TARGET_SCORE = 60;

type PageResult = PublicPage & { status: number } & PageReport;

const round = (value: number | undefined, digits = 0): string => (value === undefined ? '—' : value.toFixed(digits));
const unique = (values: string[]): string[] => [...new Set(values)];

async function fetchPage(base: string, pagePath: string): Promise<{ status: number; html: string }> {
  const response = await fetch(`${base}${pagePath}`, { signal: AbortSignal.timeout(60_000), redirect: 'follow' });
  return { status: response.status, html: await response.text() };
}

/** The served site: COPY_CHECK_URL, or a seeded throwaway database and the production build. */
async function openSite(workDir: string, cleanups: Array<() => Promise<void>>): Promise<string> {
  const given = process.env.COPY_CHECK_URL?.trim();
  if (given) return given.replace(/\/+$/, '');

  const postgres = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'postgres'), port: await freePort(), persistent: false });
  cleanups.push(postgres.stop);
  await ensureDatabase(postgres.urlFor('postgres'), 'repertoire_copy');
  const databaseUrl = withDatabase(postgres.urlFor('postgres'), 'repertoire_copy');
  await applyMigrations(databaseUrl);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
  try {
    await seedInventory(prisma);
  } finally {
    await prisma.$disconnect();
  }

  writeFileSync(path.join(repoRoot, copyTsconfig), `${JSON.stringify({ extends: './tsconfig.json' }, null, 2)}\n`);
  ensureBuild();
  const server = await startServer({
    port: await freePort(),
    host: '127.0.0.1',
    quiet: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
      // Every page is fetched from one address.
      SEARCH_RATE_LIMIT_PER_MINUTE: '0',
      DOWNLOAD_RATE_LIMIT_PER_MINUTE: '0',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });
  cleanups.push(server.stop);
  return server.url;
}

function details(result: PageResult): string[] {
  const lines = [`\n■ ${result.path}  (${result.status}) — score ${round(result.interface.score)}, ${result.interface.words} mots, ${result.interface.sentences} phrases`];
  if (result.quotations.words > 0) lines.push(`  citations de l'inventaire, à part : ${result.quotations.words} mots, score ${round(result.quotations.score)}`);
  for (const sentence of result.longestSentences) lines.push(`  ${String(sentence.words).padStart(3)} mots : ${sentence.text}`);
  for (const finding of result.unexplainedAcronyms) lines.push(`  sigle ${finding.acronym} (${finding.place}, ${finding.reason}) : ${finding.excerpt}`);
  for (const finding of result.bannedWords) lines.push(`  mot à éviter « ${finding.word} » (${finding.place}) : ${finding.excerpt}`);
  return lines;
}

function table(results: PageResult[]): string[] {
  const width = Math.min(60, Math.max(...results.map((result) => result.path.length)) + 2);
  const lines = ['', `${'page'.padEnd(width)}${'score'.padStart(6)}${'mots'.padStart(6)}${'phr.'.padStart(6)}${'mots/ph'.padStart(8)}${'syl/mot'.padStart(8)}  sigles non expliqués | mots à éviter`];
  for (const result of results) {
    const { words, sentences, syllables, score } = result.interface;
    const acronyms = unique(result.unexplainedAcronyms.map((finding) => finding.acronym)).join(', ') || '—';
    const banned = unique(result.bannedWords.map((finding) => finding.word)).join(', ') || '—';
    lines.push(
      `${result.path.slice(0, width - 2).padEnd(width)}${round(score).padStart(6)}${String(words).padStart(6)}${String(sentences).padStart(6)}` +
        `${round(sentences ? words / sentences : undefined, 1).padStart(8)}${round(words ? syllables / words : undefined, 2).padStart(8)}  ${acronyms} | ${banned}`,
    );
  }
  return lines;
}

function routeTable(results: PageResult[]): string[] {
  const byRoute = new Map<string, PageResult[]>();
  for (const result of results) byRoute.set(result.route, [...(byRoute.get(result.route) ?? []), result]);
  const lines = ['', `${'par sorte de page'.padEnd(26)}${'pages'.padStart(6)}${'min'.padStart(6)}${'médiane'.padStart(9)}${'max'.padStart(6)}${'global'.padStart(8)}  sous ${TARGET_SCORE}`];
  for (const [route, group] of byRoute) {
    const scores = group.map((result) => result.interface.score).filter((score): score is number => score !== undefined).sort((a, b) => a - b);
    const sum = (key: 'words' | 'sentences' | 'syllables'): number => group.reduce((total, result) => total + result.interface[key], 0);
    const overall = kandelMoles(sum('sentences'), sum('words'), sum('syllables'));
    const below = scores.filter((score) => score < TARGET_SCORE).length;
    lines.push(
      `${route.padEnd(26)}${String(group.length).padStart(6)}${round(scores[0]).padStart(6)}${round(scores[Math.floor((scores.length - 1) / 2)]).padStart(9)}` +
        `${round(scores.at(-1)).padStart(6)}${round(overall).padStart(8)}  ${below}/${group.length}`,
    );
  }
  return lines;
}

async function main(): Promise<number> {
  const started = Date.now();
  const { dir: workDir, cleanups, cleanup } = throwawayWorkspace('copy', () => rmSync(path.join(repoRoot, copyTsconfig), { force: true }));

  try {
    const base = await openSite(workDir, cleanups);
    const pages = await listPublicPages(async (pagePath) => (await fetchPage(base, pagePath)).html);
    console.log(`${pages.length} pages publiques lues sur ${base}…`);
    const results: PageResult[] = [];
    const problems: string[] = [];
    for (const page of pages) {
      const { status, html } = await fetchPage(base, page.path);
      if (status !== (page.expectedStatus ?? 200)) problems.push(`${page.path} a répondu ${status}`);
      results.push({ ...page, status, ...analyzeHtml(html) });
    }

    const lines = results.flatMap(details);
    const frame = results[0]?.frame;
    lines.push(...table(results), ...routeTable(results));
    if (frame) lines.push('', `gabarit (en-tête, navigation, pied de page ; hors du score de chaque page) : score ${round(frame.score)}, ${frame.words} mots, ${frame.sentences} phrases`);
    const acronymCount = results.reduce((total, result) => total + result.unexplainedAcronyms.length, 0);
    const bannedCount = results.reduce((total, result) => total + result.bannedWords.length, 0);
    const below = results.filter((result) => result.interface.score !== undefined && result.interface.score < TARGET_SCORE).length;
    lines.push(
      '',
      `${results.length} pages : ${below} sous ${TARGET_SCORE}, ${acronymCount} sigles non expliqués, ${bannedCount} mots à éviter — ${REPORT_FILE} écrit (${Math.round((Date.now() - started) / 1000)} s)`,
    );
    if (problems.length > 0) lines.push(`Pages inattendues : ${problems.join(' ; ')}`);
    const apostrophes = findCopyApostrophes(repoRoot);
    lines.push(
      `Apostrophes droites (') dans les textes de l'interface : ${apostrophes.length}` +
        (Object.keys(PENDING_FILES).length > 0 ? ` (hors ${Object.keys(PENDING_FILES).join(', ')}, en attente)` : ''),
      ...apostrophes.map((finding) => `  ${finding.file}:${finding.line} : ${finding.text}`),
    );
    if (apostrophes.length > 0) problems.push(`${apostrophes.length} apostrophes droites`);
    console.log(lines.join('\n'));
    writeFileSync(
      path.join(repoRoot, REPORT_FILE),
      `${JSON.stringify({ generatedAt: new Date().toISOString(), site: base, targetScore: TARGET_SCORE, pages: results, apostrophes }, null, 2)}\n`,
    );
    return problems.length > 0 ? 1 : 0;
  } catch (error) {
    console.error(`\nLa lecture des pages a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  } finally {
    await cleanup();
  }
}

main().then((code) => process.exit(code));
