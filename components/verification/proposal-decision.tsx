'use client';

// A member's decision on an organisation's proposal: each changed field with its before → after
// and a checkbox (all checked: accept all), or « Refuser » with a note. After a conflict, the
// version saved meanwhile shows beside it and accepting again replaces it knowingly. The
// provider's fields and each solution's come in groups; a solution's checkbox value is
// « <solution id>.<field> ».
import { useActionState } from 'react';
import { ConflictPanel } from '@/components/admin/conflict-panel';
import { DiffView } from '@/components/admin/diff-view';
import { TextAreaField } from '@/components/admin/entry-fields';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { acceptProposalAction, rejectProposalAction, type ProposalDecisionState } from '@/lib/actions/provider-proposals';
import type { FieldChange } from '@/lib/history/diff';

const IDLE: ProposalDecisionState = { status: 'idle' };

/** `key`: '' for the provider's own fields, else the solution's id. */
export type ChangeGroup = { key: string; title: string; changes: FieldChange[] };

export function ProposalDecision({ proposalId, groups }: { proposalId: string; groups: ChangeGroup[] }) {
  const [accepted, accept] = useActionState(acceptProposalAction, IDLE);
  const [rejected, reject] = useActionState(rejectProposalAction, IDLE);
  if (accepted.status === 'success' || rejected.status === 'success') return <FormMessage state={accepted.status === 'success' ? accepted : rejected} />;
  const checked = accepted.fields;
  return (
    <div className="space-y-8">
      <FormMessage state={accepted} />
      {accepted.conflict && (
        <div className="space-y-2">
          {accepted.conflictPart && <p className="font-semibold">Modifiée entre-temps : {accepted.conflictPart}</p>}
          <ConflictPanel conflict={accepted.conflict} />
        </div>
      )}
      <form action={accept} className="space-y-4" aria-labelledby="titre-accepter" noValidate>
        <h2 id="titre-accepter" className="text-2xl font-semibold">
          Changements proposés
        </h2>
        <input type="hidden" name="proposalId" value={proposalId} />
        {accepted.versions?.provider !== undefined && <input type="hidden" name="version" value={accepted.versions.provider} />}
        {Object.entries(accepted.versions?.solutions ?? {}).map(([solutionId, version]) => (
          <input key={solutionId} type="hidden" name="solutionVersion" value={`${solutionId}:${version}`} />
        ))}
        <p>Décochez ce que vous ne voulez pas publier. Les valeurs sont montrées telles que l’organisme les a écrites.</p>
        {groups.map((group) => (
          <section key={group.key || 'fiche'} aria-labelledby={`groupe-${group.key || 'fiche'}`} className="space-y-3">
            <h3 id={`groupe-${group.key || 'fiche'}`} className="text-xl font-semibold">
              {group.title}
            </h3>
            <ul className="space-y-4">
              {group.changes.map((change) => {
                const value = group.key ? `${group.key}.${change.field}` : change.field;
                const id = `champ-${group.key ? `${group.key}-` : ''}${change.field}`;
                return (
                  <li key={change.field} className="rounded border border-slate-300 p-3">
                    <div className="flex items-start gap-2">
                      <input id={id} type="checkbox" name="fields" value={value} defaultChecked={checked ? checked.includes(value) : true} className="mt-1 h-5 w-5 shrink-0" />
                      <label htmlFor={id} className="font-semibold">
                        Accepter : {change.label}
                      </label>
                    </div>
                    <div className="mt-2">
                      <DiffView changes={[change]} beforeLabel="Sur la fiche" afterLabel="Proposé" />
                    </div>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
        <TextAreaField id="note-accepter" name="decisionNote" label="Note (facultatif)" rows={2} defaultValue={accepted.values?.decisionNote ?? ''} errors={accepted.errors?.decisionNote} />
        <div className="flex flex-wrap gap-3">
          <SubmitButton>Accepter les champs cochés</SubmitButton>
          <SubmitButton name="tout" value="1" variant="secondary">
            Tout accepter
          </SubmitButton>
        </div>
      </form>
      <form action={reject} className="space-y-4 border-t border-slate-200 pt-6" aria-labelledby="titre-refuser" noValidate>
        <h2 id="titre-refuser" className="text-2xl font-semibold">
          Refuser la proposition
        </h2>
        <FormMessage state={rejected} />
        <input type="hidden" name="proposalId" value={proposalId} />
        <TextAreaField
          id="note-refuser"
          name="decisionNote"
          label="Pourquoi ?"
          hint="La note reste dans l’historique de la Table; l’organisme ne la voit pas."
          rows={2}
          required
          defaultValue={rejected.values?.decisionNote ?? ''}
          errors={rejected.errors?.decisionNote}
        />
        <SubmitButton variant="danger">Refuser</SubmitButton>
      </form>
    </div>
  );
}
