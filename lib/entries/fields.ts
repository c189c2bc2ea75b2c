// Small pure readings of a definition that every consumer needs: which fields, in which
// order, under which name.
import { VERIFICATION_KEYS } from '@/lib/entries/common';
import type { EntityDef, FieldDef, RefField } from '@/lib/entries/types';

export type Field = FieldDef & { key: string };

const VERIFICATION = new Set<string>(VERIFICATION_KEYS);

/** Every field, in the definition's order. */
export function fieldsOf(def: EntityDef): Field[] {
  return Object.entries(def.fields).map(([key, field]) => ({ ...field, key }));
}

export function fieldOf(def: EntityDef, key: string): Field | undefined {
  const field = def.fields[key];
  return field && { ...field, key };
}

export const isVerificationKey = (key: string) => VERIFICATION.has(key);

/** What the entry says (not its state nor its verification), in order. */
export function contentFields(def: EntityDef): Field[] {
  return fieldsOf(def).filter((field) => field.key !== 'status' && !isVerificationKey(field.key));
}

export function verificationFieldsOf(def: EntityDef): Field[] {
  return fieldsOf(def).filter((field) => isVerificationKey(field.key));
}

export const hasVerification = (def: EntityDef) => 'verifiedAt' in def.fields;

/** Fields members edit in the admin form (and that a save or a restore writes). */
export function editableFields(def: EntityDef): Field[] {
  return fieldsOf(def).filter((field) => field.isEditable !== false);
}

/** The fields in the open data's order (`columnOrder`), when it differs from the definition's. */
export function inColumnOrder(def: EntityDef, fields: readonly Field[]): Field[] {
  const order = def.columnOrder as readonly string[] | undefined;
  if (!order) return [...fields];
  const rank = (field: Field) => (order.includes(field.key) ? order.indexOf(field.key) : order.length);
  return [...fields].sort((a, b) => rank(a) - rank(b));
}

/** Fields of the open data (files, API, import), in the open data's order. */
export function openFields(def: EntityDef): Field[] {
  return inColumnOrder(
    def,
    fieldsOf(def).filter((field) => field.openData !== false),
  );
}

export const isRef = (field: FieldDef): field is RefField => field.type === 'ref';

/** A field's key in snapshots, imports and the open data: a reference goes by its relation ('theme'). */
export function refKey(field: Field): string {
  return isRef(field) ? field.relation : field.key;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** Its name in the CSV files, repertoire.json and the API: given, or the snake_case of its key. */
export function openName(field: Field): string {
  return typeof field.openData === 'string' ? field.openData : snake(refKey(field));
}

/** The French label on public pages and the basket. */
export const publicLabel = (field: FieldDef) => field.publicLabel ?? field.label;

/** Text-like fields say « (facultatif) » in the form when they may stay empty. */
const TEXT_LIKE = new Set(['text', 'longText', 'url', 'email', 'phone', 'postalCode']);

export function formLabel(field: FieldDef): string {
  if (field.formLabel) return field.formLabel;
  return TEXT_LIKE.has(field.type) && !field.required ? `${field.label} (facultatif)` : field.label;
}

/** The value of a new entry when nothing is given. */
export function emptyValue(field: FieldDef): unknown {
  switch (field.type) {
    case 'choice':
      return field.default;
    case 'multiChoice':
    case 'languages':
      return [];
    case 'ref':
    case 'date':
      return null;
    case 'bool':
      return false;
    case 'int':
      return field.appendsLast ? null : 0;
    default:
      return '';
  }
}

/**
 * The value as the public may see it: a field public only when a flag of the same entry is
 * set (`publicWhen`) is empty otherwise.
 */
export function publicValue(field: Field, values: Record<string, unknown>): unknown {
  if (field.publicWhen && values[field.publicWhen] !== true) return emptyValue(field);
  return values[field.key];
}

/** "la solution", "le besoin": feminine entries say so. */
export const isFeminine = (def: EntityDef) => def.words.the.startsWith('la ');

/** "Note de vérification" → "note-de-verification": French words as an element id. */
export const kebab = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Element id of a field in the admin form: the kind and the field's label, « besoin-titre ». */
export function fieldId(def: EntityDef, key: string): string {
  return `${kebab(def.words.one)}-${kebab(def.fields[key]?.label ?? key)}`;
}
