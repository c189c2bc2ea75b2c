// Two standalone instances, one PostgreSQL, one Redis: the 'use cache' entries and their
// invalidation are shared (lib/cache/redis-cache-handler.mjs; whole pages are dropped by
// lib/cache/page-cache-handler.mjs), so an edit made through instance 1, by its admin form
// too, shows on instance 2 within a second; and Redis going down costs cache hits, never a
// failed or hanging request.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from 'redis';
import { INVENTORY_TAG } from '../../lib/data/cache-tags';
import { repoRoot } from '../../scripts/lib/next-app';
import { launchBrowser, saveDescription, signIn } from './lib/admin-browser';
import { Checks } from './lib/checks';
import { freePort, sharedSecrets, sleep, startInstance, timedGet, type Admin, type Database } from './lib/fixture';
import { startRedisServer } from './lib/redis-server';

type CacheHandler = { updateTags(tags: string[]): Promise<void> };

/** Instance 2 shows `text` at `url` within `limitMs`: how long it took, or undefined. */
async function waitForText(url: string, text: string, limitMs: number): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started <= limitMs) {
    const response = await timedGet(url, 5_000);
    if (response.status === 200 && response.body.includes(text)) return performance.now() - started;
    await sleep(50);
  }
  return undefined;
}

export async function runTwoInstances(context: { database: Database; workDir: string; baseEnv: NodeJS.ProcessEnv; admin: Admin }): Promise<Checks> {
  const checks = new Checks('Deux instances, un Redis');
  const { database } = context;
  const redis = await startRedisServer({ port: await freePort(), dir: context.workDir });
  const env = { ...context.baseEnv, DATABASE_URL: database.url, REDIS_URL: redis.url, ...sharedSecrets() };
  const first = await startInstance(env);
  const second = await startInstance(env);
  const redisClient = createClient({ url: redis.url });
  // Redis is stopped on purpose below: its errors are expected.
  redisClient.on('error', () => undefined);
  await redisClient.connect();
  try {
    const db = database.client();
    const needs = await db.need.findMany({ where: { status: 'PUBLISHED' }, orderBy: { slug: 'asc' }, take: 2, select: { id: true, slug: true, title: true } });
    const [shared, edited] = needs;
    if (!shared || !edited) throw new Error('La base de test ne contient pas deux besoins publiés.');

    // 1. An entry computed by instance 1 serves instance 2: with PostgreSQL stopped, instance 2
    //    still shows a page that only instance 1 ever rendered.
    const warm = await timedGet(`${first.url}/besoins/${shared.slug}`);
    const entries = (await redisClient.keys('repertoire:entry:*')).length;
    checks.add('les entrées du cache sont écrites dans Redis', warm.status === 200 && entries > 0, `${entries} entrées après une page vue sur l'instance 1`);
    await database.stop();
    const fromShared = await timedGet(`${second.url}/besoins/${shared.slug}`);
    await database.start();
    checks.add(
      "l'instance 2 sert depuis Redis une page calculée par l'instance 1 (PostgreSQL arrêté)",
      fromShared.status === 200 && fromShared.body.includes(shared.title.slice(0, 20)),
      `statut ${fromShared.status} en ${fromShared.ms.toFixed(0)} ms`,
    );

    // 2. An edit through instance 1 shows on instance 2 within one second.
    const pageOnSecond = `${second.url}/besoins/${edited.slug}`;
    const before = await timedGet(pageOnSecond);
    await timedGet(pageOnSecond); // now cached on instance 2 (memory) and in Redis
    const newTitle = `${edited.title} (modifié ${Date.now()})`;
    // First the bare mechanism: the write a form makes plus the invalidation it triggers (Next's
    // updateTag() calls the cache handler's updateTags() in the instance that ran the server
    // action). This runs that same handler code, against the same Redis.
    process.env.REDIS_URL = redis.url;
    const handlerUrl = pathToFileURL(path.join(repoRoot, 'lib', 'cache', 'redis-cache-handler.mjs')).href;
    const handler = ((await import(handlerUrl)) as { default: CacheHandler }).default;
    await sleep(300); // its Redis connection
    await db.need.update({ where: { id: edited.id }, data: { title: newTitle, version: { increment: 1 } } });
    await handler.updateTags([INVENTORY_TAG]);
    const seenAfter = await waitForText(pageOnSecond, newTitle, 1_000);
    checks.add(
      "une modification faite par l'instance 1 apparaît sur l'instance 2 en moins d'une seconde",
      before.status === 200 && !before.body.includes(newTitle) && seenAfter !== undefined,
      seenAfter === undefined ? 'pas visible après 1 s' : `visible après ${seenAfter.toFixed(0)} ms`,
    );

    // 2b. The same through instance 1's admin form (its server action calls updateTag()), while
    //     instance 2 serves the public page whole from its route cache (lib/cache/page-cache-handler.mjs).
    const browser = await launchBrowser();
    try {
      const session = await signIn(browser, first.url, context.admin);
      const adminContext = await browser.newContext({ baseURL: first.url, locale: 'fr-CA', javaScriptEnabled: false, storageState: session });
      const page = await adminContext.newPage();
      await page.goto(`/admin/besoins/${edited.id}`);
      await timedGet(pageOnSecond);
      const cached = await timedGet(pageOnSecond);
      const description = `Description changée par le formulaire de l'instance 1 (${Date.now()}).`;
      const outcome = await saveDescription(page, edited.id, description);
      const seenAfterForm = await waitForText(pageOnSecond, description, 1_000);
      checks.add(
        "une modification faite par le formulaire d'administration de l'instance 1 remplace en moins d'une seconde la page en cache de l'instance 2",
        cached.headers?.get('x-nextjs-cache') === 'HIT' && outcome.kind === 'ack' && seenAfterForm !== undefined,
        `page de l'instance 2 avant : ${cached.headers?.get('x-nextjs-cache') ?? 'pas en cache'} ; enregistrement : ${outcome.kind} ; ` +
          (seenAfterForm === undefined ? 'pas visible après 1 s' : `visible après ${seenAfterForm.toFixed(0)} ms`),
      );
    } finally {
      await browser.close();
    }

    // 3. Redis down: pages still answer, quickly (cache misses go to PostgreSQL).
    await redisClient.quit();
    await redis.stop();
    const paths = ['/', '/besoins', `/besoins/${shared.slug}`, '/fournisseurs', '/recherche?q=formation'];
    const results = [];
    for (const instance of [first, second]) {
      for (const pagePath of paths) results.push(await timedGet(`${instance.url}${pagePath}`, 10_000));
    }
    const failures = results.filter((result) => result.status !== 200);
    const slowest = Math.max(...results.map((result) => result.ms));
    checks.add('Redis arrêté : les pages répondent quand même (200), sans attendre', failures.length === 0 && slowest < 2_000, `${results.length - failures.length}/${results.length} en 200, la plus lente en ${slowest.toFixed(0)} ms`);
  } finally {
    if (redisClient.isOpen) redisClient.destroy();
    await Promise.all([first.stop(), second.stop()]);
    await redis.stop();
  }
  return checks;
}
