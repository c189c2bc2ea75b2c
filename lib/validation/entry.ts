import slugify from 'slugify';
import { z } from 'zod';
import { DESCRIPTION_MAX_LENGTH } from '@/lib/entries/common';
import { entryIdSchema } from '@/lib/entries/checks';
import { statusLabels } from '@/lib/labels';
import type { EntryStatus } from '@/lib/generated/prisma/enums';

// What every entry form shares beyond its fields (lib/entries/ describes those): ids, the
// version, the submit intent, and the helpers that read typed slugs.

export { entryIdSchema };

export const entryStatuses = Object.keys(statusLabels) as [EntryStatus, ...EntryStatus[]];
export type EntryStatusValue = EntryStatus;

/** The longest value a failed entry form sends back (descriptions can be long). */
export const ENTRY_ECHO_MAX_LENGTH = DESCRIPTION_MAX_LENGTH + 1_000;

export function isEntryId(value: unknown): value is string {
  return entryIdSchema.safeParse(value).success;
}

export const versionSchema = z.coerce
  .number({ error: 'Version inconnue : rechargez la page.' })
  .int({ error: 'Version inconnue : rechargez la page.' })
  .min(1, { error: 'Version inconnue : rechargez la page.' });

/** What the submit button asked for: save, or save and mark as verified. */
export const intentSchema = z.enum(['save', 'verify']).catch('save');

/** Slugs typed in a text area: separated by line breaks, commas or spaces; full URLs keep their last segment. */
export function parseSlugList(text: string | null | undefined): string[] {
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((item) => item.trim().replace(/\/+$/, '').split('/').pop() ?? '')
        .filter((item) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(item)),
    ),
  ].slice(0, 500);
}

/** "Éducation d’œuvre!" -> "education-d-oeuvre"; never empty, at most 100 characters. */
export function slugFromTitle(title: string): string {
  // Symbols become spaces first: slugify's French locale would spell out "<" as "plus petit".
  const base = slugify(title.replace(/[^\p{L}\p{N}]+/gu, ' '), { lower: true, strict: true, locale: 'fr', trim: true })
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 100)
    .replace(/-$/, '');
  return base || 'fiche';
}
