import 'server-only';
// What saving an entry form does, whatever its kind: zod (the kind's parser) -> one
// transaction with its history record (lib/data/admin/entries.ts) -> updateTag so the public
// pages change at the next request -> redirect. A refused save returns everything typed. The
// exported action (lib/actions/entries.ts) calls requireUser() itself
// (tests/integration/authz-matrix.test.ts checks it) and passes the member here.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestIp } from '@/lib/auth';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { previewEntry, saveEntry, type EntryInputs } from '@/lib/data/admin/entries';
import { INVALID_FORM_MESSAGE, refusalState } from '@/lib/data/admin/form-outcome';
import { getDb } from '@/lib/db';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import type { EntryType } from '@/lib/entries/types';
import { ENTRY_ECHO_MAX_LENGTH, entryIdSchema, intentSchema, versionSchema } from '@/lib/validation/entry';
import { typedLists, type EntryFormState } from '@/lib/validation/form-state';
import { parseNeedForm } from '@/lib/validation/need';
import { parseProviderForm } from '@/lib/validation/provider';
import { parseSolutionForm } from '@/lib/validation/solution';
import { parseThemeForm } from '@/lib/validation/theme';

type Parsed<Input> = { success: true; data: Input } | { success: false; errors: Partial<Record<string, string[]>> };

const PARSERS: { [T in EntryType]: (formData: FormData) => Parsed<EntryInputs[T]> } = {
  Need: parseNeedForm,
  Solution: parseSolutionForm,
  Provider: parseProviderForm,
  Theme: parseThemeForm,
};

export async function saveEntryForm(user: { id: string }, type: EntryType, formData: FormData): Promise<EntryFormState> {
  const typed = typedLists(formData, { maxLength: ENTRY_ECHO_MAX_LENGTH });
  const rawId = formData.get('id');
  const id = rawId ? entryIdSchema.safeParse(rawId) : null;
  const version = id ? versionSchema.safeParse(formData.get('version')) : null;
  if ((id && !id.success) || (version && !version.success)) {
    return { status: 'error', message: 'Cette fiche est introuvable. Rechargez la page. Votre texte est conservé ci-dessous.', typed };
  }
  const parsed = PARSERS[type](formData);
  if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: parsed.errors, typed };

  const db = getDb();
  const isVerify = intentSchema.parse(formData.get('intent')) === 'verify';
  const outcome = await saveEntry(db, type, { id: id?.data, version: version?.data, input: parsed.data as never, isVerify }, { actorId: user.id, ip: await getRequestIp() });
  if (!outcome.ok) {
    const mine = outcome.reason === 'conflict' ? await previewEntry(db, type, parsed.data as never) : null;
    return refusalState(type, outcome, typed, mine);
  }
  updateTag(INVENTORY_TAG);
  redirect(`/admin/${ENTRY_DEFS[type].words.path}/${outcome.id}?etat=${outcome.verb}`);
}
