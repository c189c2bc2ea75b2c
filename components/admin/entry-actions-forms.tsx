'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { recreateEntryAction, removeEntryAction, restoreEntryAction } from '@/lib/actions/entries';
import { idleFormState, type FormState } from '@/lib/validation/form-state';

type Target = { entityType: string; id: string; version: number };

function TargetFields({ target }: { target: Target }) {
  return (
    <>
      <input type="hidden" name="entityType" value={target.entityType} />
      <input type="hidden" name="id" value={target.id} />
      <input type="hidden" name="version" value={target.version} />
    </>
  );
}

export function RestoreForm({ target, recordId, side }: { target: Target; recordId: string; side: 'after' | 'before' }) {
  const [state, action] = useActionState<FormState, FormData>(restoreEntryAction, idleFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <TargetFields target={target} />
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="side" value={side} />
      <SubmitButton>Restaurer cette version</SubmitButton>
    </form>
  );
}

export function RemoveForms({ target, isArchived, name }: { target: Target; isArchived: boolean; name: string }) {
  const [archiveState, archiveAction] = useActionState<FormState, FormData>(removeEntryAction, idleFormState);
  const [deleteState, deleteAction] = useActionState<FormState, FormData>(removeEntryAction, idleFormState);
  return (
    <div className="space-y-8">
      {!isArchived && (
        <section aria-labelledby="titre-archiver" className="space-y-3">
          <h2 id="titre-archiver" className="text-xl font-semibold">
            Archiver
          </h2>
          <p>La fiche quitte le site public, mais reste ici avec son historique : vous pourrez la republier.</p>
          <FormMessage state={archiveState} />
          <form action={archiveAction}>
            <TargetFields target={target} />
            <input type="hidden" name="mode" value="archive" />
            <SubmitButton variant="secondary">Archiver « {name} »</SubmitButton>
          </form>
        </section>
      )}
      <section aria-labelledby="titre-supprimer" className="space-y-3">
        <h2 id="titre-supprimer" className="text-xl font-semibold">
          Supprimer définitivement
        </h2>
        <p>La fiche et ses liens disparaissent. Son historique reste dans le journal, d’où vous pourrez la recréer en brouillon.</p>
        <FormMessage state={deleteState} />
        <form action={deleteAction} className="space-y-3">
          <TargetFields target={target} />
          <input type="hidden" name="mode" value="delete" />
          <div className="flex items-start gap-2">
            <input type="checkbox" id="confirmer-suppression" name="confirm" className="mt-1.5 h-4 w-4 shrink-0" />
            <label htmlFor="confirmer-suppression">Je comprends que la suppression est définitive.</label>
          </div>
          <SubmitButton variant="danger">Supprimer « {name} »</SubmitButton>
        </form>
      </section>
    </div>
  );
}

/** « Recréer cette fiche » for a deleted entry, with a confirmation box (checked server-side). */
export function RecreateForm({ entityType, id, recordId, side }: { entityType: string; id: string; recordId: string; side: 'after' | 'before' }) {
  const [state, action] = useActionState<FormState, FormData>(recreateEntryAction, idleFormState);
  return (
    <form action={action} className="space-y-3">
      <FormMessage state={state} />
      <input type="hidden" name="entityType" value={entityType} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="recordId" value={recordId} />
      <input type="hidden" name="side" value={side} />
      <div className="flex items-start gap-2">
        <input type="checkbox" id="confirmer-recreation" name="confirm" className="mt-1.5 h-4 w-4 shrink-0" />
        <label htmlFor="confirmer-recreation">Je veux recréer cette fiche, en brouillon, à partir de cette version.</label>
      </div>
      <SubmitButton>Recréer cette fiche</SubmitButton>
    </form>
  );
}
