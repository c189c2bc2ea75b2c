import { createHash } from 'node:crypto';
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

  it('donne à chaque page la politique CSP des empreintes de ses scripts, sur l’objet même que Next enverra', async () => {
    const handler = await freshHandler();
    const script = 'self.__next_f.push([1,"x"])';
    const value = page(`<html><body><script src="/_next/a.js"></script><script>${script}</script></body></html>`);
    await handler.set('/statique/besoins', value, hour);
    const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
    const scriptSources = (policy: string | undefined) => policy?.split(';').find((directive) => directive.trim().startsWith('script-src'))?.trim();
    // Next sends the page it has just rendered with this very object's headers.
    const headers = value.headers as Record<string, string>;
    expect(scriptSources(headers['content-security-policy'])).toBe(`script-src 'self' ${hash}`);
    expect(headers['x-next-cache-tags']).toBe('inventory,_N_T_/layout');
    const hit = (await handler.get('/statique/besoins')) as { value: { headers: Record<string, string> } } | null;
    expect(hit?.value.headers['content-security-policy']).toBe(headers['content-security-policy']);
  });

  it('garde une page et la rend telle quelle', async () => {
    const handler = await freshHandler();
    expect(await handler.get('/statique/besoins')).toBeNull();
    await handler.set('/statique/besoins', page('<p>liste</p>'), hour);
    const hit = await handler.get('/statique/besoins');
    expect(hit?.value).toMatchObject({ html: '<p>liste</p>' });
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
