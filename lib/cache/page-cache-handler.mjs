// @ts-check
// Cache handler of Next's route cache (next.config.ts `cacheHandler`): where the rendered
// public pages of /statique (lib/cache/static-pages.ts) are kept between requests.
//
// Plain JavaScript for the same reason as redis-cache-handler.mjs (Next imports it at run
// time, outside its bundler).
//
// Why not Next's own handler: it also writes every page to disk under the build folder and
// reads it back after a restart, when the database may have changed meanwhile (a restored
// backup, another test run on the same build); and its record of invalidated tags is per
// process. This one:
//  - keeps the pages in memory only, least recently used out first, within PAGE_CACHE_MB
//    (default 64): a restart starts empty;
//  - drops a page when one of its tags (for us 'inventory') was invalidated after the page
//    was rendered: by this process (revalidateTag, which updateTag() calls), or, with
//    REDIS_URL, by any instance (the tag times redis-cache-handler.mjs keeps in Redis,
//    read again at most every TAG_REFRESH_MS, so an edit shows on every instance within
//    about a quarter of a second);
//  - dates a page from when its rendering began, not ended: a page whose rendering read the
//    data just before an edit and finished just after it must not outlive that edit. Next
//    renders a page right after a miss (or after serving one past its revalidate time), so
//    the time of that miss stands for the start;
//  - serves each page with a fresh nonce written into its script tags, and the
//    Content-Security-Policy naming it (lib/security/csp.mjs): what it keeps is the page as
//    rendered, without nonce or policy; get() hands Next a copy made for that response. Not
//    the hashes of the page's inline scripts: Next writes its data as hundreds of them on a
//    large page, and a policy of hundreds of hashes passed 16 kB (too large for Node's HTTP
//    client, and for nginx's default proxy buffer). Next sends the page it has just rendered
//    only after storing it here, from the very object given to set(): set() keeps a copy and
//    gives that object a nonce, so the first visitor gets one too
//    (tests/e2e/security-headers.spec.ts checks both, docs/deploy.md has the cost).

import { contentSecurityPolicy, newNonce, withScriptNonce } from '../security/csp.mjs';

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandler} CacheHandler */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerValue} CacheHandlerValue */
/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext */
/** @typedef {{ refresh: () => Promise<void>; expiration: (tags: string[]) => Promise<number> }} SharedTags */
/** @typedef {{ entry: CacheHandlerValue; tags: string[]; bytes: number }} Stored */

const MEMORY_LIMIT_BYTES = (Number(process.env.PAGE_CACHE_MB) || 64) * 1024 * 1024;
const TAG_REFRESH_MS = 250;
const TAGS_HEADER = 'x-next-cache-tags';
const CSP_HEADER = 'content-security-policy';

const now = () => performance.timeOrigin + performance.now();

/** @type {Map<string, Stored>} Insertion order = least recently used first. */
const memory = new Map();
let memoryBytes = 0;
/** @type {Map<string, number>} When each tag was last invalidated by this process. */
const localTags = new Map();
let lastRefresh = 0;
/** @type {Map<string, number>} Pages being rendered: since when. */
const renderingSince = new Map();

/**
 * The pages get() gave out, each with what it was made from. Next hands one back to set()
 * when a render meant to replace it fails (it keeps the old page a little longer): the page
 * kept must stay the one without a nonce.
 * @type {WeakMap<object, CacheHandlerValue['value']>}
 */
const servedFrom = new WeakMap();

/** @returns {SharedTags | undefined} */
const sharedTags = () => Reflect.get(globalThis, Symbol.for('repertoire.sharedTags'));

/** @returns {string[]} */
function tagsOf(/** @type {CacheHandlerValue['value']} */ value, /** @type {{ tags?: string[] }} */ ctx) {
  const header = value && 'headers' in value ? value.headers?.[TAGS_HEADER] : undefined;
  if (typeof header === 'string') return header.split(',');
  return ctx.tags ?? [];
}

/** An estimate of the bytes a page holds: its HTML, its RSC payload and its segments. */
function sizeOf(/** @type {CacheHandlerValue['value']} */ value) {
  if (!value) return 0;
  let bytes = 0;
  if ('html' in value && typeof value.html === 'string') bytes += value.html.length;
  if ('rscData' in value && value.rscData) bytes += value.rscData.byteLength;
  if ('segmentData' in value && value.segmentData) for (const segment of value.segmentData.values()) bytes += segment.byteLength;
  if ('body' in value && value.body) bytes += value.body.byteLength;
  if ('data' in value && value.data) bytes += JSON.stringify(value.data).length;
  return bytes + 1024;
}

/**
 * A page's HTML with a fresh nonce on its script tags, and its headers with the policy
 * naming that nonce; anything else as it is.
 * @template {NonNullable<CacheHandlerValue['value']>} T
 * @param {T} value
 * @returns {T}
 */
function withNonce(value) {
  if (value.kind !== 'APP_PAGE' || typeof value.html !== 'string') return value;
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ scriptSources: [`'nonce-${nonce}'`], isDevelopment: process.env.NODE_ENV === 'development' });
  return { ...value, html: withScriptNonce(value.html, nonce), headers: { ...value.headers, [CSP_HEADER]: policy } };
}

function forget(/** @type {string} */ key) {
  const stored = memory.get(key);
  if (!stored) return;
  memory.delete(key);
  memoryBytes -= stored.bytes;
}

/** The latest time one of these tags was invalidated, here or (with Redis) anywhere. */
async function invalidatedAt(/** @type {string[]} */ tags) {
  let latest = 0;
  for (const tag of tags) latest = Math.max(latest, localTags.get(tag) ?? 0);
  const shared = sharedTags();
  if (!shared) return latest;
  if (now() - lastRefresh > TAG_REFRESH_MS) {
    lastRefresh = now();
    await shared.refresh();
  }
  return Math.max(latest, await shared.expiration(tags));
}

/** @implements {CacheHandler} */
export default class PageCacheHandler {
  constructor(/** @type {CacheHandlerContext} */ _context) {}

  /** @returns {Promise<CacheHandlerValue | null>} */
  async get(/** @type {string} */ key) {
    const startedAt = now();
    const stored = memory.get(key);
    if (!stored || (await invalidatedAt(stored.tags)) > stored.entry.lastModified) {
      forget(key);
      if (!renderingSince.has(key)) renderingSince.set(key, startedAt);
      return null;
    }
    const revalidate = stored.entry.cacheControl?.revalidate;
    if (typeof revalidate === 'number' && startedAt > stored.entry.lastModified + revalidate * 1000 && !renderingSince.has(key)) {
      renderingSince.set(key, startedAt);
    }
    // Most recently used last.
    memory.delete(key);
    memory.set(key, stored);
    const { value } = stored.entry;
    if (!value) return stored.entry;
    const served = withNonce(value);
    servedFrom.set(served, value);
    return { ...stored.entry, value: served };
  }

  async set(
    /** @type {string} */ key,
    /** @type {CacheHandlerValue['value']} */ value,
    /** @type {{ tags?: string[]; cacheControl?: CacheHandlerValue['cacheControl'] }} */ ctx,
  ) {
    const lastModified = renderingSince.get(key) ?? now();
    renderingSince.delete(key);
    forget(key);
    if (!value) return;
    let kept = servedFrom.get(value) ?? value;
    if (kept === value && value.kind === 'APP_PAGE' && typeof value.html === 'string') {
      kept = { ...value, headers: { ...value.headers } };
      // What Next is about to send to the first visitor.
      Object.assign(value, withNonce(value));
    }
    const bytes = sizeOf(kept);
    if (bytes > MEMORY_LIMIT_BYTES) return;
    memory.set(key, { entry: { value: kept, lastModified, cacheControl: ctx.cacheControl }, tags: tagsOf(kept, ctx), bytes });
    memoryBytes += bytes;
    for (const [oldest] of memory) {
      if (memoryBytes <= MEMORY_LIMIT_BYTES) break;
      forget(oldest);
    }
  }

  async revalidateTag(/** @type {string | string[]} */ tags) {
    const at = now();
    for (const tag of Array.isArray(tags) ? tags : [tags]) localTags.set(tag, at);
  }

  resetRequestCache() {}
}
