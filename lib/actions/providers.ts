'use server';

// Providers from the admin forms: requireUser(), then the shared save (lib/actions/save-entry.ts).
import { requireUser } from '@/lib/authz';
import { previewEntry } from '@/lib/data/admin/entries';
import { saveProvider } from '@/lib/data/admin/providers';
import { saveEntryAction } from '@/lib/actions/save-entry';
import type { EntryFormState } from '@/lib/validation/form-state';
import { parseProviderForm, type ProviderField } from '@/lib/validation/provider';

export async function saveProviderAction(_previous: EntryFormState<ProviderField>, formData: FormData): Promise<EntryFormState<ProviderField>> {
  const user = await requireUser();
  return saveEntryAction(user, formData, { entityType: 'Provider', parse: parseProviderForm, save: saveProvider, preview: (db, input) => previewEntry(db, 'Provider', input) });
}
