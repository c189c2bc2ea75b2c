// @ts-check
// Cache handler of 'use cache' (next.config.ts `cacheHandlers`), shared by every instance
// through Redis when REDIS_URL is set; without it, Next's own in-memory handler, as before.
//
// Plain JavaScript on purpose: Next imports this file at run time with Node's import(),
// outside its bundler, so it cannot be TypeScript, and it reads REDIS_URL from process.env
// itself (it cannot import lib/env.ts).
//
// How it works with Redis:
//  - two tiers: a bounded in-memory copy of the entries this process used (the hot path:
//    a cache hit costs no network round trip), and Redis, where every instance writes the
//    entries it computes and reads those it lacks;
//  - invalidation: updateTag()/revalidateTag() write the tag's time into one Redis hash
//    (`<prefix>tags`). refreshTags(), which Next calls once per request before its first
//    cache read, reloads that hash, so an edit made through any instance discards, on every
//    other instance, the entries created before it at their next request;
//  - faults: every Redis call has a short timeout, and commands fail at once while the
//    client is disconnected (no offline queue). A Redis outage then means misses (the data
//    comes from PostgreSQL) and edits seen only by the instance that made them until Redis
//    is back; requests never fail or wait because of Redis.
import { createHash } from 'node:crypto';
import { createDefaultCacheHandler } from 'next/dist/server/lib/cache-handlers/default.js';
import { createClient, RESP_TYPES } from 'redis';

/** @typedef {import('next/dist/server/lib/cache-handlers/types').CacheHandler} CacheHandler */
/** @typedef {import('next/dist/server/lib/cache-handlers/types').CacheEntry} CacheEntry */
/** @typedef {Omit<CacheEntry, 'value'>} EntryMeta */
/** @typedef {{ stale?: number; expired?: number }} TagState */

// Memory for 'use cache' entries in each process (CACHE_MEMORY_MB, default 50 as Next's own).
// At 10,000 providers the big lists need more (the benchmark uses 128): raise it together with
// the heap (--max-old-space-size), or the process runs out of heap (docs/benchmark.md).
const MEMORY_LIMIT_BYTES = (Number(process.env.CACHE_MEMORY_MB) || 50) * 1024 * 1024;
// A Redis call that takes longer than this counts as a miss (or a skipped write). Redis
// answers in well under a millisecond on a local network; this only bounds an outage.
const REDIS_TIMEOUT_MS = Number(process.env.REDIS_TIMEOUT_MS) || 500;
const KEY_PREFIX = process.env.REDIS_KEY_PREFIX || 'repertoire:';
const TAGS_KEY = `${KEY_PREFIX}tags`;

const now = () => performance.timeOrigin + performance.now();

/**
 * @template T
 * @param {Promise<T>} promise
 * @returns {Promise<T>}
 */
function withTimeout(promise) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis n'a pas répondu en ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Redis key of one entry: cache keys are long (serialized arguments), a hash is not. */
function entryKey(/** @type {string} */ cacheKey) {
  return `${KEY_PREFIX}entry:${createHash('sha256').update(cacheKey).digest('base64url')}`;
}

/** One Redis value per entry: 4-byte length of the JSON metadata, the metadata, the bytes. */
function encodeEntry(/** @type {EntryMeta} */ meta, /** @type {Buffer} */ value) {
  const header = Buffer.from(JSON.stringify(meta));
  const length = Buffer.alloc(4);
  length.writeUInt32BE(header.length);
  return Buffer.concat([length, header, value]);
}

/** @returns {{ meta: EntryMeta; value: Buffer } | undefined} */
function decodeEntry(/** @type {Buffer} */ stored) {
  if (stored.length < 4) return undefined;
  const headerLength = stored.readUInt32BE(0);
  if (stored.length < 4 + headerLength) return undefined;
  const meta = JSON.parse(stored.subarray(4, 4 + headerLength).toString('utf8'));
  if (!meta || typeof meta.timestamp !== 'number' || !Array.isArray(meta.tags)) return undefined;
  return { meta, value: stored.subarray(4 + headerLength) };
}

/** @returns {ReadableStream<Uint8Array>} */
function streamOf(/** @type {Buffer} */ bytes) {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new Uint8Array(bytes));
      controller.close();
    },
  });
}

async function bufferOf(/** @type {ReadableStream<Uint8Array>} */ stream) {
  /** @type {Uint8Array[]} */
  const chunks = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** @returns {CacheHandler} */
function createRedisCacheHandler(/** @type {string} */ url) {
  /** @type {Map<string, { meta: EntryMeta; value: Buffer }>} Insertion order = least recently used first. */
  const memory = new Map();
  let memoryBytes = 0;
  /** @type {Map<string, Promise<void>>} */
  const pendingSets = new Map();
  /** @type {Map<string, TagState>} */
  const tags = new Map();
  /** @type {Promise<void> | undefined} */
  let refreshing;

  let hasLoggedOutage = false;
  const client = createClient({
    url,
    // Fail at once while disconnected instead of queueing until Redis is back.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      // Keep trying, at most every 2 s: the site works without Redis meanwhile.
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  });
  const binary = client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  client.on('error', (/** @type {Error} */ error) => {
    // Logged once per outage: a reconnection loop would otherwise fill the logs.
    if (hasLoggedOutage) return;
    hasLoggedOutage = true;
    console.error(`[cache] Redis indisponible (${error.message}) : le cache partagé est suspendu, le site continue sans lui.`);
  });
  client.on('ready', () => {
    if (hasLoggedOutage) console.error('[cache] Redis est de retour : cache partagé rétabli.');
    hasLoggedOutage = false;
  });
  client.connect().catch(() => undefined);

  const isRedisUp = () => client.isReady;

  function forget(/** @type {string} */ cacheKey) {
    const existing = memory.get(cacheKey);
    if (!existing) return;
    memory.delete(cacheKey);
    memoryBytes -= existing.value.byteLength + cacheKey.length;
  }

  function remember(/** @type {string} */ cacheKey, /** @type {{ meta: EntryMeta; value: Buffer }} */ entry) {
    forget(cacheKey);
    const size = entry.value.byteLength + cacheKey.length;
    if (size > MEMORY_LIMIT_BYTES) return;
    memory.set(cacheKey, entry);
    memoryBytes += size;
    for (const [key] of memory) {
      if (memoryBytes <= MEMORY_LIMIT_BYTES) break;
      forget(key);
    }
  }

  /** Merges a tag state: the latest time of each kind wins (edits are never undone). */
  function mergeTag(/** @type {string} */ tag, /** @type {TagState} */ incoming) {
    const current = tags.get(tag) ?? {};
    tags.set(tag, {
      stale: Math.max(current.stale ?? 0, incoming.stale ?? 0) || undefined,
      expired: Math.max(current.expired ?? 0, incoming.expired ?? 0) || undefined,
    });
  }

  /** 'expired': discard; 'stale': serve once more and refresh; 'fresh'. As Next's own handler. */
  function tagStatus(/** @type {EntryMeta} */ meta) {
    const at = now();
    let isStale = false;
    for (const tag of meta.tags) {
      const state = tags.get(tag);
      if (!state) continue;
      if (state.expired !== undefined && state.expired <= at && state.expired > meta.timestamp) return 'expired';
      if (state.stale !== undefined && state.stale > meta.timestamp) isStale = true;
    }
    return isStale ? 'stale' : 'fresh';
  }

  /** @returns {CacheEntry | undefined} */
  function usable(/** @type {{ meta: EntryMeta; value: Buffer }} */ entry) {
    // Like Next's in-memory handler in production: an entry past its revalidate time is a
    // miss (recomputed now) rather than served stale.
    if (now() > entry.meta.timestamp + entry.meta.revalidate * 1000) return undefined;
    const status = tagStatus(entry.meta);
    if (status === 'expired') return undefined;
    return { ...entry.meta, revalidate: status === 'stale' ? -1 : entry.meta.revalidate, value: streamOf(entry.value) };
  }

  async function readFromRedis(/** @type {string} */ cacheKey) {
    if (!isRedisUp()) return undefined;
    try {
      const stored = await withTimeout(binary.get(entryKey(cacheKey)));
      return stored ? decodeEntry(/** @type {Buffer} */ (stored)) : undefined;
    } catch {
      return undefined;
    }
  }

  return {
    async get(cacheKey) {
      const pending = pendingSets.get(cacheKey);
      if (pending) await pending;
      const local = memory.get(cacheKey);
      if (local) {
        // Most recently used last.
        memory.delete(cacheKey);
        memory.set(cacheKey, local);
        const entry = usable(local);
        if (entry) return entry;
        forget(cacheKey);
      }
      const shared = await readFromRedis(cacheKey);
      if (!shared) return undefined;
      const entry = usable(shared);
      if (entry) remember(cacheKey, shared);
      return entry;
    },

    async set(cacheKey, pendingEntry) {
      /** @type {() => void} */
      let done = () => {};
      pendingSets.set(cacheKey, new Promise((resolve) => (done = () => resolve(undefined))));
      try {
        const entry = await pendingEntry;
        // expire 0: a dynamic entry that Next recomputes on every read; never stored.
        if (entry.expire === 0) return;
        const value = await bufferOf(entry.value);
        /** @type {EntryMeta} */
        const meta = { tags: entry.tags, stale: entry.stale, timestamp: entry.timestamp, expire: entry.expire, revalidate: entry.revalidate };
        remember(cacheKey, { meta, value });
        if (isRedisUp()) {
          const ttlMs = Math.max(1_000, Math.round(meta.expire * 1000));
          await withTimeout(binary.set(entryKey(cacheKey), encodeEntry(meta, value), { PX: ttlMs })).catch(() => undefined);
        }
      } catch {
        // A failed computation or an unreadable stream is simply not cached.
      } finally {
        done();
        pendingSets.delete(cacheKey);
      }
    },

    async refreshTags() {
      if (!isRedisUp()) return;
      // Concurrent requests share one round trip.
      refreshing ??= (async () => {
        try {
          const stored = await withTimeout(client.hGetAll(TAGS_KEY));
          for (const [tag, json] of Object.entries(stored)) {
            try {
              mergeTag(tag, JSON.parse(String(json)));
            } catch {
              // A malformed field is ignored.
            }
          }
        } catch {
          // Redis unreachable: keep the tags known so far.
        } finally {
          refreshing = undefined;
        }
      })();
      await refreshing;
    },

    async getExpiration(softTags) {
      let latest = 0;
      for (const tag of softTags) latest = Math.max(latest, tags.get(tag)?.expired ?? 0);
      return latest;
    },

    async updateTags(updatedTags, durations) {
      const at = Math.round(now());
      /** @type {Record<string, string>} */
      const fields = {};
      for (const tag of updatedTags) {
        // Without durations (updateTag): expired now. With them (revalidateTag(tag, profile)):
        // stale now, expired after the profile's expire time. As Next's own handler.
        mergeTag(tag, durations ? { stale: at, expired: durations.expire !== undefined ? at + durations.expire * 1000 : undefined } : { expired: at });
        fields[tag] = JSON.stringify(tags.get(tag));
      }
      if (!isRedisUp() || updatedTags.length === 0) return;
      await withTimeout(client.hSet(TAGS_KEY, fields)).catch((error) => {
        console.error(`[cache] L'invalidation n'a pas pu être partagée (${error instanceof Error ? error.message : error}).`);
      });
    },
  };
}

const redisUrl = process.env.REDIS_URL?.trim();

/** @type {CacheHandler} */
const handler = redisUrl ? createRedisCacheHandler(redisUrl) : createDefaultCacheHandler(MEMORY_LIMIT_BYTES);

// The page cache (lib/cache/page-cache-handler.mjs) asks this handler when a tag was last
// invalidated by any instance: one Redis hash, one reading shared by both caches. Through
// globalThis, because Next imports the two handler files separately.
/** @type {import('./page-cache-handler.mjs').SharedTags | undefined} */
const sharedTags = redisUrl
  ? {
      refresh: () => /** @type {Required<CacheHandler>} */ (handler).refreshTags(),
      expiration: (tags) => /** @type {Required<CacheHandler>} */ (handler).getExpiration(tags),
    }
  : undefined;
if (sharedTags) Reflect.set(globalThis, Symbol.for('repertoire.sharedTags'), sharedTags);

export default handler;
