import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// Plain JavaScript that Next imports at run time (no type declarations): loaded by path.
const handlerFile = path.resolve(import.meta.dirname, '../../lib/cache/page-cache-handler.mjs');

// The handler keeps its pages in module state: each test imports a fresh copy.
type Handler = {
  get: (key: string) => Promise<{ lastModified: number; value: unknown } | null>;
  set: (key: string, value: unknown, ctx: { cacheControl?: { revalidate: number | false; expire?: number } }) => Promise<void>;
  revalidateTag: (tags: string | string[]) => Promise<void>;
};

async function freshHandler(env: Record<string, string> = {}): Promise<Handler> {
  vi.resetModules();
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const { default: PageCacheHandler } = (await import(/* @vite-ignore */ handlerFile)) as { default: new (context: object) => Handler };
  return new PageCacheHandler({ revalidatedTags: [], _requestHeaders: {} });
}

function page(html: string, tags = 'inventory,_N_T_/layout') {
  return { kind: 'APP_PAGE', html, rscData: Buffer.from('rsc'), headers: { 'x-next-cache-tags': tags }, status: 200, postponed: undefined, segmentData: new Map() };
}

const SHARED = Symbol.for('repertoire.sharedTags');
const hour = { cacheControl: { revalidate: 3600, expire: 86400 } };

describe('cache des pages rendues', () => {
  beforeEach(() => {
    vi.unstubAllEnvs();
    Reflect.deleteProperty(globalThis, SHARED);
  });

  // Every <script> start tag of a page, and the nonce of its policy's script-src.
  const scriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag);
  const policyNonce = (headers: Record<string, string>) => {
    const scriptSrc = headers['content-security-policy']?.split(';').find((directive) => directive.trim().startsWith('script-src'));
    const sources = scriptSrc?.trim().split(/\s+/).slice(1) ?? [];
    expect(sources.filter((source) => source !== "'self'")).toHaveLength(1);
    return /^'nonce-([A-Za-z0-9+/]{22}==)'$/.exec(sources[1] ?? '')?.[1];
  };
  type Served = { value: { html: string; headers: Record<string, string> } };
  const bigPage = () => {
    const chunks = Array.from({ length: 2000 }, (_, i) => `<script>self.__next_f.push([1,"${i} \\u003c/script\\u003e"])</script>`);
    return page(
      `<!DOCTYPE html><html><head><script src="/_next/a.js" async=""></script><script type="application/ld+json">{"a":"\\u003cscript"}</script></head>` +
        `<body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p><noscript>sans JavaScript</noscript>${chunks.join('')}</body></html>`,
    );
  };

  it('sert une page du cache avec un nonce neuf à chaque réponse, sur chacun de ses scripts, dans une politique de taille fixe', async () => {
    const handler = await freshHandler();
    await handler.set('/statique/solutions', bigPage(), hour);
    const nonces: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const hit = (await handler.get('/statique/solutions')) as Served | null;
      const nonce = policyNonce(hit!.value.headers);
      expect(nonce).toBeTruthy();
      nonces.push(nonce!);
      expect(hit!.value.headers['content-security-policy']!.length).toBeLessThan(1024);
      expect(hit!.value.headers['x-next-cache-tags']).toBe('inventory,_N_T_/layout');
      const tags = scriptTags(hit!.value.html);
      expect(tags).toHaveLength(2002);
      for (const tag of tags) expect(tag).toMatch(new RegExp(`^<script nonce="${nonce!.replace(/[+/]/g, '\\$&')}"[ >]`));
      // Nothing else became a script: the escaped text is as it was.
      expect(hit!.value.html).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><noscript>sans JavaScript</noscript>');
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('donne aussi un nonce à la page que Next vient de rendre, sur l’objet même qu’il enverra, sans le garder', async () => {
    const handler = await freshHandler();
    const value = bigPage();
    const rendered = value.html;
    await handler.set('/statique/solutions', value, hour);
    // Next sends the page it has just rendered from this very object.
    const first = value as unknown as Served['value'];
    const nonce = policyNonce(first.headers);
    expect(nonce).toBeTruthy();
    expect(scriptTags(first.html).every((tag) => tag.startsWith(`<script nonce="${nonce}"`))).toBe(true);
    expect(first.headers['x-next-cache-tags']).toBe('inventory,_N_T_/layout');
    // What is kept is the page as rendered: the next visitor gets a nonce of its own, once.
    const hit = (await handler.get('/statique/solutions')) as Served | null;
    const next = policyNonce(hit!.value.headers);
    expect(next).not.toBe(nonce);
    expect(hit!.value.html.replaceAll(` nonce="${next}"`, '')).toBe(rendered);
  });

  it('garde la page sans nonce quand Next lui rend une page servie (rendu de remplacement échoué)', async () => {
    const handler = await freshHandler();
    await handler.set('/statique/besoins', page('<script>a()</script>'), hour);
    const served = (await handler.get('/statique/besoins')) as Served | null;
    await handler.set('/statique/besoins', served!.value, hour);
    const hit = (await handler.get('/statique/besoins')) as Served | null;
    expect(hit!.value.html).toBe(`<script nonce="${policyNonce(hit!.value.headers)}">a()</script>`);
  });

  it('garde une page et la rend telle quelle', async () => {
    const handler = await freshHandler();
    expect(await handler.get('/statique/besoins')).toBeNull();
    await handler.set('/statique/besoins', page('<p>liste</p>'), hour);
    const hit = await handler.get('/statique/besoins');
    expect(hit?.value).toMatchObject({ html: '<p>liste</p>' });
    expect(await handler.get('/statique/besoins')).toMatchObject({ value: { html: '<p>liste</p>' } });
  });

  it('oublie les pages dont une étiquette a été invalidée après leur rendu, pas les autres', async () => {
    const handler = await freshHandler();
    await handler.set('/a', page('a'), hour);
    await handler.set('/b', page('b', '_N_T_/layout'), hour);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.revalidateTag(['inventory']);
    expect(await handler.get('/a')).toBeNull();
    expect(await handler.get('/b')).not.toBeNull();
    // Rendered again after the edit: kept.
    await handler.set('/a', page('a2'), hour);
    expect((await handler.get('/a'))?.value).toMatchObject({ html: 'a2' });
  });

  it('date une page du début de son rendu : une modification faite pendant le rendu l’invalide', async () => {
    const handler = await freshHandler();
    expect(await handler.get('/lente')).toBeNull(); // the miss: Next starts rendering
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.revalidateTag('inventory'); // an edit lands while the page renders
    await new Promise((resolve) => setTimeout(resolve, 2));
    await handler.set('/lente', page('données d’avant'), hour); // the render ends
    expect(await handler.get('/lente')).toBeNull();
    await handler.set('/lente', page('données d’après'), hour);
    expect((await handler.get('/lente'))?.value).toMatchObject({ html: 'données d’après' });
  });

  it('suit les invalidations des autres instances (Redis) par le relais partagé', async () => {
    let expiredAt = 0;
    let refreshes = 0;
    Reflect.set(globalThis, SHARED, {
      refresh: async () => {
        refreshes += 1;
      },
      expiration: async (tags: string[]) => (tags.includes('inventory') ? expiredAt : 0),
    });
    const handler = await freshHandler();
    await handler.set('/a', page('a'), hour);
    expect(await handler.get('/a')).not.toBeNull();
    expect(refreshes).toBe(1);
    expiredAt = performance.timeOrigin + performance.now() + 1;
    await new Promise((resolve) => setTimeout(resolve, 300)); // past the refresh interval
    expect(await handler.get('/a')).toBeNull();
    expect(refreshes).toBe(2);
  });

  it('reste dans sa mémoire : les pages les moins récemment servies partent d’abord', async () => {
    const handler = await freshHandler({ PAGE_CACHE_MB: '1' });
    const big = 'x'.repeat(300 * 1024);
    await handler.set('/1', page(big), hour);
    await handler.set('/2', page(big), hour);
    await handler.set('/3', page(big), hour);
    expect(await handler.get('/1')).not.toBeNull(); // /1 is now the most recent
    await handler.set('/4', page(big), hour);
    expect(await handler.get('/2')).toBeNull();
    expect(await handler.get('/1')).not.toBeNull();
    expect(await handler.get('/4')).not.toBeNull();
    // A page larger than the whole budget is not kept.
    await handler.set('/enorme', page('y'.repeat(2 * 1024 * 1024)), hour);
    expect(await handler.get('/enorme')).toBeNull();
  });
});
