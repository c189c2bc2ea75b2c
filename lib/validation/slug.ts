import { z } from 'zod';

// Slugs are generated from titles (lowercase ASCII words joined by hyphens). Anything
// else in a URL cannot name an entry, so it is answered with a 404 before any query.
export const slugSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

export function isValidSlug(value: string): boolean {
  return slugSchema.safeParse(value).success;
}
