// PostgreSQL stops while traffic runs: pages whose data is cached keep answering 200, the
// others answer at once with the French 503 page (never a 500, never a hanging request),
// and everything answers 200 again once PostgreSQL is back, without restarting the server.
import { Checks, percentile } from './lib/checks';
import { sleep, startInstance, timedGet, type Database, type Timed } from './lib/fixture';

type Phase = 'before' | 'outage' | 'after';
type Sample = Timed & { path: string; phase: Phase; endedIn: Phase };

export async function runDatabaseOutage(context: { database: Database; baseEnv: NodeJS.ProcessEnv; secrets: Record<string, string> }): Promise<Checks> {
  const checks = new Checks('PostgreSQL arrêté pendant le trafic');
  const { database } = context;
  const db = database.client();
  const [need, provider, solution] = await Promise.all([
    db.need.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } }),
    db.provider.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } }),
    db.solution.findFirstOrThrow({ where: { status: 'PUBLISHED' }, select: { slug: true } }),
  ]);
  const cachedPaths = ['/', '/besoins', `/besoins/${need.slug}`, '/fournisseurs', `/fournisseurs/${provider.slug}`, '/solutions', `/solutions/${solution.slug}`];
  // Never cached: each query string is a new search.
  let counter = 0;
  const uncachedPath = (): string => `/recherche?q=${encodeURIComponent(`numérique ${(counter += 1)}`)}`;

  const server = await startInstance({ ...context.baseEnv, ...context.secrets, DATABASE_URL: database.url });
  try {
    for (const pagePath of cachedPaths) await timedGet(`${server.url}${pagePath}`);

    let phase: Phase = 'before';
    let isRunning = true;
    const samples: Sample[] = [];
    const worker = async (index: number): Promise<void> => {
      for (let i = index; isRunning; i += 1) {
        const pagePath = i % 3 === 0 ? uncachedPath() : (cachedPaths[i % cachedPaths.length] ?? '/');
        // Counted in the phase it started in; one in flight when PostgreSQL stops may fail too.
        const startedIn = phase;
        const result = await timedGet(`${server.url}${pagePath}`, 15_000);
        samples.push({ ...result, path: pagePath, phase: startedIn, endedIn: phase });
      }
    };
    const workers = Array.from({ length: 8 }, (_, index) => worker(index));
    // Some traffic answered before the outage (at least 2 s, longer on a busy machine).
    const warmUntil = Date.now() + 20_000;
    await sleep(2_000);
    while (samples.length < 16 && Date.now() < warmUntil) await sleep(200);
    phase = 'outage';
    await database.stop();
    await sleep(6_000);
    phase = 'after';
    await database.start();
    await sleep(4_000);
    isRunning = false;
    await Promise.all(workers);

    const before = samples.filter((sample) => sample.phase === 'before' && sample.endedIn === 'before');
    const during = samples.filter((sample) => sample.phase === 'outage' || sample.endedIn === 'outage');
    const cachedDuring = during.filter((sample) => !sample.path.startsWith('/recherche'));
    const uncachedDuring = during.filter((sample) => sample.path.startsWith('/recherche'));
    checks.add('avant la panne : tout répond 200', before.length > 0 && before.every((s) => s.status === 200), `${before.length} requêtes`);
    checks.add(
      'pendant la panne : les pages en cache répondent 200',
      cachedDuring.length > 0 && cachedDuring.every((sample) => sample.status === 200),
      `${cachedDuring.filter((s) => s.status === 200).length}/${cachedDuring.length} en 200`,
    );
    const unavailable = uncachedDuring.filter((sample) => sample.status === 503);
    const statuses = [...new Set(uncachedDuring.map((sample) => sample.status))].join(', ');
    checks.add(
      'pendant la panne : les autres pages répondent 503 (ou 200), jamais 500 ni une coupure',
      unavailable.length > 0 && uncachedDuring.every((sample) => sample.status === 503 || sample.status === 200),
      `${unavailable.length}/${uncachedDuring.length} en 503 ; statuts vus : ${statuses}`,
    );
    const frenchPage = unavailable.every((sample) => sample.body.includes('Service momentanément indisponible') && !/at \w+ \(|Error:/.test(sample.body));
    const retryAfterHeader = unavailable[0]?.headers?.get('retry-after');
    checks.add('la page 503 est en français, sans détail technique, avec Retry-After', unavailable.length > 0 && frenchPage && Boolean(retryAfterHeader), `Retry-After: ${retryAfterHeader ?? 'absent'}`);
    const slowest = Math.max(0, ...during.map((sample) => sample.ms));
    checks.add(
      'aucune requête ne reste en attente (toutes en moins de 6 s)',
      slowest < 6_000,
      `p95 ${percentile(during.map((s) => s.ms), 95).toFixed(0)} ms, la plus lente ${slowest.toFixed(0)} ms, ${during.length} requêtes`,
    );
    const afterOutage = await timedGet(`${server.url}${uncachedPath()}`); // PostgreSQL is back
    const recovered = samples.filter((sample) => sample.phase === 'after').slice(-40);
    checks.add(
      'PostgreSQL revenu : tout répond 200 de nouveau, sans redémarrer le serveur',
      recovered.length > 0 && recovered.every((sample) => sample.status === 200) && afterOutage.status === 200,
      `${recovered.filter((s) => s.status === 200).length}/${recovered.length} dernières requêtes en 200`,
    );
  } finally {
    await database.start();
    await server.stop();
  }
  return checks;
}
