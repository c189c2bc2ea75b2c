'use server';

// Solutions from the admin forms: requireUser(), then the shared save (lib/actions/save-entry.ts).
import { requireUser } from '@/lib/authz';
import { previewEntry } from '@/lib/data/admin/entries';
import { saveSolution } from '@/lib/data/admin/solutions';
import { saveEntryAction } from '@/lib/actions/save-entry';
import type { EntryFormState } from '@/lib/validation/form-state';
import { parseSolutionForm, type SolutionField } from '@/lib/validation/solution';

export async function saveSolutionAction(_previous: EntryFormState<SolutionField>, formData: FormData): Promise<EntryFormState<SolutionField>> {
  const user = await requireUser();
  return saveEntryAction(user, formData, { entityType: 'Solution', parse: parseSolutionForm, save: saveSolution, preview: (db, input) => previewEntry(db, 'Solution', input) });
}
