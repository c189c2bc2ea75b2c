'use client';

import { useActionState } from 'react';
import { ConflictPanel } from '@/components/admin/conflict-panel';
import { STATUS_OPTIONS, VerificationFields } from '@/components/admin/entry-common';
import { CheckboxGroup, FormField, FormSection, SelectField, TextAreaField } from '@/components/admin/entry-fields';
import { ErrorSummary } from '@/components/admin/error-summary';
import { acknowledgedVersion, formValues } from '@/components/admin/form-values';
import { SubmitButton } from '@/components/admin/submit-button';
import { saveSolutionAction } from '@/lib/actions/solutions';
import { choiceOptions } from '@/lib/entries/checks';
import { solutionEntry } from '@/lib/entries/solution';
import { providerRoleLabels } from '@/lib/labels';
import { idleFormState, type EntryFormState } from '@/lib/validation/form-state';
import { providerRoles, type SolutionField } from '@/lib/validation/solution';

const { fields } = solutionEntry;

const FIELDS: Record<SolutionField, readonly [string, string]> = {
  title: ['solution-titre', 'Titre'],
  description: ['solution-description', 'Description'],
  availability: ['solution-existence', 'Existe, à confirmer ou proposée'],
  cost: ['solution-cout', 'Coût'],
  parentId: ['solution-parente', 'Solution parente'],
  status: ['solution-etat', 'État'],
  toVerify: ['solution-a-verifier', 'À vérifier'],
  verifyNote: ['solution-note-verification', 'Note de vérification'],
  kinds: ['solution-types', 'Types d’aide'],
  inferredFields: ['solution-deduites', 'Valeurs déduites par l’équipe'],
  needs: ['solution-besoins', 'Besoins'],
  providers: ['solution-fournisseurs', 'Fournisseurs'],
  addProviderSlug: ['solution-ajout-fournisseur', 'Fournisseur à ajouter'],
  addProviderRole: ['solution-ajout-role', 'Rôle du fournisseur ajouté'],
};

type Option = { id: string; label: string };

export type SolutionFormValues = {
  id: string;
  version: number;
  title: string;
  description: string;
  availability: string;
  kinds: string[];
  cost: string;
  inferredFields: string[];
  parentId: string | null;
  status: string;
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
  needs: { id: string; title: string }[];
  providers: { id: string; name: string; role: string; isRoleInferred: boolean }[];
};


export function SolutionForm({ solution, needs, solutions, providers }: { solution: SolutionFormValues | null; needs: Option[] | null; solutions: Option[] | null; providers: Option[] | null }) {
  const [state, formAction] = useActionState<EntryFormState<SolutionField>, FormData>(saveSolutionAction, idleFormState);
  const values = formValues(state);
  const errors = state.errors ?? {};
  const checkedNeeds = values.list('needId', solution?.needs.map((need) => need.id) ?? []);
  const checkedLinks = values.list('providerLink', solution?.providers.map((link) => `${link.id}:${link.role}`) ?? []);
  const inferredLinks = values.list('inferredLink', solution?.providers.filter((link) => link.isRoleInferred).map((link) => `${link.id}:${link.role}`) ?? []);
  const needChoices = needs ?? solution?.needs.map((need) => ({ id: need.id, label: need.title })) ?? [];
  return (
    <form action={formAction} className="space-y-8" noValidate>
      {state.status === 'error' && state.message && <ErrorSummary message={state.message} errors={errors} fields={FIELDS} stateKey={state} />}
      {state.conflict && <ConflictPanel conflict={state.conflict} />}
      {solution && <input type="hidden" name="id" value={solution.id} />}
      {solution && <input type="hidden" name="version" value={acknowledgedVersion(state, solution.version)} />}
      <div className="space-y-5">
        <FormField id={FIELDS.title[0]} name="title" label="Titre" required defaultValue={values.text('title', solution?.title)} errors={errors.title} className="max-w-2xl" />
        <TextAreaField id={FIELDS.description[0]} name="description" label="Description" rows={6} required defaultValue={values.text('description', solution?.description)} errors={errors.description} />
        <SelectField
          id={FIELDS.availability[0]}
          name="availability"
          label="Existe, à confirmer ou proposée"
          hint="« Existence à confirmer » : la source dit seulement qu’elle existe peut-être ; dites quoi confirmer dans la note de vérification."
          options={choiceOptions(fields.availability)}
          defaultValue={values.text('availability', solution?.availability ?? 'EXISTING')}
          errors={errors.availability}
        />
        <CheckboxGroup id={FIELDS.kinds[0]} legend="Types d’aide" name="kinds" options={choiceOptions(fields.kinds)} checked={values.list('kinds', solution?.kinds ?? [])} errors={errors.kinds} />
        <SelectField id={FIELDS.cost[0]} name="cost" label="Coût" options={choiceOptions(fields.cost)} defaultValue={values.text('cost', solution?.cost ?? 'UNKNOWN')} errors={errors.cost} />
        <CheckboxGroup
          id={FIELDS.inferredFields[0]}
          legend="Valeurs déduites par l’équipe"
          hint="Cochez ce que la source ne dit pas : le site le montre « déduit par l’équipe »."
          name="inferredFields"
          options={choiceOptions(fields.inferredFields)}
          checked={values.list('inferredFields', solution?.inferredFields ?? [])}
          errors={errors.inferredFields}
        />
        {solutions ? (
          <SelectField
            id={FIELDS.parentId[0]}
            name="parentId"
            label="Solution parente (facultatif)"
            hint="Pour une sous-solution, affichée sous sa parente."
            options={[{ value: '', label: '(aucune)' }, ...solutions.filter((option) => option.id !== solution?.id).map((option) => ({ value: option.id, label: option.label }))]}
            defaultValue={values.text('parentId', solution?.parentId ?? '')}
            errors={errors.parentId}
          />
        ) : (
          solution?.parentId && <input type="hidden" name="parentId" value={solution.parentId} />
        )}
        <SelectField
          id={FIELDS.status[0]}
          name="status"
          label="État"
          hint="Seules les fiches publiées paraissent sur le site public."
          options={STATUS_OPTIONS.filter((option) => option.value !== 'ARCHIVED' || solution?.status === 'ARCHIVED')}
          defaultValue={values.text('status', solution?.status ?? 'DRAFT')}
          errors={errors.status}
        />
      </div>
      <FormSection id="titre-besoins" title="Besoins auxquels elle répond">
        <CheckboxGroup id={FIELDS.needs[0]} legend="Besoins" name="needId" options={needChoices.map((need) => ({ value: need.id, label: need.label }))} checked={checkedNeeds} errors={errors.needs} />
      </FormSection>
      <FormSection id="titre-fournisseurs" title="Fournisseurs">
        <fieldset id={FIELDS.providers[0]} className="space-y-2" aria-describedby={errors.providers ? `${FIELDS.providers[0]}-erreur` : undefined}>
          <legend className="font-medium">Fournisseurs liés et leur rôle</legend>
          {solution && solution.providers.length > 0 ? (
            <ul className="space-y-1">
              {solution.providers.map((link) => (
                <li key={`${link.id}:${link.role}`} className="flex flex-wrap items-start gap-x-6 gap-y-1">
                  <span className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      id={`fournisseur-${link.id}-${link.role}`}
                      name="providerLink"
                      value={`${link.id}:${link.role}`}
                      defaultChecked={checkedLinks.includes(`${link.id}:${link.role}`)}
                      className="mt-1.5 h-4 w-4 shrink-0"
                    />
                    <label htmlFor={`fournisseur-${link.id}-${link.role}`}>
                      {link.name} ({providerRoleLabels[link.role as keyof typeof providerRoleLabels] ?? link.role})
                    </label>
                  </span>
                  <span className="flex items-start gap-2 text-sm">
                    <input
                      type="checkbox"
                      id={`fournisseur-deduit-${link.id}-${link.role}`}
                      name="inferredLink"
                      value={`${link.id}:${link.role}`}
                      defaultChecked={inferredLinks.includes(`${link.id}:${link.role}`)}
                      className="mt-1 h-4 w-4 shrink-0"
                    />
                    <label htmlFor={`fournisseur-deduit-${link.id}-${link.role}`}>
                      rôle déduit par l’équipe<span className="sr-only"> : {link.name}</span>
                    </label>
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucun fournisseur lié.</p>
          )}
          <p className="text-sm text-slate-700">Décochez pour retirer le lien (le fournisseur reste dans le répertoire).</p>
          {errors.providers && <p id={`${FIELDS.providers[0]}-erreur`} className="text-sm font-medium text-red-700">Erreur : {errors.providers[0]}</p>}
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="font-medium">Ajouter un fournisseur</legend>
          {providers ? (
            <SelectField
              id="solution-ajout-fournisseur-liste"
              name="addProviderId"
              label="Fournisseur"
              options={[{ value: '', label: '(aucun)' }, ...providers.map((option) => ({ value: option.id, label: option.label }))]}
              defaultValue={values.text('addProviderId', '')}
            />
          ) : (
            <FormField
              id={FIELDS.addProviderSlug[0]}
              name="addProviderSlug"
              label="Adresse du fournisseur"
              hint="La fin de l’adresse de sa page publique, par exemple « centre-de-formation-communautaire »."
              defaultValue={values.text('addProviderSlug', '')}
              errors={errors.addProviderSlug}
            />
          )}
          <SelectField id={FIELDS.addProviderRole[0]} name="addProviderRole" label="Rôle" options={providerRoles.map((role) => ({ value: role, label: providerRoleLabels[role] }))} defaultValue={values.text('addProviderRole', 'OFFERS')} errors={errors.addProviderRole} />
        </fieldset>
      </FormSection>
      <FormSection id="titre-verification" title="Vérification">
        <VerificationFields prefix="solution" verifiedAt={solution?.verifiedAt ?? null} values={values} toVerify={solution?.toVerify ?? false} verifyNote={solution?.verifyNote ?? ''} errors={errors.verifyNote} />
      </FormSection>
      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
        <SubmitButton name="intent" value="save">{solution ? 'Enregistrer' : 'Créer la solution'}</SubmitButton>
        <SubmitButton name="intent" value="verify" variant="secondary">
          {solution ? 'Enregistrer et marquer comme vérifié' : 'Créer et marquer comme vérifié'}
        </SubmitButton>
      </div>
    </form>
  );
}
