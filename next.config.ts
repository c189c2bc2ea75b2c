import path from 'node:path';
import type { NextConfig } from 'next';
import { staticPageHeaders, staticPageRedirects, staticPageRewrites } from './lib/cache/static-pages';
import { floorPolicy } from './lib/security/csp.mjs';

// Security headers for every response. The Content-Security-Policy here is the floor every
// response gets; each page also gets its own, stricter for scripts (a nonce from proxy.ts,
// or from the page cache for the pages it serves): lib/security/csp.mjs.
const contentSecurityPolicy = floorPolicy(process.env.NODE_ENV === 'development');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

// HSTS only when the visitor reached us over https: the reverse proxy that terminates TLS
// says so with X-Forwarded-Proto (docs/deploy.md). Browsers ignore HSTS received over plain
// http, so a forged header does no harm; sent on a local http address it would be useless.
const strictTransportSecurity = { key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' };

// 'use cache' entries: shared by every instance through Redis when REDIS_URL is set at run
// time, else kept in memory per process as Next does by default (lib/cache/redis-cache-handler.mjs).
const cacheHandlerPath = path.join(process.cwd(), 'lib', 'cache', 'redis-cache-handler.mjs');
// Rendered public pages (lib/cache/static-pages.ts): in memory only, dropped on
// every instance when an edit invalidates their tag (lib/cache/page-cache-handler.mjs).
const pageCacheHandlerPath = path.join(process.cwd(), 'lib', 'cache', 'page-cache-handler.mjs');

const nextConfig: NextConfig = {
  output: 'standalone',
  // npm test builds into its own folder so that it never replaces the build npm start serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Next adds its dist folder's types to the tsconfig it checks; npm test points it at a
  // throwaway tsconfig so that tsconfig.json is left alone.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG_PATH || 'tsconfig.json' },
  poweredByHeader: false,
  // Next computes an ETag by hashing the whole HTML in JavaScript on every response, cached
  // or not: a third of the CPU of serving a cached 190 kB page. Pages are small once
  // compressed, and the cached ones say no-cache: a full answer costs less than the hash.
  generateEtags: false,
  // Pages render at request time so that the build never needs a database; public reads
  // are cached in the data layer with 'use cache', and what anonymous visitors see of the
  // main pages is kept whole in the route cache (lib/cache/static-pages.ts). Full Cache Components (PPR) is not
  // enabled on purpose: it streams page content behind Suspense, which stays hidden for
  // visitors without JavaScript.
  // authInterrupts: forbidden() renders app/admin/(espace)/forbidden.tsx with status 403
  // when a member lacks the role a page or action requires (lib/authz.ts requireRole).
  // serverActions.bodySizeLimit: the admin import accepts files up to 5 MB (lib/import/words.ts)
  // and its « Appliquer » step posts the text back; above Next's 1 MB default a person would
  // get Next's bare error instead of the French message. Next has no limit per action, so this
  // one applies to every action: proxy.ts holds every other request body to 1 MB.
  experimental: { useCache: true, authInterrupts: true, serverActions: { bodySizeLimit: '12mb' } },
  cacheHandlers: { default: cacheHandlerPath, remote: cacheHandlerPath },
  cacheHandler: pageCacheHandlerPath,
  async rewrites() {
    return { beforeFiles: staticPageRewrites(), afterFiles: [], fallback: [] };
  },
  async redirects() {
    return staticPageRedirects();
  },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      ...staticPageHeaders(),
      { source: '/:path*', has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }], headers: [strictTransportSecurity] },
    ];
  },
};

export default nextConfig;
