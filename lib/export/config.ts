// Settings of the open data: the licence shown with every download, and the API's rate
// limit. Read from the environment once, validated with zod.
// The schema lives here with its defaults; lib/env.ts reads process.env through it.
import { z } from 'zod';

export type Licence = { name: string; url: string | null };

// Licences people are likely to choose, with the page that explains each one in French.
const KNOWN_LICENCES: Record<string, string> = {
  'CC BY 4.0': 'https://creativecommons.org/licenses/by/4.0/deed.fr',
  'CC BY-SA 4.0': 'https://creativecommons.org/licenses/by-sa/4.0/deed.fr',
  'CC BY-NC 4.0': 'https://creativecommons.org/licenses/by-nc/4.0/deed.fr',
  'CC0 1.0': 'https://creativecommons.org/publicdomain/zero/1.0/deed.fr',
  'ODbL 1.0': 'https://opendatacommons.org/licenses/odbl/1-0/',
};

export const DEFAULT_LICENCE = 'CC BY 4.0';
/** Requests per minute and per address on /api/v1 (0 turns the limit off). */
export const DEFAULT_API_RATE_LIMIT_PER_MINUTE = 120;

const emptyToUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const openDataEnvSchema = z.object({
  DATA_LICENCE: z.preprocess(emptyToUndefined, z.string().trim().max(200).default(DEFAULT_LICENCE)),
  DATA_LICENCE_URL: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: 'DATA_LICENCE_URL doit être une adresse http(s).' }).optional(),
  ),
  API_RATE_LIMIT_PER_MINUTE: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: 'API_RATE_LIMIT_PER_MINUTE doit être un nombre entier (0 pour aucune limite).' })
      .int()
      .min(0)
      .max(1_000_000)
      .default(DEFAULT_API_RATE_LIMIT_PER_MINUTE),
  ),
});

export type OpenDataConfig = { licence: Licence; apiRateLimitPerMinute: number };

/** Pure, for tests: the settings read from `env`. */
export function parseOpenDataConfig(env: Record<string, string | undefined>): OpenDataConfig {
  const parsed = openDataEnvSchema.parse(env);
  const name = parsed.DATA_LICENCE;
  return {
    licence: { name, url: parsed.DATA_LICENCE_URL ?? KNOWN_LICENCES[name] ?? null },
    apiRateLimitPerMinute: parsed.API_RATE_LIMIT_PER_MINUTE,
  };
}
