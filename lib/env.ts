import { z } from 'zod';

// The only place that reads process.env for the application. Parsed lazily so that
// `next build` works without a database.

// An empty SITE_URL (e.g. `SITE_URL=` in a .env file) means "use the default", not "invalid".
// Only http(s) addresses: it ends up in canonical links, Open Graph tags and the sitemap.
const siteUrlSchema = z.preprocess(
  (value) => (value === '' ? undefined : value),
  z
    .url({ protocol: /^https?$/, error: 'SITE_URL doit être une adresse http(s), par exemple https://repertoire.example.org' })
    .default('http://localhost:3000'),
);

const envSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL est requis pour servir le site.'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  SITE_URL: siteUrlSchema,
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}

let cachedSiteUrl: string | undefined;

/**
 * Public address of the site without a trailing slash, e.g. "https://repertoire.example.org".
 * Read on its own, without DATABASE_URL: metadata, robots.txt and the sitemap need it, and
 * `next build` (which prerenders some of them) runs without a database.
 */
export function getSiteUrl(): string {
  cachedSiteUrl ??= siteUrlSchema.parse(process.env.SITE_URL).replace(/\/+$/, '');
  return cachedSiteUrl;
}
