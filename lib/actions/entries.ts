'use server';

// Actions shared by every kind of entry: save its form, restore a past version, archive,
// delete, recreate a deleted entry. Each one:
// requireUser() -> parse -> one transaction with its history record -> updateTag -> redirect.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { removeEntry } from '@/lib/data/admin/remove';
import { recreateEntry, restoreEntry } from '@/lib/data/admin/restore';
import { getDb } from '@/lib/db';
import { ENTRY_TYPE_LABELS } from '@/lib/history/fields';
import { isEntryType } from '@/lib/history/snapshot';
import { saveEntryForm } from '@/lib/actions/save-entry';
import { entryIdSchema, versionSchema } from '@/lib/validation/entry';
import type { EntryFormState, FormState } from '@/lib/validation/form-state';

const CONFLICT = 'Cette fiche a été modifiée par une autre personne depuis que vous avez ouvert cette page. Rechargez la page pour voir sa version, puis réessayez.';
const NOT_FOUND = 'Cette fiche ou cette version est introuvable : elle a peut-être été supprimée.';

function parseTarget(formData: FormData) {
  const type = formData.get('entityType');
  const id = entryIdSchema.safeParse(formData.get('id'));
  const version = versionSchema.safeParse(formData.get('version'));
  if (typeof type !== 'string' || !isEntryType(type) || !id.success || !version.success) return null;
  return { type, id: id.data, version: version.data };
}

/** The entry form of any kind (its hidden `entityType` says which). */
export async function saveEntryFormAction(_previous: EntryFormState, formData: FormData): Promise<EntryFormState> {
  const user = await requireUser();
  const type = formData.get('entityType');
  if (typeof type !== 'string' || !isEntryType(type)) return { status: 'error', message: NOT_FOUND };
  return saveEntryForm(user, type, formData);
}

export async function restoreEntryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const target = parseTarget(formData);
  const record = entryIdSchema.safeParse(formData.get('recordId'));
  if (!target || !record.success) return { status: 'error', message: NOT_FOUND };
  const side = formData.get('side') === 'before' ? 'before' : 'after';
  const outcome = await restoreEntry(getDb(), target.type, target.id, record.data, target.version, { actorId: user.id, ip: await getRequestIp() }, side);
  if (!outcome.ok) {
    if (outcome.reason === 'invalid') return { status: 'error', message: `Cette version ne peut pas être restaurée telle quelle : ${Object.values(outcome.errors).flat().join(' ')}` };
    return { status: 'error', message: outcome.reason === 'conflict' ? CONFLICT : NOT_FOUND };
  }
  updateTag(INVENTORY_TAG);
  const skipped = outcome.skipped?.length ? `&ignores=${outcome.skipped.length}` : '';
  redirect(`/admin/${ENTRY_TYPE_LABELS[target.type].path}/${target.id}?etat=restore${skipped}`);
}

export async function removeEntryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const target = parseTarget(formData);
  if (!target) return { status: 'error', message: NOT_FOUND };
  const mode = formData.get('mode') === 'delete' ? 'delete' : 'archive';
  if (mode === 'delete' && formData.get('confirm') !== 'on') {
    return { status: 'error', message: 'Cochez la case de confirmation pour supprimer définitivement cette fiche.' };
  }
  const outcome = await removeEntry(getDb(), target.type, target.id, target.version, mode, { actorId: user.id, ip: await getRequestIp() });
  if (!outcome.ok) return { status: 'error', message: outcome.reason === 'conflict' ? CONFLICT : NOT_FOUND };
  updateTag(INVENTORY_TAG);
  const path = ENTRY_TYPE_LABELS[target.type].path;
  redirect(mode === 'archive' ? `/admin/${path}/${target.id}?etat=archive` : `/admin/${path}?supprime=1`);
}

const EXISTS = 'Cette fiche existe déjà : elle a déjà été recréée (ou n’a jamais été supprimée). Ouvrez-la pour la modifier ou restaurer une de ses versions.';

/** « Recréer cette fiche »: a deleted entry comes back as a draft, with the same id. */
export async function recreateEntryAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const user = await requireUser();
  const type = formData.get('entityType');
  const id = entryIdSchema.safeParse(formData.get('id'));
  const record = entryIdSchema.safeParse(formData.get('recordId'));
  if (typeof type !== 'string' || !isEntryType(type) || !id.success || !record.success) return { status: 'error', message: NOT_FOUND };
  if (formData.get('confirm') !== 'on') {
    return { status: 'error', message: 'Cochez la case de confirmation pour recréer cette fiche.' };
  }
  const side = formData.get('side') === 'before' ? 'before' : 'after';
  const outcome = await recreateEntry(getDb(), type, id.data, record.data, side, { actorId: user.id, ip: await getRequestIp() });
  if (!outcome.ok) return { status: 'error', message: outcome.reason === 'exists' ? EXISTS : NOT_FOUND };
  // A draft is not public, but the links it got back show on the other entries' pages.
  updateTag(INVENTORY_TAG);
  const skipped = outcome.skipped?.length ? `&ignores=${outcome.skipped.length}` : '';
  redirect(`/admin/${ENTRY_TYPE_LABELS[type].path}/${id.data}?etat=recree${skipped}`);
}
