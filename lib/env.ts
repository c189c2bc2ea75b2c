import { z } from 'zod';

// The only place that reads process.env for the application. Parsed lazily so that
// `next build` works without a database.
const envSchema = z.object({
  DATABASE_URL: z.string().min(1, 'DATABASE_URL est requis pour servir le site.'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  SITE_URL: z.url().default('http://localhost:3000'),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= envSchema.parse(process.env);
  return cached;
}
