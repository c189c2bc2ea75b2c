'use client';

// A member's decision on « C'est votre organisme ? » from an address that is not the contact on
// file: send the link to that address (and, if the member ticks it, keep it as the private
// contact), or refuse. The address is erased from the request either way.
import { useActionState } from 'react';
import { CheckboxField, TextAreaField } from '@/components/admin/entry-fields';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { approveClaimAction, rejectClaimAction, type ClaimDecisionState } from '@/lib/actions/provider-claims';

const IDLE: ClaimDecisionState = { status: 'idle' };

export function ClaimDecision({ proposalId }: { proposalId: string }) {
  const [approved, approve] = useActionState(approveClaimAction, IDLE);
  const [rejected, reject] = useActionState(rejectClaimAction, IDLE);
  if (approved.status === 'success' || rejected.status === 'success') return <FormMessage state={approved.status === 'success' ? approved : rejected} />;
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <form action={approve} className="space-y-3 rounded border border-slate-300 p-4" aria-labelledby="titre-approuver">
        <h2 id="titre-approuver" className="text-xl font-semibold">
          Envoyer le lien
        </h2>
        <FormMessage state={approved} />
        <p>Vous avez vérifié que cette personne représente l’organisme (site Web, appel…) : le lien de mise à jour part à son adresse.</p>
        <input type="hidden" name="proposalId" value={proposalId} />
        <TextAreaField id="note-approuver" name="decisionNote" label="Comment l’avez-vous vérifié ? (facultatif)" rows={2} defaultValue={approved.values?.decisionNote ?? ''} errors={approved.errors?.decisionNote} />
        <CheckboxField
          id="enregistrer-contact"
          name="saveAsContact"
          label="Enregistrer aussi cette adresse comme contact privé de la fiche"
          hint="Les prochaines demandes de vérification iront à cette adresse. La source notée sera « Demande approuvée le » suivie de la date."
          defaultChecked={false}
        />
        <SubmitButton>Envoyer le lien à cette adresse</SubmitButton>
      </form>
      <form action={reject} className="space-y-3 rounded border border-slate-300 p-4" aria-labelledby="titre-refuser-demande">
        <h2 id="titre-refuser-demande" className="text-xl font-semibold">
          Refuser la demande
        </h2>
        <FormMessage state={rejected} />
        <input type="hidden" name="proposalId" value={proposalId} />
        <TextAreaField id="note-refuser-demande" name="decisionNote" label="Note (facultatif)" rows={2} defaultValue={rejected.values?.decisionNote ?? ''} errors={rejected.errors?.decisionNote} />
        <SubmitButton variant="danger">Refuser</SubmitButton>
      </form>
    </div>
  );
}
