'use server';

// « C'est votre organisme ? » (public: listed in the authorization matrix) and a member's
// decision on a request that did not match the contact on file (requireUser() first).
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { approveClaimRequest, rejectClaimRequest, requestProviderUpdate, type ClaimDecisionRefusal } from '@/lib/data/provider-claims';
import { getDb } from '@/lib/db';
import { getAuthEnv } from '@/lib/env';
import { fieldErrors, typedValues, type FormState } from '@/lib/validation/form-state';
import { CLAIM_MESSAGE_MAX_LENGTH, claimDecisionSchema, claimFields, claimRequestSchema, type ClaimField } from '@/lib/validation/provider-claim';
import { HONEYPOT_FIELD } from '@/lib/validation/suggestion';

export type ClaimFormState = FormState<ClaimField>;

/** Where the visitor lands, whatever happened: the same page for a known and an unknown address. */
function sentPath(slug: string): string {
  return `/fournisseurs/${slug}/mise-a-jour?envoye=1`;
}

export async function requestProviderUpdateAction(_previous: ClaimFormState, formData: FormData): Promise<ClaimFormState> {
  const values = typedValues(formData, claimFields, { maxLength: CLAIM_MESSAGE_MAX_LENGTH * 2 });
  const parsed = claimRequestSchema.safeParse({
    slug: formData.get('slug') ?? undefined,
    email: formData.get('email') ?? undefined,
    message: formData.get('message') ?? undefined,
  });
  const honeypot = formData.get(HONEYPOT_FIELD);
  if (typeof honeypot === 'string' && honeypot.trim() !== '' && parsed.success) redirect(sentPath(parsed.data.slug));
  if (!parsed.success) {
    return { status: 'error', message: 'Votre demande n’a pas été envoyée : corrigez les champs indiqués.', errors: fieldErrors(parsed.error), values };
  }
  const result = await requestProviderUpdate(getDb(), parsed.data, { ip: await getRequestIp(), secret: getAuthEnv().secret });
  if (!result.ok) {
    return {
      status: 'error',
      message:
        result.reason === 'rate-limited'
          ? 'Plusieurs demandes ont été faites en peu de temps avec cette adresse ou depuis votre connexion : pour protéger les organismes des envois automatiques, attendez une heure avant de réessayer.'
          : 'Cette fiche est introuvable : elle a peut-être été retirée. Revenez à la liste des fournisseurs.',
      values,
    };
  }
  redirect(sentPath(parsed.data.slug));
}

// --- Decisions (members) ---------------------------------------------------------------

export type ClaimDecisionState = FormState<'decisionNote'>;

const REFUSALS: Record<ClaimDecisionRefusal, string> = {
  'not-found': 'Cette demande est introuvable : elle a peut-être été supprimée avec sa fiche. Revenez à la liste.',
  'already-decided': 'Une autre personne vient de traiter cette demande. Rechargez la page pour voir sa décision.',
  'contact-conflict': 'Rien n’a été envoyé : la fiche vient d’être modifiée par quelqu’un d’autre. Envoyez le lien de nouveau.',
};

async function decideClaim(userId: string, formData: FormData, decide: typeof approveClaimRequest, done: string): Promise<ClaimDecisionState> {
  const values = typedValues(formData, ['decisionNote'] as const);
  const parsed = claimDecisionSchema.safeParse({
    proposalId: formData.get('proposalId') ?? undefined,
    decisionNote: formData.get('decisionNote') ?? undefined,
    saveAsContact: formData.get('saveAsContact') === 'on',
  });
  if (!parsed.success) return { status: 'error', message: 'La décision n’a pas été enregistrée : corrigez les champs indiqués.', errors: fieldErrors(parsed.error), values };
  const result = await decide(getDb(), parsed.data, { actorId: userId, ip: await getRequestIp() });
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason], values };
  refresh();
  return { status: 'success', message: done };
}

export async function approveClaimAction(_previous: ClaimDecisionState, formData: FormData): Promise<ClaimDecisionState> {
  const user = await requireUser();
  return decideClaim(user.id, formData, approveClaimRequest, 'Le lien de mise à jour part à cette adresse (valable 7 jours). L’adresse a été effacée de la demande.');
}

export async function rejectClaimAction(_previous: ClaimDecisionState, formData: FormData): Promise<ClaimDecisionState> {
  const user = await requireUser();
  return decideClaim(user.id, formData, rejectClaimRequest, 'Demande refusée : aucun lien n’est envoyé, et l’adresse a été effacée.');
}
