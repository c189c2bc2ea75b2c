// The zod check of each field type, with its French message, as a form sends the value (a
// string, or several for the lists). The formatted types normalise what they accept: a web
// address gets its https://, an email is lowercased, a postal code becomes « H2X 1Y4 ».
import { z } from 'zod';
import type { ChoiceField, FieldDef, FormattedTextField, LanguagesField, MultiChoiceField, TextField } from '@/lib/entries/types';

/** Ids are cuids: anything else is refused before a query. */
export const entryIdSchema = z.string({ error: 'Fiche introuvable.' }).regex(/^[a-z0-9]{20,40}$/, { error: 'Fiche introuvable.' });

// Control characters have no place in the text we show; long texts keep their line breaks.
export const SINGLE_LINE = /^[^\p{Cc}]*$/u;
export const MULTI_LINE = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;
const INVALID_CHARACTERS = 'Ce champ contient des caractères invalides.';

const tooLong = (max: number) => `Ce champ est trop long (${max.toLocaleString('fr-CA')} caractères au plus).`;

export function requiredTextSchema(message: string, max: number, isMultiLine: boolean) {
  return z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: tooLong(max) })
    .regex(isMultiLine ? MULTI_LINE : SINGLE_LINE, { error: INVALID_CHARACTERS });
}

export function optionalTextSchema(max: number, isMultiLine: boolean) {
  return z
    .string()
    .trim()
    .max(max, { error: tooLong(max) })
    .regex(isMultiLine ? MULTI_LINE : SINGLE_LINE, { error: INVALID_CHARACTERS })
    .default('');
}

export const positionSchema = z.coerce
  .number({ error: 'Entrez un nombre entier.' })
  .int({ error: 'Entrez un nombre entier.' })
  .min(0, { error: 'Entrez un nombre positif ou zéro.' })
  .max(1_000_000, { error: 'Ce nombre est trop grand.' });

/** A checkbox: present ("on") or absent. */
export const checkboxSchema = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/** The codes of a choice, in the form's order. */
export function choiceCodes(field: ChoiceField | MultiChoiceField): string[] {
  return field.type === 'choice' && field.order ? [...field.order] : Object.keys(field.options);
}

/** « Choisissez « Besoin » ou « Enjeu ». », or the field's own message. */
export function choiceMessage(field: ChoiceField): string {
  if (field.invalid) return field.invalid;
  const labels = choiceCodes(field).map((code) => `« ${field.options[code]} »`);
  return `Choisissez ${labels.length > 1 ? `${labels.slice(0, -1).join(', ')} ou ${labels.at(-1)}` : labels[0]}.`;
}

export const LIST_MESSAGE = 'Choisissez dans la liste.';

function urlSchema(field: FormattedTextField) {
  return z
    .string()
    .trim()
    .max(field.max, { error: `L’adresse est trop longue (${field.max} caractères au plus).` })
    .transform((value) => (value && !/^[a-z][a-z0-9+.-]*:/i.test(value) ? `https://${value}` : value))
    .refine((value) => value === '' || (/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) && URL.canParse(value)), {
      error: 'Entrez une adresse Web valide, par exemple https://www.organisme.org.',
    })
    .default('');
}

function emailSchema(field: FormattedTextField) {
  return z
    .string()
    .trim()
    .toLowerCase()
    .max(field.max, { error: 'L’adresse courriel est trop longue.' })
    .refine((value) => value === '' || z.email().safeParse(value).success, { error: 'Entrez une adresse courriel valide, par exemple info@organisme.org.' })
    .default('');
}

/** Digits, spaces and the usual signs, with 10 or 11 digits (North American numbers), and an optional extension. */
export function isPhoneNumber(value: string): boolean {
  const [main] = value.split(/\s*(?:poste|p\.|ext\.?|x)\s*\d+$/i);
  if (!/^[+\d\s().-]+$/.test(main ?? '')) return false;
  const digits = (main ?? '').replace(/\D/g, '');
  return digits.length === 10 || (digits.length === 11 && digits.startsWith('1'));
}

function phoneSchema(field: FormattedTextField) {
  return z
    .string()
    .trim()
    .max(field.max, { error: 'Le numéro est trop long.' })
    .refine((value) => value === '' || isPhoneNumber(value), { error: 'Entrez un numéro de téléphone valide, par exemple 514 555-1234 (poste 12).' })
    .default('');
}

// Canada Post: letter, digit, letter, then digit, letter, digit; D, F, I, O, Q and U never
// appear, W and Z never first.
const POSTAL_CODE = /^([ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z])[\s-]?(\d[ABCEGHJ-NPRSTV-Z]\d)$/;

/** « h2x1y4 », « H2X-1Y4 » → « H2X 1Y4 »; null when it is not a Canadian postal code. */
export function normalisePostalCode(value: string): string | null {
  const match = POSTAL_CODE.exec(value.trim().toUpperCase());
  return match ? `${match[1]} ${match[2]}` : null;
}

export const POSTAL_CODE_MESSAGE = 'Entrez un code postal canadien, par exemple H2X 1Y4.';

function postalCodeSchema(field: FormattedTextField) {
  return z
    .string()
    .trim()
    .max(field.max, { error: POSTAL_CODE_MESSAGE })
    .refine((value) => value === '' || normalisePostalCode(value) !== null, { error: POSTAL_CODE_MESSAGE })
    .transform((value) => (value === '' ? '' : normalisePostalCode(value)!))
    .default('');
}

/** The province or territory of a postal code, from its first letter (Canada Post); null when unknown. */
export function provinceOfPostalCode(code: string): string | null {
  const first = code.trim().toUpperCase()[0];
  if (!first || normalisePostalCode(code) === null) return null;
  if (first === 'X') return /^X0[ABC]/.test(code.toUpperCase()) ? 'NU' : 'NT';
  const provinces: Record<string, string> = {
    A: 'NL', B: 'NS', C: 'PE', E: 'NB', G: 'QC', H: 'QC', J: 'QC', K: 'ON', L: 'ON', M: 'ON', N: 'ON', P: 'ON', R: 'MB', S: 'SK', T: 'AB', V: 'BC', Y: 'YT',
  };
  return provinces[first] ?? null;
}

function textSchema(field: TextField) {
  const isMultiLine = field.type === 'longText';
  return field.required ? requiredTextSchema(field.required, field.max, isMultiLine) : optionalTextSchema(field.max, isMultiLine);
}

/**
 * The check of a field that a form sends as one string (every type but the lists and the
 * date, which no form sends). Its output is the value the save path writes.
 */
export function singleValueSchema(field: Exclude<FieldDef, MultiChoiceField | LanguagesField>) {
  switch (field.type) {
    case 'text':
    case 'longText':
      return textSchema(field);
    case 'choice':
      return z.enum(choiceCodes(field) as [string, ...string[]], { error: choiceMessage(field) });
    case 'ref':
      return z.union([z.literal(''), entryIdSchema]).optional().transform((value) => value || null);
    case 'int':
      return field.appendsLast ? z.union([z.literal('').transform(() => null), positionSchema]).default(null) : positionSchema;
    case 'bool':
      return checkboxSchema;
    case 'url':
      return urlSchema(field);
    case 'email':
      return emailSchema(field);
    case 'phone':
      return phoneSchema(field);
    case 'postalCode':
      return postalCodeSchema(field);
    case 'date':
      return z.iso.datetime({ offset: true }).nullable();
  }
}

/** A list of codes (checkboxes). */
export function multiChoiceSchema(field: MultiChoiceField) {
  return z.array(z.enum(Object.keys(field.options) as [string, ...string[]]), { error: field.invalid ?? LIST_MESSAGE });
}

export const LANGUAGE_CODE = /^[a-z]{2,3}$/;
export const MAX_LANGUAGES = 30;

/** Checked codes and typed ones ("pt, vi"), lowercased, once each. */
export function languageCodes(checked: readonly string[], typed: string): string[] {
  const others = typed
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set([...checked, ...others])];
}

export function areLanguageCodes(codes: readonly string[]): boolean {
  return codes.length <= MAX_LANGUAGES && codes.every((code) => LANGUAGE_CODE.test(code));
}

export type { LanguagesField };

/** The choices of a field for a select or checkboxes: code and French label, in the form's order. */
export function choiceOptions(field: ChoiceField | MultiChoiceField): { value: string; label: string }[] {
  return choiceCodes(field).map((value) => ({ value, label: field.options[value] ?? value }));
}
