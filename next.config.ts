import type { NextConfig } from 'next';

// Security headers for every response. Next injects inline bootstrap scripts, hence
// 'unsafe-inline' for scripts until nonces are introduced; everything else is 'self'.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  output: 'standalone',
  // npm test builds into its own folder so that it never replaces the build npm start serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Next adds its dist folder's types to the tsconfig it checks; npm test points it at a
  // throwaway tsconfig so that tsconfig.json is left alone.
  typescript: { tsconfigPath: process.env.NEXT_TSCONFIG_PATH || 'tsconfig.json' },
  poweredByHeader: false,
  // Pages render at request time so that the build never needs a database; public reads
  // are cached in the data layer with 'use cache'. Full Cache Components (PPR) is not
  // enabled on purpose: it streams page content behind Suspense, which stays hidden for
  // visitors without JavaScript.
  // authInterrupts: forbidden() renders app/admin/(espace)/forbidden.tsx with status 403
  // when a member lacks the role a page or action requires (lib/authz.ts requireRole).
  experimental: { useCache: true, authInterrupts: true },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

export default nextConfig;
