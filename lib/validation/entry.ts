import slugify from 'slugify';
import { z } from 'zod';

// What every entry form shares (needs, solutions, providers, themes): ids, version, status,
// verification fields, and the helpers that read lists and checkboxes out of a FormData.
// French messages, shown beside each field.

export const entryStatuses = ['DRAFT', 'PUBLISHED', 'ARCHIVED'] as const;
export type EntryStatusValue = (typeof entryStatuses)[number];

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20_000;
export const NOTE_MAX_LENGTH = 5_000;
export const VERIFY_NOTE_MAX_LENGTH = 1_000;
/** The longest value a failed entry form sends back (descriptions can be long). */
export const ENTRY_ECHO_MAX_LENGTH = DESCRIPTION_MAX_LENGTH + 1_000;

/** Ids are cuids: anything else is refused before a query. */
export const entryIdSchema = z.string({ error: 'Fiche introuvable.' }).regex(/^[a-z0-9]{20,40}$/, { error: 'Fiche introuvable.' });

export function isEntryId(value: unknown): value is string {
  return entryIdSchema.safeParse(value).success;
}

// Control characters have no place in the text we show; long texts keep their line breaks.
const SINGLE_LINE = /^[^\p{Cc}]*$/u;
const MULTI_LINE = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;

const tooLong = (max: number) => `Ce champ est trop long (${max.toLocaleString('fr-CA')} caractères au plus).`;

/** `label` completes "Entrez …", e.g. "un titre". Multi-line when max > 300. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `Entrez ${label}.` })
    .trim()
    .min(1, { error: `Entrez ${label}.` })
    .max(max, { error: tooLong(max) })
    .regex(max > 300 ? MULTI_LINE : SINGLE_LINE, { error: 'Ce champ contient des caractères invalides.' });
}

export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: tooLong(max) })
    .regex(max > 300 ? MULTI_LINE : SINGLE_LINE, { error: 'Ce champ contient des caractères invalides.' })
    .default('');
}

export const versionSchema = z.coerce
  .number({ error: 'Version inconnue : rechargez la page.' })
  .int({ error: 'Version inconnue : rechargez la page.' })
  .min(1, { error: 'Version inconnue : rechargez la page.' });

export const statusSchema = z.enum(entryStatuses, { error: 'Choisissez un état de publication.' });

/** A checkbox: present ("on") or absent. */
export const checkboxSchema = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

export const positionSchema = z.coerce
  .number({ error: 'Entrez un nombre entier.' })
  .int({ error: 'Entrez un nombre entier.' })
  .min(0, { error: 'Entrez un nombre positif ou zéro.' })
  .max(1_000_000, { error: 'Ce nombre est trop grand.' });

export const verificationFields = {
  toVerify: checkboxSchema,
  verifyNote: optionalText(VERIFY_NOTE_MAX_LENGTH),
};

/** What the submit button asked for: save, or save and mark as verified. */
export const intentSchema = z.enum(['save', 'verify']).catch('save');

/** One string per name; a name sent twice keeps the first value (no arrays where one is expected). */
export function formObject(formData: FormData, fields: readonly string[]): Record<string, string | undefined> {
  const object: Record<string, string | undefined> = {};
  for (const field of fields) {
    const value = formData.get(field);
    object[field] = typeof value === 'string' ? value : undefined;
  }
  return object;
}

/** Every string value of a repeated name (checkboxes, multiple selects), de-duplicated. */
export function formList(formData: FormData, name: string, max = 5_000): string[] {
  const values = formData.getAll(name).filter((value): value is string => typeof value === 'string');
  return [...new Set(values.map((value) => value.trim()).filter(Boolean))].slice(0, max);
}

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
