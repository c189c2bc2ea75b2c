'use server';

// Solutions from the admin forms: requireUser() -> zod -> one transaction with its history
// record (lib/data/admin/solutions.ts) -> updateTag -> redirect. A refused save returns
// everything typed.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { INVALID_FORM_MESSAGE, refusalState } from '@/lib/data/admin/form-outcome';
import { previewSolutionSnapshot, saveSolution } from '@/lib/data/admin/solutions';
import { getDb } from '@/lib/db';
import { ENTRY_ECHO_MAX_LENGTH, entryIdSchema, intentSchema, versionSchema } from '@/lib/validation/entry';
import { typedLists, type EntryFormState } from '@/lib/validation/form-state';
import { parseSolutionForm, type SolutionField } from '@/lib/validation/solution';

export async function saveSolutionAction(_previous: EntryFormState<SolutionField>, formData: FormData): Promise<EntryFormState<SolutionField>> {
  const user = await requireUser();
  const typed = typedLists(formData, { maxLength: ENTRY_ECHO_MAX_LENGTH });
  const rawId = formData.get('id');
  const id = rawId ? entryIdSchema.safeParse(rawId) : null;
  const version = id ? versionSchema.safeParse(formData.get('version')) : null;
  if ((id && !id.success) || (version && !version.success)) {
    return { status: 'error', message: 'Cette fiche est introuvable. Rechargez la page. Votre texte est conservé ci-dessous.', typed };
  }
  const parsed = parseSolutionForm(formData);
  if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: parsed.errors, typed };
  const db = getDb();
  const outcome = await saveSolution(
    db,
    { id: id?.data, version: version?.data, input: parsed.data, isVerify: intentSchema.parse(formData.get('intent')) === 'verify' },
    { actorId: user.id, ip: await getRequestIp() },
  );
  if (!outcome.ok) return refusalState('Solution', outcome, typed, outcome.reason === 'conflict' ? await previewSolutionSnapshot(db, parsed.data) : null);
  updateTag(INVENTORY_TAG);
  redirect(`/admin/solutions/${outcome.id}?etat=${outcome.verb}`);
}
