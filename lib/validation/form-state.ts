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

/** The typed text values of a form, minus the fields listed (passwords, tokens). */
export function typedValues<Field extends string>(formData: FormData, fields: readonly Field[]): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = formData.get(field);
    // Capped: a value sent back is rendered again; a huge one is not worth echoing.
    if (typeof value === 'string') values[field] = value.slice(0, 2_000);
  }
  return values;
}
