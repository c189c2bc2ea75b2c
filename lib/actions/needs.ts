'use server';

// Needs (besoins) from the admin forms: requireUser() -> zod -> one transaction with its
// history record (lib/data/admin/needs.ts) -> updateTag so the public pages change at the
// next request -> redirect. A refused save returns everything typed.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { INVALID_FORM_MESSAGE, refusalState } from '@/lib/data/admin/form-outcome';
import { moveNeed, previewNeedSnapshot, saveNeed } from '@/lib/data/admin/needs';
import { getDb } from '@/lib/db';
import { ENTRY_ECHO_MAX_LENGTH, entryIdSchema, intentSchema, versionSchema } from '@/lib/validation/entry';
import { typedLists, type EntryFormState, type FormState } from '@/lib/validation/form-state';
import { parseNeedForm, type NeedField } from '@/lib/validation/need';

export async function saveNeedAction(_previous: EntryFormState<NeedField>, formData: FormData): Promise<EntryFormState<NeedField>> {
  const user = await requireUser();
  const typed = typedLists(formData, { maxLength: ENTRY_ECHO_MAX_LENGTH });
  const rawId = formData.get('id');
  const id = rawId ? entryIdSchema.safeParse(rawId) : null;
  const version = id ? versionSchema.safeParse(formData.get('version')) : null;
  if ((id && !id.success) || (version && !version.success)) {
    return { status: 'error', message: 'Cette fiche est introuvable. Rechargez la page. Votre texte est conservé ci-dessous.', typed };
  }
  const parsed = parseNeedForm(formData);
  if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: parsed.errors, typed };

  const isVerify = intentSchema.parse(formData.get('intent')) === 'verify';
  const db = getDb();
  const outcome = await saveNeed(
    db,
    { id: id?.data, version: version?.data, input: parsed.data, isVerify },
    { actorId: user.id, ip: await getRequestIp() },
  );
  if (!outcome.ok) {
    const mine = outcome.reason === 'conflict' ? await previewNeedSnapshot(db, parsed.data) : null;
    return refusalState('Need', outcome, typed, mine);
  }
  updateTag(INVENTORY_TAG);
  redirect(`/admin/besoins/${outcome.id}?etat=${outcome.verb}`);
}

/**
 * "Monter" / "Descendre" on the list of needs: a plain form per button (bound with an idle
 * state), which always answers with a redirect back to the list, with ?erreur= when refused.
 */
export async function moveNeedAction(_previous: FormState, formData: FormData): Promise<void> {
  const user = await requireUser();
  const id = entryIdSchema.safeParse(formData.get('id'));
  const version = versionSchema.safeParse(formData.get('version'));
  const direction = formData.get('direction') === 'up' ? 'up' : 'down';
  const back = formData.get('back');
  const listPath = typeof back === 'string' && /^\/admin\/besoins(\?[\w=&%.-]*)?$/.test(back) ? back : '/admin/besoins';
  const withError = (code: string) => `${listPath}${listPath.includes('?') ? '&' : '?'}erreur=${code}`;
  if (!id.success || !version.success) redirect(withError('introuvable'));
  const outcome = await moveNeed(getDb(), id.data, version.data, direction, { actorId: user.id, ip: await getRequestIp() });
  if (!outcome.ok) redirect(withError(outcome.reason === 'conflict' ? 'conflit' : 'introuvable'));
  updateTag(INVENTORY_TAG);
  redirect(`${listPath}#fiche-${id.data}`);
}
