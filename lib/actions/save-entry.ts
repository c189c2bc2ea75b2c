import 'server-only';
// What the four entry forms' save actions share: zod -> one transaction with its history
// record (lib/data/admin/*.ts) -> updateTag so the public pages change at the next request
// -> redirect. A refused save returns everything typed. Each exported action calls
// requireUser() itself (tests/integration/authz-matrix.test.ts checks it) and passes the
// member here.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestIp } from '@/lib/auth';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { INVALID_FORM_MESSAGE, refusalState } from '@/lib/data/admin/form-outcome';
import type { Db, WriteContext, WriteOutcome } from '@/lib/data/admin/write';
import { getDb } from '@/lib/db';
import { ENTRY_TYPE_LABELS } from '@/lib/history/fields';
import type { EntryType } from '@/lib/history/snapshot';
import { ENTRY_ECHO_MAX_LENGTH, entryIdSchema, intentSchema, versionSchema } from '@/lib/validation/entry';
import { typedLists, type EntryFormState } from '@/lib/validation/form-state';

type Parsed<Input, Field extends string> = { success: true; data: Input } | { success: false; errors: Partial<Record<Field, string[]>> };

export type SaveRequest<Input> = { id?: string; version?: number; input: Input; isVerify: boolean };

export type EntryFormSpec<Input, Field extends string> = {
  entityType: EntryType;
  parse(formData: FormData): Parsed<Input, Field>;
  save(db: Db, request: SaveRequest<Input>, context: WriteContext): Promise<WriteOutcome<Field>>;
  /** What the form would save, shaped like a snapshot, for the conflict panel. */
  preview(db: Db, input: Input): Promise<Record<string, unknown>> | Record<string, unknown>;
};

export async function saveEntryAction<Input, Field extends string>(
  user: { id: string },
  formData: FormData,
  spec: EntryFormSpec<Input, Field>,
): Promise<EntryFormState<Field>> {
  const typed = typedLists(formData, { maxLength: ENTRY_ECHO_MAX_LENGTH });
  const rawId = formData.get('id');
  const id = rawId ? entryIdSchema.safeParse(rawId) : null;
  const version = id ? versionSchema.safeParse(formData.get('version')) : null;
  if ((id && !id.success) || (version && !version.success)) {
    return { status: 'error', message: 'Cette fiche est introuvable. Rechargez la page. Votre texte est conservé ci-dessous.', typed };
  }
  const parsed = spec.parse(formData);
  if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: parsed.errors, typed };

  const db = getDb();
  const isVerify = intentSchema.parse(formData.get('intent')) === 'verify';
  const outcome = await spec.save(db, { id: id?.data, version: version?.data, input: parsed.data, isVerify }, { actorId: user.id, ip: await getRequestIp() });
  if (!outcome.ok) {
    const mine = outcome.reason === 'conflict' ? await spec.preview(db, parsed.data) : null;
    return refusalState(spec.entityType, outcome, typed, mine);
  }
  updateTag(INVENTORY_TAG);
  redirect(`/admin/${ENTRY_TYPE_LABELS[spec.entityType].path}/${outcome.id}?etat=${outcome.verb}`);
}
