'use server';

// Yearly verification campaigns (/admin/verification) and the stop requests of their messages.
// The campaign and « Arrêt » actions call requireUser() first (EDITOR and ADMIN).
// stopMailAction is public on purpose (listed in the authorization matrix): the key of the stop
// link, an HMAC of the address under NEXTAUTH_SECRET, is its authorization.
import { refresh } from 'next/cache';
import { redirect } from 'next/navigation';
import { requireUser } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { getAuthEnv } from '@/lib/env';
import { recordAudit } from '@/lib/security/audit';
import { getRequestIp } from '@/lib/auth';
import { STOP_PATH, suppressAddress, suppressedAddressSchema, verifyStopLink } from '@/lib/mail/suppression';
import { fieldErrors, typedValues, type FormState } from '@/lib/validation/form-state';
import { sendVerificationCampaign } from '@/lib/verification/campaign';

export type CampaignState = FormState<never>;
export type StopReplyState = FormState<'email'>;

export async function sendVerificationCampaignAction(): Promise<CampaignState> {
  const user = await requireUser();
  const db = getDb();
  const report = await sendVerificationCampaign(db, { actorId: user.id });
  await recordAudit(db, { actorId: user.id, ip: await getRequestIp(), action: 'verification.campaign', entityType: 'VerificationCampaign', entityId: new Date().toISOString(), after: report });
  refresh();
  if (report.sent === 0) {
    return { status: 'error', message: 'Aucune demande envoyée : aucun fournisseur à vérifier n’a d’adresse de contact sans demande en cours.' };
  }
  const skipped = report.alreadyOpen + report.withoutContact + report.suppressed;
  return {
    status: 'success',
    message: `${report.sent} demande${report.sent > 1 ? 's' : ''} mise${report.sent > 1 ? 's' : ''} en file d’envoi. Les courriels partent au rythme de 30 toutes les 10 secondes.${
      skipped ? ` ${skipped} fournisseur${skipped > 1 ? 's' : ''} sans envoi (sans contact, arrêt demandé ou demande déjà en cours).` : ''
    }`,
  };
}

export async function recordStopReplyAction(_previous: StopReplyState, formData: FormData): Promise<StopReplyState> {
  const user = await requireUser();
  const values = typedValues(formData, ['email'] as const);
  const parsed = suppressedAddressSchema.safeParse(formData.get('email') ?? '');
  if (!parsed.success) {
    return { status: 'error', message: 'La demande d’arrêt n’a pas été enregistrée : corrigez l’adresse.', errors: { email: fieldErrors<'email'>(parsed.error).email ?? [parsed.error.issues[0]?.message ?? 'Adresse invalide.'] }, values };
  }
  const db = getDb();
  const result = await db.$transaction(async (tx) => {
    const outcome = await suppressAddress(tx, parsed.data, 'REPLY', user.id);
    // Who recorded it and when, not the address: the stop list alone holds it (erased on request).
    if (outcome.isNew) await recordAudit(tx, { actorId: user.id, ip: await getRequestIp(), action: 'verification.stop', entityType: 'MailSuppression', entityId: 'liste-arret', after: { source: 'REPLY' } });
    return outcome;
  });
  refresh();
  return {
    status: 'success',
    message: result.isNew
      ? `Arrêt enregistré : ${parsed.data} ne recevra plus de demandes de vérification ni de relances.`
      : `${parsed.data} avait déjà demandé l’arrêt : rien n’a changé.`,
  };
}

export async function stopMailAction(formData: FormData): Promise<void> {
  const address = verifyStopLink(formData.get('adresse'), formData.get('cle'), getAuthEnv().secret);
  if (!address) redirect(`${STOP_PATH}?erreur=1`);
  await suppressAddress(getDb(), address, 'LINK');
  redirect(`${STOP_PATH}?fait=1`);
}
