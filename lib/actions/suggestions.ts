'use server';

// Public suggestions (/suggerer) and their decision by a member (/admin/suggestions).
// submitSuggestionAction is public on purpose (listed in the authorization matrix): no
// account, protected by a honeypot, size limits and a per-sender rate limit kept in
// PostgreSQL. The decision actions call requireUser() first (EDITOR and ADMIN).
import { refresh, updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { adminEntryPath } from '@/lib/suggestions/entry-paths';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import {
  acceptSuggestion,
  createSuggestion,
  findReportableEntry,
  noteSuggestion,
  rejectSuggestion,
  suggestionSenderHash,
  type DecisionRefusal,
} from '@/lib/data/suggestions';
import { getDb } from '@/lib/db';
import { getAuthEnv } from '@/lib/env';
import { fieldErrors, typedValues, type FormState } from '@/lib/validation/form-state';
import {
  acceptSuggestionSchema,
  errorReportSchema,
  HONEYPOT_FIELD,
  newResourceSchema,
  noteSuggestionSchema,
  rejectSuggestionSchema,
  SUGGESTION_LIMITS,
  suggestionFields,
  type SuggestionField,
} from '@/lib/validation/suggestion';

export type SuggestionFormState = FormState<SuggestionField>;

/** A decision's state may carry a link to the draft or entry it created or changed. */
type DecisionField = 'decisionNote' | 'verifyNote' | 'target';
export type DecisionState = FormState<DecisionField> & { result?: { href: string; label: string } };

const decisionFields: readonly DecisionField[] = ['decisionNote', 'verifyNote', 'target'];

/** What the member typed, given back on a refusal: React resets the form after an action. */
function decisionValues(formData: FormData) {
  return typedValues(formData, decisionFields, { maxLength: SUGGESTION_LIMITS.decisionNote * 2 });
}

const THANKS_PATH = '/suggerer/merci';


const field = (formData: FormData, name: string) => formData.get(name) ?? undefined;

export async function submitSuggestionAction(_previous: SuggestionFormState, formData: FormData): Promise<SuggestionFormState> {
  // Everything typed comes back after an error (the echo cap sits above the longest field's limit).
  const values = typedValues(formData, suggestionFields, { maxLength: SUGGESTION_LIMITS.message * 2 });
  const isReport = formData.get('kind') === 'ERROR_REPORT';

  // A filled honeypot is a robot: it is told "thank you" and nothing is stored.
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (typeof honeypot === 'string' && honeypot.trim() !== '') redirect(THANKS_PATH);

  const common = {
    message: field(formData, 'message'),
    website: field(formData, 'website'),
    email: field(formData, 'email'),
    emailConsent: field(formData, 'emailConsent'),
  };
  const parsed = isReport
    ? errorReportSchema.safeParse({ ...common, type: field(formData, 'type'), slug: field(formData, 'slug') })
    : newResourceSchema.safeParse({ ...common, title: field(formData, 'title'), region: field(formData, 'region') });
  if (!parsed.success) {
    return {
      status: 'error',
      message: `${isReport ? 'Votre signalement n’a pas été envoyé' : 'Votre suggestion n’a pas été envoyée'} : corrigez les champs indiqués.`,
      errors: fieldErrors(parsed.error),
      values,
    };
  }

  const db = getDb();
  let input: Parameters<typeof createSuggestion>[1];
  if ('type' in parsed.data) {
    const entry = await findReportableEntry(db, parsed.data.type, parsed.data.slug);
    if (!entry) {
      return {
        status: 'error',
        message: 'La fiche à signaler est introuvable : elle a peut-être été retirée. Vous pouvez décrire le problème avec le formulaire de suggestion.',
        values,
      };
    }
    input = { kind: 'ERROR_REPORT', title: entry.title, entity: { entityType: entry.entityType, id: entry.id }, ...parsed.data };
  } else {
    input = { kind: 'NEW_RESOURCE', ...parsed.data };
  }

  const senderHash = suggestionSenderHash(await getRequestIp(), getAuthEnv().secret);
  const result = await createSuggestion(db, input, senderHash);
  if (!result.ok) {
    return {
      status: 'error',
      message:
        result.reason === 'queue-full'
          ? 'Nous avons reçu beaucoup de suggestions que l’équipe n’a pas encore lues : le formulaire n’en accepte plus pour le moment. Réessayez dans quelques jours. Votre texte est gardé ci-dessous : vous pouvez le copier pour le garder.'
          : 'Vous avez envoyé plusieurs suggestions en peu de temps : pour nous protéger des envois automatiques, attendez une heure avant de réessayer. Votre texte est gardé ci-dessous.',
      values,
    };
  }
  redirect(isReport ? `${THANKS_PATH}?signalement=1` : THANKS_PATH);
}

// --- Decisions (members) ---------------------------------------------------------------

const REFUSALS: Record<DecisionRefusal, string> = {
  'not-found': 'Cette suggestion est introuvable : elle a peut-être été supprimée. Revenez à la liste.',
  'already-decided': 'Une autre personne vient de traiter cette suggestion. Rechargez la page pour voir sa décision.',
  'entry-missing': 'La fiche signalée n’existe plus : refusez la suggestion, ou créez la fiche d’abord.',
  conflict: 'La fiche vient d’être modifiée par une autre personne. Rechargez la page, puis réessayez.',
};

async function actorOf(userId: string) {
  return { actorId: userId, ip: await getRequestIp() };
}

export async function acceptSuggestionAction(_previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const user = await requireUser();
  const parsed = acceptSuggestionSchema.safeParse({
    suggestionId: field(formData, 'suggestionId'),
    decisionNote: field(formData, 'decisionNote'),
    target: field(formData, 'target'),
    verifyNote: field(formData, 'verifyNote'),
  });
  if (!parsed.success) {
    return { status: 'error', message: 'La suggestion n’a pas été acceptée : corrigez les champs indiqués.', errors: fieldErrors(parsed.error), values: decisionValues(formData) };
  }
  const result = await acceptSuggestion(getDb(), parsed.data, await actorOf(user.id));
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason], values: decisionValues(formData) };
  if (result.changesPublicPages) updateTag(INVENTORY_TAG);
  refresh();
  const href = adminEntryPath(result.result.entityType, result.result.id);
  if (result.kind === 'ERROR_REPORT') {
    return {
      status: 'success',
      message: `Suggestion acceptée : « ${result.result.title} » est maintenant marquée « à vérifier ». L’adresse courriel a été effacée.`,
      result: { href, label: `Ouvrir la fiche « ${result.result.title} »` },
    };
  }
  return {
    status: 'success',
    message: `Suggestion acceptée : un brouillon « ${result.result.title} » a été créé. Complétez-le, puis publiez-le. L’adresse courriel a été effacée.`,
    result: { href, label: `Compléter le brouillon « ${result.result.title} »` },
  };
}

export async function rejectSuggestionAction(_previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const user = await requireUser();
  const parsed = rejectSuggestionSchema.safeParse({ suggestionId: field(formData, 'suggestionId'), decisionNote: field(formData, 'decisionNote') });
  if (!parsed.success) {
    return { status: 'error', message: 'La suggestion n’a pas été refusée : corrigez les champs indiqués.', errors: fieldErrors(parsed.error), values: decisionValues(formData) };
  }
  const result = await rejectSuggestion(getDb(), parsed.data, await actorOf(user.id));
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason], values: decisionValues(formData) };
  refresh();
  return { status: 'success', message: 'Suggestion refusée. L’adresse courriel a été effacée.' };
}

export async function noteSuggestionAction(_previous: DecisionState, formData: FormData): Promise<DecisionState> {
  const user = await requireUser();
  const parsed = noteSuggestionSchema.safeParse({ suggestionId: field(formData, 'suggestionId'), decisionNote: field(formData, 'decisionNote') });
  if (!parsed.success) {
    return { status: 'error', message: 'La note n’a pas été enregistrée : corrigez les champs indiqués.', errors: fieldErrors(parsed.error), values: decisionValues(formData) };
  }
  const result = await noteSuggestion(getDb(), parsed.data, await actorOf(user.id));
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason], values: decisionValues(formData) };
  refresh();
  return { status: 'success', message: result.changed ? 'Note enregistrée.' : 'La note n’a pas changé.' };
}
