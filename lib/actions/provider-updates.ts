'use server';

// The organisation's form, opened from its one-time link (/mise-a-jour/<token>). Public on
// purpose (listed in the authorization matrix): the token is the authorization, checked again
// here and used once in the transaction that records what the organisation did.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestIp } from '@/lib/auth';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import {
  confirmProviderListing,
  offeredSolutions,
  proposeProviderUpdate,
  solutionFormData,
  solutionPrefix,
  withMembersOnlyValues,
  type OrganizationOutcome,
  type SentSolution,
} from '@/lib/data/provider-proposals';
import { getDb } from '@/lib/db';
import { parseFormFields } from '@/lib/entries/form';
import { solutionEntry } from '@/lib/entries/solution';
import { parseProviderForm } from '@/lib/validation/provider';
import { ENTRY_ECHO_MAX_LENGTH, versionSchema } from '@/lib/validation/entry';
import { typedLists, type EntryFormState } from '@/lib/validation/form-state';
import { openProviderUpdateLink } from '@/lib/verification/links';

const PROBLEMS: Record<Exclude<OrganizationOutcome, { ok: true }>['reason'], string> = {
  invalid: 'Ce lien n’est pas valide : rien n’a été changé. Demandez un nouveau lien depuis la fiche de votre organisme.',
  expired: 'Ce lien a expiré (il fonctionne 7 jours) : rien n’a été changé. Demandez un nouveau lien depuis la fiche de votre organisme.',
  used: 'Ce lien a déjà servi : rien n’a été changé. Demandez un nouveau lien depuis la fiche de votre organisme.',
  stale:
    'La Table a modifié cette fiche pendant que vous la lisiez : rien n’a été envoyé. Vos changements restent ci-dessous pour que vous puissiez les copier. Rechargez la page pour voir la fiche à jour (votre lien fonctionne encore), puis refaites vos changements.',
  unchanged: 'Vous n’avez rien changé. Si tout est exact, choisissez « Tout est encore exact ».',
};

export async function submitProviderUpdateAction(_previous: EntryFormState, formData: FormData): Promise<EntryFormState> {
  const typed = typedLists(formData, { maxLength: ENTRY_ECHO_MAX_LENGTH, omit: ['token'] });
  const token = String(formData.get('token') ?? '');
  const version = versionSchema.safeParse(formData.get('version'));
  if (!version.success) return { status: 'error', message: PROBLEMS.invalid, typed };
  const db = getDb();

  if (formData.get('intent') === 'confirm') {
    const outcome = await confirmProviderListing(db, { token, version: version.data }, { ip: await getRequestIp() });
    if (!outcome.ok) return { status: 'error', message: PROBLEMS[outcome.reason], typed };
    updateTag(INVENTORY_TAG);
    redirect('/mise-a-jour/merci?etat=confirme');
  }

  // The members-only fields (publication, the contact…) are taken from the listing, never from the form.
  const opened = await openProviderUpdateLink(db, token);
  if (!opened.ok) return { status: 'error', message: PROBLEMS[opened.problem], typed };
  const row = await db.provider.findUnique({ where: { id: opened.providerId } });
  if (!row) return { status: 'error', message: PROBLEMS.invalid, typed };
  const parsed = parseProviderForm(withMembersOnlyValues(formData, row));
  const errors: Record<string, string[]> = parsed.success ? {} : { ...parsed.errors };
  // Each solution the page showed (its version is in the form), checked with the members' solution rules.
  const solutions: SentSolution[] = [];
  for (const solution of await offeredSolutions(db, row.id)) {
    const prefix = solutionPrefix(solution.id);
    if (!formData.has(`${prefix}version`)) continue;
    const solutionVersion = versionSchema.safeParse(formData.get(`${prefix}version`));
    if (!solutionVersion.success) return { status: 'error', message: PROBLEMS.invalid, typed };
    const fields = parseFormFields(solutionEntry, solutionFormData(formData, solution.id, solution));
    if (fields.success) solutions.push({ id: solution.id, version: solutionVersion.data, values: fields.data as Record<string, unknown> });
    else for (const [key, messages] of Object.entries(fields.errors)) if (messages) errors[prefix + key] = messages;
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { status: 'error', message: 'Vos changements n’ont pas été envoyés : corrigez les champs indiqués.', errors, typed };
  const outcome = await proposeProviderUpdate(db, { token, version: version.data, values: parsed.data, solutions });
  if (!outcome.ok) return { status: 'error', message: PROBLEMS[outcome.reason], typed };
  redirect('/mise-a-jour/merci?etat=envoye');
}
