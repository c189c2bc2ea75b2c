'use client';

import { useActionState } from 'react';
import { TextAreaField } from '@/components/admin/entry-fields';
import { FieldErrors } from '@/components/admin/form-field';
import { ErrorSummary } from '@/components/admin/error-summary';
import { SubmitButton } from '@/components/admin/submit-button';
import { deleteSynonymGroupAction, saveSynonymGroupAction, type SynonymFormField, type SynonymFormState } from '@/lib/actions/synonyms';
import { idleFormState } from '@/lib/validation/form-state';

const FIELDS: Record<SynonymFormField, readonly [string, string]> = {
  terms: ['synonymes-termes', 'Termes'],
  oneWay: ['synonymes-sens', 'Sens'],
  expandsTo: ['synonymes-cibles', 'Termes à chercher aussi'],
  note: ['synonymes-note', 'Note'],
};

export type SynonymGroupFormValues = { id: string; version: number; terms: string[]; oneWay: boolean; expandsTo: string[]; note: string };

type GroupContent = Pick<SynonymGroupFormValues, 'terms' | 'oneWay' | 'expandsTo' | 'note'>;

/**
 * Add or edit a synonym group; works without JavaScript (a plain form bound to a server action).
 * `restoring`: a deleted group's last content, to add it again as it was.
 */
export function SynonymGroupForm({ group, prefill, restoring }: { group: SynonymGroupFormValues | null; prefill?: string; restoring?: GroupContent }) {
  const shown: GroupContent | undefined = group ?? restoring;
  const [state, formAction] = useActionState<SynonymFormState, FormData>(saveSynonymGroupAction, idleFormState);
  const errors = state.errors ?? {};
  const typed = state.values;
  const text = (field: SynonymFormField, fallback: string) => (typed ? (typed[field] ?? '') : fallback);
  const oneWay = typed ? typed.oneWay === 'un-sens' : (shown?.oneWay ?? false);
  const senseErrorId = errors.oneWay?.length ? 'synonymes-sens-erreur' : undefined;
  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state.status === 'error' && state.message && <ErrorSummary message={state.message} errors={errors} fields={FIELDS} stateKey={state} />}
      {group && <input type="hidden" name="id" value={group.id} />}
      {group && <input type="hidden" name="version" value={group.version} />}
      <TextAreaField
        id={FIELDS.terms[0]}
        name="terms"
        label="Termes"
        hint="Un terme par ligne : un mot ou quelques mots, comme les gens les tapent (« ordi », « OSBL »)."
        rows={5}
        defaultValue={text('terms', shown ? shown.terms.join('\n') : (prefill ?? ''))}
        errors={errors.terms}
        className="max-w-2xl"
      />
      <fieldset className="space-y-2" aria-describedby={senseErrorId}>
        <legend className="font-medium">Sens</legend>
        <label className="flex items-start gap-2">
          <input type="radio" name="oneWay" value="deux-sens" defaultChecked={!oneWay} className="mt-1" />
          <span>Dans les deux sens : chaque terme trouve aussi tous les autres.</span>
        </label>
        <label className="flex items-start gap-2">
          <input type="radio" name="oneWay" value="un-sens" defaultChecked={oneWay} className="mt-1" />
          <span>Dans un sens : les termes trouvent aussi les « termes à chercher aussi », pas l’inverse.</span>
        </label>
        {senseErrorId && <FieldErrors id={senseErrorId} errors={errors.oneWay ?? []} />}
      </fieldset>
      <TextAreaField
        id={FIELDS.expandsTo[0]}
        name="expandsTo"
        label="Termes à chercher aussi (dans un sens seulement)"
        hint="Un terme par ligne, par exemple « matériel informatique » pour « ordi usagé ». Laissez vide pour un groupe dans les deux sens."
        rows={3}
        defaultValue={text('expandsTo', shown ? shown.expandsTo.join('\n') : '')}
        errors={errors.expandsTo}
        className="max-w-2xl"
      />
      <TextAreaField
        id={FIELDS.note[0]}
        name="note"
        label="Note (facultatif)"
        hint="Pourquoi ces mots vont ensemble, pour les autres membres."
        rows={3}
        defaultValue={text('note', shown?.note ?? '')}
        errors={errors.note}
        className="max-w-2xl"
      />
      <SubmitButton>{group ? 'Enregistrer' : restoring ? 'Recréer le groupe' : 'Ajouter le groupe'}</SubmitButton>
    </form>
  );
}

/** Deletes the group at the version shown; refused when it changed meanwhile. */
export function DeleteSynonymGroupForm({ id, version, label }: { id: string; version: number; label: string }) {
  const [state, formAction] = useActionState<SynonymFormState, FormData>(deleteSynonymGroupAction, idleFormState);
  return (
    <form action={formAction} className="space-y-3">
      {state.status === 'error' && state.message && (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          Erreur : {state.message}
        </p>
      )}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <p>La recherche ne se servira plus de ce groupe dès la prochaine recherche. Son historique reste au journal.</p>
      <SubmitButton variant="danger">{`Supprimer le groupe « ${label} »`}</SubmitButton>
    </form>
  );
}
