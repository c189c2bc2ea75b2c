// What the public sees of an entry, derived from its definition: the published values of a
// row (dates as ISO strings, a field public only under a flag emptied otherwise), their names
// in the open data, and how each one reads as a CSV cell. The dataset (lib/export), the CSV
// files, the API records and the public pages all go through these, so a field added to a
// definition reaches them without being listed again.
import { contentFields, fieldsOf, isRef, isVerificationKey, openFields, openName, publicValue, type Field } from '@/lib/entries/fields';
import type { EntityDef, OpenRecord, PublicSelect, PublicValues } from '@/lib/entries/types';
import { languageLabel } from '@/lib/labels';

/** Fields of the open data that hold a value of the entry itself (references apart), in the open data's order. */
export function publicFields(def: EntityDef): Field[] {
  return openFields(def).filter((field) => !isRef(field));
}

/** What the entry says, in the open data's order (references included), then its verification. */
export function openContentFields(def: EntityDef): Field[] {
  const content = new Set(contentFields(def).map((field) => field.key));
  return openFields(def).filter((field) => content.has(field.key));
}

export function openVerificationFields(def: EntityDef): Field[] {
  return openFields(def).filter((field) => isVerificationKey(field.key));
}

/** The published values of a row, keyed by column: dates as ISO strings, a field public under a flag emptied when the flag is off. */
export function publicValues<D extends EntityDef>(def: D, row: object): PublicValues<D> {
  const values = row as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const field of publicFields(def)) {
    const value = publicValue(field, values);
    result[field.key] = value instanceof Date ? value.toISOString() : value;
  }
  return result as PublicValues<D>;
}

/** The columns `publicValues` reads, as a Prisma `select`. */
export function publicSelect<D extends EntityDef>(def: D): PublicSelect<D> {
  const keys = publicFields(def).flatMap((field) => (field.publicWhen ? [field.key, field.publicWhen] : [field.key]));
  return Object.fromEntries(keys.map((key) => [key, true])) as PublicSelect<D>;
}

/**
 * A public value as a reader sees it, in plain text: French labels for codes (none for the
 * « unknown » choice), lists joined with commas; null when it is not known. The public pages
 * add links around it (components/inventory/provider-facts.tsx), the basket's CSV writes it.
 */
export function factText(field: Field, value: unknown): string | null {
  const list = (values: string[]) => (values.length > 0 ? values.join(', ') : null);
  if (value === null || value === undefined || value === '') return null;
  switch (field.type) {
    case 'choice':
      return value === field.unknown ? null : (field.options[String(value)] ?? String(value));
    case 'multiChoice':
      return list((value as string[]).map((code) => field.options[code] ?? code));
    case 'languages':
      return list((value as string[]).map(languageLabel));
    case 'bool':
      return value ? 'Oui' : 'Non';
    default:
      return String(value);
  }
}

/** Several codes or slugs in one cell of the CSV files. */
export const LIST_SEPARATOR = '|';

export type Cell = string | number | boolean | null;

/** A public value as a cell of the CSV files: lists joined with « | », no date as an empty cell. */
export function cellOf(field: Field, value: unknown): Cell {
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  if (value === null || value === undefined) return '';
  return value as Cell;
}

/** The key under which the dataset keeps a reference: the other entry's slug ('themeSlug'). */
export const refSlugKey = (field: Field) => (isRef(field) ? `${field.relation}Slug` : field.key);

/** Every field of the definition by its name in the open data (for the import's columns and keys). */
export function fieldsByOpenName(def: EntityDef): Map<string, Field> {
  return new Map(fieldsOf(def).map((field) => [openName(field), field]));
}

/** The fields of an API record, in its order: what the entry says (references apart: each kind links them its own way), then its verification. */
export function recordFields(def: EntityDef): { content: Field[]; verification: Field[] } {
  return { content: openContentFields(def).filter((field) => !isRef(field)), verification: openVerificationFields(def) };
}

/**
 * The public values of `fields` under their open data names, in that order. Typed as the whole
 * record: a record spreads its content and its verification, each given here.
 */
export function openValues<D extends EntityDef>(def: D, fields: readonly Field[], entry: object): OpenRecord<D> {
  const values = entry as Record<string, unknown>;
  return Object.fromEntries(fields.map((field) => [openName(field), values[field.key]])) as OpenRecord<D>;
}
