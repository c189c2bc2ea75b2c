// The one shape every form action returns (GUIDE §2), read with useActionState. `values`
// gives back what was typed so that a refused form keeps it (never passwords).
import { z } from 'zod';

export type FormState<Field extends string = string> = {
  status: 'idle' | 'error' | 'success';
  /** Shown above the form: what went wrong as a whole, or what was done. */
  message?: string;
  /** Per field, shown beside it. */
  errors?: Partial<Record<Field, string[]>>;
  values?: Partial<Record<Field, string>>;
};

export const idleFormState: FormState = { status: 'idle' };

/** Field errors of a failed zod parse, keyed by field name. */
export function fieldErrors<Field extends string>(error: z.ZodError): Partial<Record<Field, string[]>> {
  return z.flattenError(error).fieldErrors as Partial<Record<Field, string[]>>;
}

/** Short fields (names, emails) are echoed up to this; long texts pass their own limit. */
export const DEFAULT_ECHO_MAX_LENGTH = 2_000;

/** The typed text values of the fields listed (never list passwords or tokens). */
export function typedValues<Field extends string>(
  formData: FormData,
  fields: readonly Field[],
  { maxLength = DEFAULT_ECHO_MAX_LENGTH }: { maxLength?: number } = {},
): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = formData.get(field);
    // Capped: a value sent back is rendered again; a huge one is not worth echoing. The cap
    // sits above the field's own limit, so that everything a person typed comes back.
    if (typeof value === 'string') values[field] = value.slice(0, maxLength);
  }
  return values;
}

/**
 * Every value of a form by name, repeated names (checkboxes, multiple selects) included, for
 * forms that send lists. Names starting with "$" (React's own) and those in `omit` are left out.
 */
export function typedLists(
  formData: FormData,
  { maxLength = DEFAULT_ECHO_MAX_LENGTH, omit = [] as readonly string[], maxValues = 5_000 } = {},
): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  let count = 0;
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$') || omit.includes(name)) continue;
    if ((count += 1) > maxValues) break;
    (lists[name] ??= []).push(value.slice(0, maxLength));
  }
  return lists;
}

/** One field that differs between what the person typed and the version saved meanwhile. */
export type ConflictField = { label: string; mine: string; theirs: string };

/** The version saved by someone else while the form was open (optimistic concurrency). */
export type ConflictView = {
  /** The version now saved: the form carries it, so that saving again replaces it knowingly. */
  version: number;
  savedBy: string | null;
  savedAt: string | null;
  fields: ConflictField[];
};

/** The state of an entry form: everything typed (lists included) and, after a conflict, the other version. */
export type EntryFormState<Field extends string = string> = FormState<Field> & {
  typed?: Record<string, string[]>;
  conflict?: ConflictView;
};
