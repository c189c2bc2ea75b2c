// SIGKILL in the middle of a burst of admin edits: no acknowledged edit is lost and none is
// half-applied.
//
// Six browser pages, JavaScript off, each save a need of their own through the real edit form
// in a loop, the description set to "marker-<need>-<n>" with n going up. Without JavaScript a
// save is a plain form POST, and its acknowledgement is precise: **an edit is acknowledged
// when the browser has received the server's answer to its POST, a 303 redirect to the entry
// with ?etat=update**. The server action only redirects after the save's transaction has
// committed (lib/actions/save-entry.ts), so every acknowledged edit must be in the database.
// Once SIGKILL_AFTER_ACKS edits are acknowledged, the server process (node server.js itself,
// no wrapper: scripts/lib/next-app.ts spawns it) is killed with SIGKILL as soon as PostgreSQL
// shows one of its transactions open, other POSTs in flight. Then, from the database: each need holds its last acknowledged marker or a later one
// (an unacknowledged save may have committed just before the kill: that is allowed); its
// history is exactly one 'need.update' record per version bump, the newest one equal to the
// row; and a restarted server serves the admin and public pages and takes a new edit.
import type { Browser, BrowserContext, Request } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { launchBrowser, saveDescription, signIn } from './lib/admin-browser';
import { Checks, percentile } from './lib/checks';
import { sharedSecrets, sleep, startInstance, timedGet, type Admin, type Database } from './lib/fixture';

const NEED_COUNT = 6;
// After this many acknowledged edits, the kill waits for a save's transaction to be open.
const KILL_AFTER_ACKS = Number(process.env.SIGKILL_AFTER_ACKS ?? 12);
const MARKER = /^marker-(\d+)-(\d+)$/;

type Context = { database: Database; baseEnv: NodeJS.ProcessEnv; secrets: Record<string, string>; admin: Admin };

type TestNeed = { index: number; id: string; slug: string };

type Worker = {
  need: TestNeed;
  /** Markers whose POST got the 303 answer, in order. */
  acknowledged: number[];
  /** Milliseconds from pressing "Enregistrer" to the 303, per acknowledged save. */
  ackMs: number[];
  /** Milliseconds from the 303 to the next form being loaded. */
  loadMs: number[];
  /** The highest marker sent (acknowledged or not). */
  lastAttempted: number;
  /** Answers that were neither a 303 nor a dropped connection, before the kill. */
  refused: string[];
  /** Why the loop ended (after the kill: the connection dropped). */
  end?: string;
};

function markerOf(index: number, n: number): string {
  return `marker-${index}-${n}`;
}

function markerNumber(index: number, description: unknown): number | undefined {
  const match = typeof description === 'string' ? MARKER.exec(description) : null;
  return match && Number(match[1]) === index ? Number(match[2]) : undefined;
}

/** Every process below pid (Linux /proc): a server that forked workers must lose them too. */
function descendants(pid: number): number[] {
  const found: number[] = [];
  const visit = (parent: number): void => {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children: number[] = [];
      try {
        children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number);
      } catch {
        continue;
      }
      for (const child of children) {
        found.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return found;
}

async function runBurst(
  context: BrowserContext,
  needs: TestNeed[],
  onAck: () => void,
  isKilled: () => boolean,
): Promise<Worker[]> {
  const workers: Worker[] = needs.map((need) => ({ need, acknowledged: [], ackMs: [], loadMs: [], lastAttempted: 0, refused: [] }));
  await Promise.all(
    workers.map(async (worker) => {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      try {
        await page.goto(`/admin/besoins/${worker.need.id}`);
        for (let n = 1; n < 10_000; n += 1) {
          if (isKilled()) {
            worker.end = 'arrêt demandé';
            break;
          }
          worker.lastAttempted = n;
          const outcome = await saveDescription(page, worker.need.id, markerOf(worker.need.index, n), worker);
          if (outcome.kind === 'ack') {
            worker.acknowledged.push(n);
            onAck();
            continue;
          }
          const detail = outcome.kind === 'timeout' ? 'pas de réponse en 20 s' : outcome.detail;
          if (!isKilled()) worker.refused.push(`marker ${n} : ${detail}`);
          worker.end = detail;
          break;
        }
      } catch (error) {
        // After the kill, the page that should follow a save is an error page: the loop ends.
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        if (!isKilled()) worker.refused.push(`erreur : ${message}`);
        worker.end = message;
      } finally {
        await page.close().catch(() => undefined);
      }
    }),
  );
  return workers;
}

type AuditRow = { action: string; before: unknown; after: unknown; createdAt: Date };

function field(snapshot: unknown, key: string): unknown {
  return snapshot && typeof snapshot === 'object' ? (snapshot as Record<string, unknown>)[key] : undefined;
}

export async function runSigkillEdits(context: Context): Promise<Checks> {
  const checks = new Checks('SIGKILL pendant des modifications');
  const db = context.database.client();
  const runTag = Date.now().toString(36);

  // Drafts of this test's own (never public, so no other page changes), version 1, no history
  // record: every record of theirs comes from the burst.
  const last = await db.need.aggregate({ _max: { position: true } });
  const needs: TestNeed[] = [];
  for (let index = 1; index <= NEED_COUNT; index += 1) {
    const slug = `resilience-sigkill-${runTag}-${index}`;
    const created = await db.need.create({
      data: { slug, kind: 'NEED', title: `Besoin du test SIGKILL ${index} (${runTag})`, description: markerOf(index, 0), status: 'DRAFT', position: (last._max.position ?? 0) + 100 + index },
      select: { id: true },
    });
    needs.push({ index, id: created.id, slug });
  }

  // The same secrets for both lives of the server, as a host would configure them.
  const env = { ...context.baseEnv, ...sharedSecrets(), ...context.secrets, DATABASE_URL: context.database.url };
  const server = await startInstance(env);
  let browser: Browser | undefined;
  let restarted: Awaited<ReturnType<typeof startInstance>> | undefined;
  let watcher: pg.Client | undefined;
  try {
    browser = await launchBrowser();
    const session = await signIn(browser, server.url, context.admin);
    const burstContext = await browser.newContext({ baseURL: server.url, locale: 'fr-CA', javaScriptEnabled: false, storageState: session });

    // The kill: once KILL_AFTER_ACKS edits are acknowledged, at the first moment PostgreSQL
    // shows one of the server's transactions open (between BEGIN and COMMIT), so that a save
    // is cut in its middle; after 5 s without one, regardless.
    const pid = server.process.pid!;
    let acks = 0;
    let inFlight = 0;
    let killed = false;
    let killInfo = '';
    let watching: Promise<void> | undefined;
    const exited = new Promise<string>((resolve) => server.process.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
    const kill = (openTransactions?: number): void => {
      if (killed) return;
      const below = descendants(pid);
      killed = true;
      server.process.kill('SIGKILL');
      for (const child of below) {
        try {
          process.kill(child, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      killInfo = [
        `${acks} modifications confirmées et rechargées`,
        `${inFlight} POST en cours`,
        openTransactions === undefined ? 'aucune transaction vue ouverte' : `${openTransactions} transaction(s) ouverte(s) juste avant`,
        ...(below.length ? [`${below.length} processus enfants tués aussi`] : []),
      ].join(', ');
    };
    watcher = new pg.Client({ connectionString: context.database.url });
    await watcher.connect();
    const watcherClient = watcher;
    const killDuringTransaction = async (): Promise<void> => {
      const deadline = Date.now() + 5_000;
      while (!killed) {
        // 'idle in transaction': between two statements of a transaction; 'active' with a
        // transaction older than its statement: a later statement of one.
        const { rows } = await watcherClient.query<{ open: number }>(
          `SELECT count(*)::int AS open FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
              AND (state = 'idle in transaction' OR (state = 'active' AND xact_start < query_start))`,
        );
        const open = rows[0]?.open ?? 0;
        if (open > 0) kill(open);
        else if (Date.now() > deadline) kill();
      }
    };
    burstContext.on('request', (request) => {
      if (request.method() === 'POST') inFlight += 1;
    });
    burstContext.on('requestfinished', (request) => {
      if (request.method() === 'POST') inFlight -= 1;
    });
    burstContext.on('requestfailed', (request) => {
      if (request.method() === 'POST') inFlight -= 1;
    });
    // A safety net: a burst that stalls before the threshold is still killed (and fails below).
    const safety = setTimeout(kill, 120_000);
    const childrenAtStart = descendants(pid);
    const started = performance.now();
    const workers = await runBurst(
      burstContext,
      needs,
      () => {
        acks += 1;
        if (acks >= KILL_AFTER_ACKS && !watching) watching = killDuringTransaction().catch(() => kill()); // watcher lost: kill now
      },
      () => killed,
    );
    clearTimeout(safety);
    const burstMs = performance.now() - started;
    await watching;
    const exitSignal = await Promise.race([exited, sleep(10_000).then(() => 'toujours vivant')]);
    await burstContext.close();

    const totalAcks = workers.reduce((sum, worker) => sum + worker.acknowledged.length, 0);
    const ackMs = workers.flatMap((worker) => worker.ackMs);
    const loadMs = workers.flatMap((worker) => worker.loadMs);
    checks.add(
      'le serveur (node server.js lui-même) est tué par SIGKILL au milieu de la rafale',
      killed && exitSignal === 'SIGKILL' && totalAcks >= KILL_AFTER_ACKS,
      `${killInfo || 'pas tué'} ; fin : ${exitSignal} ; ${childrenAtStart.length} processus enfant au départ ; rafale de ${(burstMs / 1000).toFixed(1)} s`,
    );
    const refused = workers.flatMap((worker) => worker.refused.map((text) => `besoin ${worker.need.index}, ${text}`));
    checks.add(
      'avant le SIGKILL, chaque enregistrement est confirmé (303)',
      refused.length === 0,
      refused.length
        ? refused.slice(0, 3).join(' ; ')
        : `${totalAcks} confirmés ; réponse en ${percentile(ackMs, 50).toFixed(0)} ms (médiane), ${percentile(ackMs, 95).toFixed(0)} ms (p95) ; formulaire suivant chargé en ${percentile(loadMs, 50).toFixed(0)} ms (médiane)`,
    );

    // The database as the kill left it (the server is dead: nothing else writes).
    const rows = await db.need.findMany({ where: { id: { in: needs.map((need) => need.id) } }, select: { id: true, description: true, version: true } });
    const audits = await db.auditLog.findMany({
      where: { entityType: 'Need', entityId: { in: needs.map((need) => need.id) } },
      orderBy: { createdAt: 'asc' },
      select: { entityId: true, action: true, before: true, after: true, createdAt: true },
    });

    const lost: string[] = [];
    const halfApplied: string[] = [];
    const figures: string[] = [];
    let committedUnacknowledged = 0;
    for (const worker of workers) {
      const { index, id } = worker.need;
      const row = rows.find((candidate) => candidate.id === id);
      const stored = row ? markerNumber(index, row.description) : undefined;
      const lastAck = worker.acknowledged.at(-1) ?? 0;
      figures.push(`${index}: confirmé ${lastAck}, en base ${stored ?? '?'}`);
      if (!row || stored === undefined || stored < lastAck) lost.push(`besoin ${index} : dernier confirmé ${lastAck}, en base « ${row?.description ?? 'ligne absente'} »`);
      else if (stored > worker.lastAttempted) lost.push(`besoin ${index} : en base ${stored}, jamais envoyé`);
      if (stored !== undefined && stored > lastAck) committedUnacknowledged += 1;

      const history: AuditRow[] = audits.filter((audit) => audit.entityId === id);
      const problems: string[] = [];
      if (!row) problems.push('ligne absente');
      else {
        const newest = history.at(-1);
        if (history.length !== row.version - 1) problems.push(`${history.length} enregistrements d’historique pour la version ${row.version}`);
        if (history.some((audit) => audit.action !== 'need.update')) problems.push(`actions ${[...new Set(history.map((audit) => audit.action))].join(', ')}`);
        if (row.version > 1 && (!newest || field(newest.after, 'version') !== row.version || field(newest.after, 'description') !== row.description)) {
          problems.push(`dernier historique v${String(field(newest?.after, 'version'))} « ${String(field(newest?.after, 'description'))} » ≠ ligne v${row.version} « ${row.description} »`);
        }
        // The chain of versions has no gap and no repeat: v1 -> v2 -> … -> row.version.
        history.forEach((audit, position) => {
          if (field(audit.before, 'version') !== position + 1 || field(audit.after, 'version') !== position + 2) problems.push(`maillon ${position + 1} : v${String(field(audit.before, 'version'))} -> v${String(field(audit.after, 'version'))}`);
        });
        // Each acknowledged marker is in the history (once), in the order it was sent.
        const recorded = history.map((audit) => markerNumber(index, field(audit.after, 'description')));
        const missing = worker.acknowledged.filter((n) => recorded.filter((value) => value === n).length !== 1);
        if (missing.length) problems.push(`marqueurs confirmés absents de l’historique : ${missing.join(', ')}`);
        if (recorded.some((value, position) => value === undefined || (position > 0 && value <= recorded[position - 1]!))) problems.push('historique hors d’ordre');
      }
      if (problems.length) halfApplied.push(`besoin ${index} : ${problems.slice(0, 2).join(' ; ')}`);
    }
    checks.add(
      'aucune modification confirmée n’est perdue (description en base ≥ dernier marqueur confirmé)',
      lost.length === 0,
      lost.length ? lost.slice(0, 3).join(' ; ') : `${figures.join(' · ')} (${committedUnacknowledged} enregistrée(s) sans confirmation reçue)`,
    );
    checks.add(
      'aucune modification à moitié appliquée (version, description et historique concordent)',
      halfApplied.length === 0,
      halfApplied.length ? halfApplied.slice(0, 3).join(' ; ') : `${audits.length} enregistrements « need.update » pour ${NEED_COUNT} besoins, chacun au dernier état de sa ligne`,
    );

    // A new life on the same database: admin and public pages as usual, and a new edit.
    restarted = await startInstance(env);
    const publishedNeed = await db.need.findFirst({ where: { status: 'PUBLISHED' }, orderBy: { position: 'asc' }, select: { slug: true } });
    const publicPaths = ['/', '/besoins', ...(publishedNeed ? [`/besoins/${publishedNeed.slug}`] : []), '/recherche?q=formation'];
    const publicResults = await Promise.all(publicPaths.map((pagePath) => timedGet(`${restarted!.url}${pagePath}`)));
    checks.add(
      'après redémarrage, les pages publiques répondent (200)',
      publicResults.every((result) => result.status === 200),
      publicPaths.map((pagePath, i) => `${pagePath} ${publicResults[i]!.status}`).join(', '),
    );

    const afterContext = await browser.newContext({ baseURL: restarted.url, locale: 'fr-CA', javaScriptEnabled: false, storageState: session });
    try {
      const page = await afterContext.newPage();
      page.setDefaultTimeout(20_000);
      const target = needs[0]!;
      const row = rows.find((candidate) => candidate.id === target.id)!;
      const response = await page.goto(`/admin/besoins/${target.id}`);
      const shown = await page.getByLabel('Description', { exact: true }).inputValue();
      checks.add(
        'après redémarrage, la page d’édition répond (200) et montre la version en base',
        response?.status() === 200 && shown === row.description,
        `statut ${response?.status() ?? 'aucun'}, description « ${shown} »`,
      );
      const next = (markerNumber(target.index, row.description) ?? 0) + 1000;
      const outcome = await saveDescription(page, target.id, markerOf(target.index, next));
      const saved = await db.need.findUnique({ where: { id: target.id }, select: { description: true, version: true } });
      checks.add(
        'après redémarrage, un nouvel enregistrement est confirmé et écrit',
        outcome.kind === 'ack' && saved?.description === markerOf(target.index, next) && saved.version === row.version + 1,
        outcome.kind === 'ack' ? `version ${saved?.version}` : outcome.kind === 'timeout' ? 'pas de réponse' : outcome.detail,
      );
    } finally {
      await afterContext.close();
    }
  } finally {
    await watcher?.end().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server.stop();
    await restarted?.stop();
    // The test's drafts go with their history: the other scenarios see the inventory unchanged.
    const ids = needs.map((need) => need.id);
    await db.auditLog.deleteMany({ where: { entityType: 'Need', entityId: { in: ids } } }).catch(() => undefined);
    await db.need.deleteMany({ where: { id: { in: ids } } }).catch(() => undefined);
  }
  return checks;
}
