'use server';

// Synonym groups from /admin/recherche: requireUser() -> parse (zod, then the database's checks
// in lib/synonyms/check.ts) -> save with its history -> updateTag(SYNONYMS_TAG), so that the next
// search on every instance uses the change -> redirect. A refused form gets back all it sent.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { SYNONYMS_TAG } from '@/lib/data/cache-tags';
import { getDb } from '@/lib/db';
import { deleteSynonymGroup, saveSynonymGroup } from '@/lib/synonyms/admin';
import { SYNONYM_LIMITS, synonymGroupSchema, type SynonymGroupField } from '@/lib/synonyms/schema';
import { fieldErrors, type FormState } from '@/lib/validation/form-state';

export type SynonymFormField = SynonymGroupField;
export type SynonymFormState = FormState<SynonymFormField>;

const TEXT_FIELDS = ['terms', 'oneWay', 'expandsTo', 'note'] as const;

function typed(formData: FormData): Partial<Record<SynonymFormField, string>> {
  const values: Partial<Record<SynonymFormField, string>> = {};
  for (const field of TEXT_FIELDS) {
    const value = formData.get(field);
    if (typeof value === 'string') values[field] = value.slice(0, SYNONYM_LIMITS.fieldLength * 2);
  }
  return values;
}

/** One term per line; blank lines are ignored. */
const lines = (text: string): string[] =>
  text
    .split(/\r?\n/u)
    .map((line) => line.trim())
    .filter(Boolean);

const idSchema = z.string().min(1).max(100);
const versionSchema = z.coerce.number().int().min(1);

export async function saveSynonymGroupAction(_previous: SynonymFormState, formData: FormData): Promise<SynonymFormState> {
  const user = await requireUser();
  const values = typed(formData);
  const refuse = (message: string, errors?: Partial<Record<SynonymFormField, string[]>>): SynonymFormState => ({ status: 'error', message, errors, values });

  const tooLong = TEXT_FIELDS.filter((field) => (values[field]?.length ?? 0) > SYNONYM_LIMITS.fieldLength);
  if (tooLong.length > 0) {
    return refuse(
      'le groupe n’a pas été enregistré. Corrigez les champs indiqués.',
      Object.fromEntries(tooLong.map((field) => [field, [`Ce champ compte ${SYNONYM_LIMITS.fieldLength.toLocaleString('fr-CA')} caractères au plus.`]])),
    );
  }
  const rawId = formData.get('id');
  const id = typeof rawId === 'string' && rawId ? idSchema.safeParse(rawId) : null;
  const version = id ? versionSchema.safeParse(formData.get('version')) : null;
  if ((id && !id.success) || (version && !version.success)) return refuse('le formulaire est incomplet. Rechargez la page, puis recommencez.');

  const parsed = synonymGroupSchema.safeParse({
    terms: lines(values.terms ?? ''),
    oneWay: values.oneWay === 'un-sens',
    expandsTo: lines(values.expandsTo ?? ''),
    note: values.note ?? '',
  });
  if (!parsed.success) return refuse('le groupe n’a pas été enregistré. Corrigez les champs indiqués.', fieldErrors<SynonymFormField>(parsed.error));

  const outcome = await saveSynonymGroup(
    getDb(),
    { id: id?.success ? id.data : null, version: version?.success ? version.data : null, group: parsed.data },
    { actorId: user.id, ip: await getRequestIp() },
  );
  if (!outcome.ok) return refuse(outcome.message, outcome.errors);
  updateTag(SYNONYMS_TAG);
  redirect(`/admin/recherche/${outcome.id}?etat=${id ? 'modifie' : 'cree'}`);
}

export async function deleteSynonymGroupAction(_previous: SynonymFormState, formData: FormData): Promise<SynonymFormState> {
  const user = await requireUser();
  const id = idSchema.safeParse(formData.get('id'));
  const version = versionSchema.safeParse(formData.get('version'));
  if (!id.success || !version.success) return { status: 'error', message: 'le formulaire est incomplet. Rechargez la page, puis recommencez.' };
  const isDeleted = await deleteSynonymGroup(getDb(), { id: id.data, version: version.data }, { actorId: user.id, ip: await getRequestIp() });
  if (!isDeleted) return { status: 'error', message: 'ce groupe a changé ou a été supprimé pendant que vous l’aviez ouvert. Rechargez la page.' };
  updateTag(SYNONYMS_TAG);
  redirect('/admin/recherche?etat=supprime');
}
