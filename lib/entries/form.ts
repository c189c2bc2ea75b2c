// The admin form of a kind of entry, derived from its definition: one zod object for the
// fields sent as one string, lists read from repeated names, and the French errors by field.
// The links (solutions of a need…) are parsed by the kind's own code (lib/validation/<kind>.ts).
import { z } from 'zod';
import { areLanguageCodes, languageCodes, multiChoiceSchema, singleValueSchema } from '@/lib/entries/checks';
import { editableFields, type Field } from '@/lib/entries/fields';
import type { EditableKey, EntityDef, FormValues, LanguagesField, MultiChoiceField } from '@/lib/entries/types';

/** Name of the text field where other language codes are typed. */
export const OTHER_LANGUAGES = 'otherLanguages';

const isList = (field: Field): field is Field & (MultiChoiceField | LanguagesField) => field.type === 'multiChoice' || field.type === 'languages';

/** The zod object of the fields a form sends as one string each (lists apart). */
export function formSchema(def: EntityDef) {
  const shape: Record<string, z.ZodType> = {};
  for (const field of editableFields(def)) {
    if (!isList(field)) shape[field.key] = singleValueSchema(field as Exclude<Field, MultiChoiceField | LanguagesField>);
  }
  return z.object(shape);
}

/** Names the form sends as one value each. */
export function singleValueNames(def: EntityDef): string[] {
  return editableFields(def)
    .filter((field) => !isList(field))
    .map((field) => field.key);
}

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

export type FieldErrors<Key extends string = string> = Partial<Record<Key, string[]>>;

export type ParsedFields<D extends EntityDef> = { success: true; data: FormValues<D> } | { success: false; errors: FieldErrors<EditableKey<D>> };

/** The definition's editable fields out of a submitted form, checked, with French errors by field. */
export function parseFormFields<D extends EntityDef>(def: D, formData: FormData): ParsedFields<D> {
  const errors: FieldErrors = {};
  const single = formSchema(def).safeParse(formObject(formData, singleValueNames(def)));
  if (!single.success) Object.assign(errors, z.flattenError(single.error).fieldErrors);
  const lists: Record<string, string[]> = {};
  for (const field of editableFields(def).filter(isList)) {
    if (field.type === 'languages') {
      const codes = languageCodes(formList(formData, field.key), String(formData.get(OTHER_LANGUAGES) ?? ''));
      if (areLanguageCodes(codes)) lists[field.key] = codes;
      else errors[field.key] = [field.invalid];
      continue;
    }
    const parsed = multiChoiceSchema(field).safeParse([...new Set(formList(formData, field.key))]);
    if (parsed.success) lists[field.key] = parsed.data;
    else errors[field.key] = [field.invalid ?? 'Choisissez dans la liste.'];
  }
  if (!single.success || Object.keys(errors).length > 0) return { success: false, errors: errors as FieldErrors<EditableKey<D>> };
  return { success: true, data: { ...single.data, ...lists } as FormValues<D> };
}
