'use server';

// Themes from the admin forms: requireUser(), then the shared save (lib/actions/save-entry.ts).
import { requireUser } from '@/lib/authz';
import { previewEntry } from '@/lib/data/admin/entries';
import { saveTheme } from '@/lib/data/admin/themes';
import { saveEntryAction } from '@/lib/actions/save-entry';
import type { EntryFormState } from '@/lib/validation/form-state';
import { parseThemeForm, type ThemeField } from '@/lib/validation/theme';

export async function saveThemeAction(_previous: EntryFormState<ThemeField>, formData: FormData): Promise<EntryFormState<ThemeField>> {
  const user = await requireUser();
  return saveEntryAction(user, formData, { entityType: 'Theme', parse: parseThemeForm, save: saveTheme, preview: (db, input) => previewEntry(db, 'Theme', input) });
}
