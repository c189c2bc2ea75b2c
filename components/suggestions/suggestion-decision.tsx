'use client';

// A member's decision on one suggestion: accept, reject, or only note. Each is a small
// form that works without JavaScript. The component stays mounted once the suggestion is
// decided (the forms disappear), so that the answer of the action stays on screen.
// React resets a form after its action: a refused one is filled again from `state.values`.
import Link from 'next/link';
import { useActionState } from 'react';
import { TextAreaField } from '@/components/admin/entry-fields';
import { FieldErrors } from '@/components/admin/form-field';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { acceptSuggestionAction, noteSuggestionAction, rejectSuggestionAction, type DecisionState } from '@/lib/actions/suggestions';
import { idleFormState } from '@/lib/validation/form-state';
import { SUGGESTION_LIMITS } from '@/lib/validation/suggestion';

type SuggestionDecisionProps = {
  suggestion: {
    id: string;
    kind: 'NEW_RESOURCE' | 'ERROR_REPORT';
    isPending: boolean;
    decisionNote: string;
    /** Error report: what the visitor wrote, quoted beside the public note (never copied into it). */
    visitorMessage: string;
    entryTitle: string | null;
  };
};

function ResultLink({ state }: { state: DecisionState }) {
  if (!state.result) return null;
  return (
    <p>
      <Link href={state.result.href} className="font-medium">
        {state.result.label}
      </Link>
    </p>
  );
}

export function SuggestionDecision({ suggestion }: SuggestionDecisionProps) {
  const [acceptState, acceptAction] = useActionState<DecisionState, FormData>(acceptSuggestionAction, idleFormState);
  const [rejectState, rejectAction] = useActionState<DecisionState, FormData>(rejectSuggestionAction, idleFormState);
  const [noteState, noteAction] = useActionState<DecisionState, FormData>(noteSuggestionAction, idleFormState);
  const isReport = suggestion.kind === 'ERROR_REPORT';
  const target = acceptState.values?.target === 'Solution' ? 'Solution' : 'Provider';

  return (
    <div className="space-y-10">
      {suggestion.isPending ? (
        <>
          <section aria-labelledby="titre-accepter" className="space-y-3">
            <h2 id="titre-accepter" className="text-xl font-semibold">
              Accepter
            </h2>
            <p>
              {isReport
                ? `La fiche « ${suggestion.entryTitle ?? ''} » sera marquée « à vérifier », avec la note ci-dessous (visible sur le site public). Corrigez-la ensuite dans sa page d’édition.`
                : 'Un brouillon est créé à partir de la suggestion (invisible sur le site public). Vous le complétez, puis vous le publiez.'}{' '}
              L’adresse courriel de la personne, s’il y en a une, est effacée.
            </p>
            <FormMessage state={acceptState} />
            <ResultLink state={acceptState} />
            <form action={acceptAction} className="space-y-4" noValidate>
              <input type="hidden" name="suggestionId" value={suggestion.id} />
              {isReport ? (
                <div className="space-y-3">
                  <figure className="max-w-2xl space-y-1 rounded border border-slate-300 bg-slate-50 p-3">
                    <figcaption className="text-sm font-medium text-slate-700">Ce que la personne a écrit (non publié)</figcaption>
                    <blockquote className="whitespace-pre-wrap break-words">{suggestion.visitorMessage}</blockquote>
                  </figure>
                  <TextAreaField
                    id="accepter-note-fiche"
                    name="verifyNote"
                    label="Note « à vérifier » ajoutée à la fiche (publique)"
                    hint={`Cette note est publique : elle s’affiche sur la page de la fiche. Résumez le signalement dans vos mots, sans renseignement personnel. ${SUGGESTION_LIMITS.verifyNote.toLocaleString('fr-CA')} caractères au plus; vide, la fiche est marquée « à vérifier » sans note.`}
                    rows={4}
                    className="max-w-2xl"
                    defaultValue={acceptState.values?.verifyNote ?? ''}
                    errors={acceptState.errors?.verifyNote}
                  />
                </div>
              ) : (
                <fieldset className="space-y-2" aria-describedby={acceptState.errors?.target ? 'accepter-cible-erreur' : undefined}>
                  <legend className="font-medium">Créer un brouillon de</legend>
                  <div className="flex items-start gap-2">
                    <input type="radio" id="accepter-cible-fournisseur" name="target" value="Provider" defaultChecked={target === 'Provider'} className="mt-1.5 h-4 w-4" />
                    <label htmlFor="accepter-cible-fournisseur">
                      <span className="font-medium">Fournisseur</span> : un organisme ou un programme
                    </label>
                  </div>
                  <div className="flex items-start gap-2">
                    <input type="radio" id="accepter-cible-solution" name="target" value="Solution" defaultChecked={target === 'Solution'} className="mt-1.5 h-4 w-4" />
                    <label htmlFor="accepter-cible-solution">
                      <span className="font-medium">Solution</span> : un service ou un outil qui répond à un besoin
                    </label>
                  </div>
                  {acceptState.errors?.target && <FieldErrors id="accepter-cible-erreur" errors={acceptState.errors.target} />}
                </fieldset>
              )}
              <TextAreaField
                id="accepter-note"
                name="decisionNote"
                label="Note interne (facultatif)"
                hint="Visible des membres seulement."
                rows={3}
                className="max-w-2xl"
                defaultValue={acceptState.values?.decisionNote ?? ''}
                errors={acceptState.errors?.decisionNote}
              />
              <SubmitButton>{isReport ? 'Accepter et marquer la fiche à vérifier' : 'Accepter et créer le brouillon'}</SubmitButton>
            </form>
          </section>

          <section aria-labelledby="titre-refuser" className="space-y-3">
            <h2 id="titre-refuser" className="text-xl font-semibold">
              Refuser
            </h2>
            <p>Rien ne change dans le répertoire. L’adresse courriel de la personne, s’il y en a une, est effacée.</p>
            <FormMessage state={rejectState} />
            <form action={rejectAction} className="space-y-4" noValidate>
              <input type="hidden" name="suggestionId" value={suggestion.id} />
              <TextAreaField
                id="refuser-note"
                name="decisionNote"
                label="Raison du refus (facultatif)"
                hint="Visible des membres seulement, par exemple « déjà dans le répertoire » ou « hors sujet »."
                rows={3}
                className="max-w-2xl"
                defaultValue={rejectState.values?.decisionNote ?? ''}
                errors={rejectState.errors?.decisionNote}
              />
              <SubmitButton variant="danger">Refuser la suggestion</SubmitButton>
            </form>
          </section>
        </>
      ) : (
        <div className="space-y-3">
          <FormMessage state={acceptState} />
          <ResultLink state={acceptState} />
          <FormMessage state={rejectState} />
        </div>
      )}

      <section aria-labelledby="titre-note" className="space-y-3">
        <h2 id="titre-note" className="text-xl font-semibold">
          Note de suivi
        </h2>
        <p>{suggestion.isPending ? 'Pour garder une trace sans décider encore (par exemple « vérifier auprès de l’organisme »).' : 'Modifier la note de la décision.'}</p>
        <FormMessage state={noteState} />
        <form action={noteAction} className="space-y-4" noValidate>
          <input type="hidden" name="suggestionId" value={suggestion.id} />
          <TextAreaField
            id="suivi-note"
            name="decisionNote"
            label="Note de suivi"
            hint="Visible des membres seulement."
            rows={3}
            className="max-w-2xl"
            defaultValue={noteState.values?.decisionNote ?? suggestion.decisionNote}
            errors={noteState.errors?.decisionNote}
          />
          <SubmitButton variant="secondary">Enregistrer la note</SubmitButton>
        </form>
      </section>
    </div>
  );
}
