'use server';

// Themes from the admin forms: requireUser(), then the shared save (lib/actions/save-entry.ts).
import { requireUser } from '@/lib/authz';
import { saveTheme } from '@/lib/data/admin/themes';
import { saveEntryAction } from '@/lib/actions/save-entry';
import type { EntryFormState } from '@/lib/validation/form-state';
import { parseThemeForm, type ThemeField, type ThemeInput } from '@/lib/validation/theme';

/** An empty position means "unchanged": it is not compared in the conflict panel. */
function previewTheme(input: ThemeInput): Record<string, unknown> {
  const { position, ...rest } = input;
  return position === null ? rest : input;
}

export async function saveThemeAction(_previous: EntryFormState<ThemeField>, formData: FormData): Promise<EntryFormState<ThemeField>> {
  const user = await requireUser();
  return saveEntryAction(user, formData, { entityType: 'Theme', parse: parseThemeForm, save: saveTheme, preview: (_db, input) => previewTheme(input) });
}
