import { z } from 'zod';
import { parseOpenDataConfig, type OpenDataConfig } from '@/lib/export/config';

// The only place that reads process.env for the application. Parsed lazily so that
// `next build` works without a database.

const emptyToUndefined = (value: unknown): unknown => (value === '' ? undefined : value);

// An empty SITE_URL (e.g. `SITE_URL=` in a .env file) means "use the default", not "invalid".
// Only http(s) addresses: it ends up in canonical links, Open Graph tags and the sitemap.
const siteUrlSchema = z.preprocess(
  emptyToUndefined,
  z.url({ protocol: /^https?$/, error: 'SITE_URL doit être une adresse http(s), par exemple https://repertoire.example.org' }).optional(),
);

// The port the server listens on: Next's standalone server and `next start` read PORT, and
// `npm start` passes it on. Unset (or not a port number): Next's default, 3000.
const portSchema = z.coerce.number().int().min(1).max(65535).catch(3000);

const envSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL est requis pour servir le site.'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
});

export type Env = z.infer<typeof envSchema> & { SITE_URL: string };

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= { ...envSchema.parse(process.env), SITE_URL: getSiteUrl() };
  return cached;
}

let cachedSiteUrl: string | undefined;

/**
 * Public address of the site without a trailing slash, e.g. "https://repertoire.example.org".
 * Without SITE_URL, the address of this machine on the port actually served
 * (`PORT=3311 npm start` prints and links http://localhost:3311).
 * Read on its own, without DATABASE_URL: metadata, robots.txt and the sitemap need it, and
 * `next build` (which prerenders some of them) runs without a database.
 */
export function getSiteUrl(): string {
  cachedSiteUrl ??= (
    siteUrlSchema.parse(process.env.SITE_URL) ?? `http://localhost:${portSchema.parse(process.env.PORT)}`
  ).replace(/\/+$/, '');
  return cachedSiteUrl;
}

// --- Sign-in (next-auth) -------------------------------------------------------------

/** Used only outside production (next dev, vitest). Never accepted in production. */
export const DEV_AUTH_SECRET = 'dev-only-secret--not-for-production--repertoire-numerique';

const authEnvSchema = z.object({
  NEXTAUTH_SECRET: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .min(32, 'NEXTAUTH_SECRET doit compter au moins 32 caractères (par exemple : openssl rand -base64 32).')
      .optional(),
  ),
  NEXTAUTH_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: 'NEXTAUTH_URL doit être une adresse http(s), par exemple https://repertoire.example.org' }).optional(),
  ),
  NODE_ENV: z.string().optional(),
  NEXT_PHASE: z.string().optional(),
  /**
   * How many X-Forwarded-For entries, counted from the right, were added by proxies of
   * our own after the one that saw the visitor. 0: the site is reached directly or through
   * one reverse proxy that appends the visitor's address (nginx $proxy_add_x_forwarded_for).
   */
  TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
});

export type AuthEnv = {
  /** Key of the session tokens (JWE) and of next-auth's CSRF tokens. */
  secret: string;
  /** Public address next-auth builds its redirects from (NEXTAUTH_URL, else SITE_URL). */
  url: string;
  /** https: session cookie with the Secure flag and the __Secure- prefix. */
  useSecureCookies: boolean;
  trustedProxyHops: number;
};

let cachedAuthEnv: AuthEnv | undefined;

/**
 * Read at request time, never at build time (next build runs with NODE_ENV=production and
 * no secret). In production a missing secret stops the request with an explicit message:
 * `npm start` creates one in .data/auth-secret; a host sets NEXTAUTH_SECRET.
 */
export function getAuthEnv(): AuthEnv {
  if (cachedAuthEnv) return cachedAuthEnv;
  const parsed = authEnvSchema.parse(process.env);
  const isProduction = parsed.NODE_ENV === 'production' && parsed.NEXT_PHASE !== 'phase-production-build';
  let secret = parsed.NEXTAUTH_SECRET;
  if (isProduction && (!secret || secret === DEV_AUTH_SECRET)) {
    throw new Error(
      'NEXTAUTH_SECRET est requis en production : une valeur aléatoire d’au moins 32 caractères ' +
        '(openssl rand -base64 32), la même pour toutes les instances. `npm start` en crée une dans .data/auth-secret.',
    );
  }
  secret ??= DEV_AUTH_SECRET;
  const url = (parsed.NEXTAUTH_URL ?? getSiteUrl()).replace(/\/+$/, '');
  // next-auth reads NEXTAUTH_URL itself (redirects, warnings): give it the same value.
  process.env.NEXTAUTH_URL ??= url;
  cachedAuthEnv = {
    secret,
    url,
    useSecureCookies: url.startsWith('https://'),
    trustedProxyHops: parsed.TRUSTED_PROXY_HOPS,
  };
  return cachedAuthEnv;
}

// --- Privacy page (Law 25: the person in charge of personal information) --------------

const privacyEnvSchema = z.object({
  PRIVACY_OFFICER_NAME: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  PRIVACY_OFFICER_EMAIL: z.preprocess(
    emptyToUndefined,
    z.email('PRIVACY_OFFICER_EMAIL doit être une adresse courriel, par exemple confidentialite@example.org').optional(),
  ),
});

export type PrivacyOfficer = { name: string | null; email: string | null };

export function getPrivacyOfficer(): PrivacyOfficer {
  const parsed = privacyEnvSchema.parse(process.env);
  return { name: parsed.PRIVACY_OFFICER_NAME ?? null, email: parsed.PRIVACY_OFFICER_EMAIL ?? null };
}

/**
 * What is missing for people to write to the privacy officer, or null when an address is set.
 * A name alone gives no way to write: only the email counts. Said by `npm start` and the
 * admin dashboard; the public pages then point to the suggestion form.
 */
export function privacyOfficerGap(officer: PrivacyOfficer = getPrivacyOfficer()): string | null {
  if (officer.email) return null;
  return officer.name
    ? 'PRIVACY_OFFICER_EMAIL n’est pas défini : la page Confidentialité nomme la personne responsable sans donner son adresse.'
    : 'PRIVACY_OFFICER_NAME et PRIVACY_OFFICER_EMAIL ne sont pas définis : la page Confidentialité ne nomme pas la personne responsable et ne donne pas son adresse.';
}

// --- Open data (licence of the downloads, API rate limit) ----------------------------

let cachedOpenData: OpenDataConfig | undefined;

export function getOpenDataConfig(): OpenDataConfig {
  cachedOpenData ??= parseOpenDataConfig(process.env);
  return cachedOpenData;
}

// --- Rate limits of the costly public requests (search, downloads) --------------------

/** Searches (/recherche with a query) per minute and per address; 0 turns the limit off. */
export const DEFAULT_SEARCH_RATE_LIMIT_PER_MINUTE = 60;
/** Downloads of /donnees per minute and per address; 0 turns the limit off. */
export const DEFAULT_DOWNLOAD_RATE_LIMIT_PER_MINUTE = 10;

const perMinute = (name: string, fallback: number) => {
  const error = `${name} doit être un nombre entier de requêtes par minute (0 pour aucune limite).`;
  return z.preprocess(emptyToUndefined, z.coerce.number({ error }).int({ error }).min(0, { error }).max(1_000_000, { error }).default(fallback));
};

const rateLimitEnvSchema = z.object({
  SEARCH_RATE_LIMIT_PER_MINUTE: perMinute('SEARCH_RATE_LIMIT_PER_MINUTE', DEFAULT_SEARCH_RATE_LIMIT_PER_MINUTE),
  DOWNLOAD_RATE_LIMIT_PER_MINUTE: perMinute('DOWNLOAD_RATE_LIMIT_PER_MINUTE', DEFAULT_DOWNLOAD_RATE_LIMIT_PER_MINUTE),
});

export type PublicRateLimits = { searchPerMinute: number; downloadPerMinute: number };

/** Pure, for tests: the limits read from `env`. */
export function parsePublicRateLimits(env: Record<string, string | undefined>): PublicRateLimits {
  const parsed = rateLimitEnvSchema.parse(env);
  return { searchPerMinute: parsed.SEARCH_RATE_LIMIT_PER_MINUTE, downloadPerMinute: parsed.DOWNLOAD_RATE_LIMIT_PER_MINUTE };
}

let cachedRateLimits: PublicRateLimits | undefined;

export function getPublicRateLimits(): PublicRateLimits {
  cachedRateLimits ??= parsePublicRateLimits(process.env);
  return cachedRateLimits;
}

// --- Outgoing mail (lib/mail) ---------------------------------------------------------

const mailEnvSchema = z.object({
  SMTP_URL: z.preprocess(
    emptyToUndefined,
    z
      .url({
        protocol: /^smtps?$/,
        error: 'SMTP_URL doit être une adresse smtp:// ou smtps://, par exemple smtps://utilisateur:motdepasse@smtp.example.org:465',
      })
      .optional(),
  ),
  MAIL_FROM: z.preprocess(emptyToUndefined, z.string().trim().max(300).optional()),
  MAIL_REPLY_TO: z.preprocess(emptyToUndefined, z.email('MAIL_REPLY_TO doit être une adresse courriel.').optional()),
  MAIL_POSTAL_ADDRESS: z.preprocess(emptyToUndefined, z.string().trim().max(300).optional()),
});

export type MailEnv = {
  /** null: no mail server configured; messages stay queued (npm start provides a local catcher). */
  smtpUrl: string | null;
  /** The From header, e.g. "Table de concertation <repertoire@example.org>". */
  from: string;
  /** Where replies and stop requests go: MAIL_REPLY_TO, else the address of MAIL_FROM. */
  contactEmail: string;
  postalAddress: string | null;
};

const FROM_ADDRESS = /<([^<>\s]+@[^<>\s]+)>\s*$|^([^<>\s]+@[^<>\s]+)$/;

/**
 * Pure, for tests. A real mail service needs MAIL_FROM (an address it lets us send from);
 * without SMTP_URL (the local catcher) a default on the site's host name is fine.
 */
export function parseMailEnv(env: Record<string, string | undefined>, siteUrl: string): MailEnv {
  const parsed = mailEnvSchema.parse(env);
  if (parsed.SMTP_URL && !parsed.MAIL_FROM) {
    throw new Error('MAIL_FROM est requis avec SMTP_URL : l’adresse d’expédition, par exemple « Table de concertation <repertoire@example.org> ».');
  }
  const from = parsed.MAIL_FROM ?? `Répertoire numérique communautaire <repertoire@${new URL(siteUrl).hostname}>`;
  const match = FROM_ADDRESS.exec(from);
  const fromAddress = match?.[1] ?? match?.[2];
  if (!fromAddress) throw new Error('MAIL_FROM doit contenir une adresse courriel, par exemple « Table de concertation <repertoire@example.org> ».');
  return {
    smtpUrl: parsed.SMTP_URL ?? null,
    from,
    contactEmail: parsed.MAIL_REPLY_TO ?? fromAddress,
    postalAddress: parsed.MAIL_POSTAL_ADDRESS ?? null,
  };
}

export function getMailEnv(): MailEnv {
  return parseMailEnv(process.env, getSiteUrl());
}

// --- Scheduled jobs (lib/jobs) --------------------------------------------------------

const schedulerEnvSchema = z.object({
  SCHEDULER: z.preprocess(emptyToUndefined, z.enum(['on', 'off'], { error: 'SCHEDULER vaut on ou off.' }).default('on')),
  SCHEDULER_TICK_SECONDS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(3600).default(5)),
  DATABASE_URL: z.string().optional(),
  NEXT_PHASE: z.string().optional(),
});

export type SchedulerEnv = { isEnabled: boolean; tickSeconds: number };

/** Off during `next build`, without a database, or with SCHEDULER=off (an instance that only serves pages). */
export function getSchedulerEnv(): SchedulerEnv {
  const parsed = schedulerEnvSchema.parse(process.env);
  return {
    isEnabled: parsed.SCHEDULER === 'on' && Boolean(parsed.DATABASE_URL) && parsed.NEXT_PHASE !== 'phase-production-build',
    tickSeconds: parsed.SCHEDULER_TICK_SECONDS,
  };
}
