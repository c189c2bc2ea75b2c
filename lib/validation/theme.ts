import { parseFormFields } from '@/lib/entries/form';
import { themeEntry } from '@/lib/entries/theme';
import type { EditableKey, FormValues } from '@/lib/entries/types';

// A theme (the taxonomy grouping needs) as the admin form sends it (lib/entries/theme.ts).
export type ThemeField = EditableKey<typeof themeEntry>;
export type ThemeInput = FormValues<typeof themeEntry>;

export function parseThemeForm(formData: FormData) {
  return parseFormFields(themeEntry, formData);
}
