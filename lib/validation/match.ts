import { z } from 'zod';
import { Audience, HelpKind, Region, ServiceFormat } from '@/lib/generated/prisma/enums';
import type { MatchAnswers } from '@/lib/matching/types';
import { slugSchema } from '@/lib/validation/slug';

// Query-string answers of /trouver. Shared links may be old or edited by hand: unknown
// values are dropped rather than refused, so the page always answers something useful.
const many = <T extends z.ZodType>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .transform((values) => values.slice(0, 30).flatMap((value) => (item.safeParse(value).success ? [value as z.infer<T>] : [])));

const one = <T extends z.ZodType>(item: T) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (Array.isArray(value) ? value[0] : value))
    .transform((value) => (value !== undefined && item.safeParse(value).success ? (value as z.infer<T>) : undefined));

export const matchAnswersSchema = z.object({
  theme: many(slugSchema),
  aide: many(z.enum(HelpKind)),
  budget: one(z.enum(['none', 'small', 'any'])),
  region: one(z.enum(Region)),
  format: one(z.enum(ServiceFormat)),
  pour: one(z.enum(Audience)),
});

export type MatchSearchParams = Record<string, string | string[] | undefined>;

export function parseMatchAnswers(searchParams: MatchSearchParams): MatchAnswers {
  const parsed = matchAnswersSchema.parse(searchParams);
  return {
    themes: [...new Set(parsed.theme)],
    kinds: [...new Set(parsed.aide)],
    budget: parsed.budget,
    region: parsed.region,
    format: parsed.format,
    audience: parsed.pour,
  };
}

export function hasAnyAnswer(answers: MatchAnswers): boolean {
  return (
    answers.themes.length > 0 ||
    answers.kinds.length > 0 ||
    Boolean(answers.budget || answers.region || answers.format || answers.audience)
  );
}
