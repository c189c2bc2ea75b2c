import { parseFormFields } from '@/lib/entries/form';
import { providerEntry } from '@/lib/entries/provider';
import type { EditableKey, FormValues } from '@/lib/entries/types';

// A provider (organisme or programme) as the admin form sends it: the fields of its
// definition (lib/entries/provider.ts), contact details with their formats and the lists
// (regions, publics, formats, languages) as checkboxes. Its links are edited from solutions.

export type ProviderField = EditableKey<typeof providerEntry>;
export type ProviderInput = FormValues<typeof providerEntry>;

export function parseProviderForm(formData: FormData) {
  return parseFormFields(providerEntry, formData);
}
