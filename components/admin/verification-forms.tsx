'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/admin/form-field';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { recordStopReplyAction, sendVerificationCampaignAction, type CampaignState, type StopReplyState } from '@/lib/actions/verification';
import { idleFormState } from '@/lib/validation/form-state';

/** « Envoyer les demandes »: works without JavaScript (the page comes back with the message). */
export function CampaignForm({ sendable }: { sendable: number }) {
  const [state, formAction] = useActionState<CampaignState, FormData>(sendVerificationCampaignAction, idleFormState);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      {sendable > 0 ? (
        <form action={formAction}>
          <SubmitButton>
            Envoyer les demandes ({sendable} fournisseur{sendable > 1 ? 's' : ''})
          </SubmitButton>
        </form>
      ) : (
        <p>Aucune demande à envoyer pour le moment.</p>
      )}
    </div>
  );
}

/** A reply « Arrêt » received by email, recorded by a member. */
export function StopReplyForm() {
  const [state, formAction] = useActionState<StopReplyState, FormData>(recordStopReplyAction, idleFormState);
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <form action={formAction} className="space-y-3" noValidate>
        <FormField
          id="arret-courriel"
          name="email"
          type="email"
          label="Adresse qui demande l’arrêt"
          hint="L’adresse qui a répondu « Arrêt » (ou demandé de ne plus recevoir nos courriels)."
          autoComplete="off"
          spellCheck={false}
          required
          defaultValue={state.values?.email ?? ''}
          errors={state.errors?.email}
        />
        <SubmitButton variant="secondary">Enregistrer l’arrêt</SubmitButton>
      </form>
    </div>
  );
}
