'use client';

import { useActionState } from 'react';
import { ConflictPanel } from '@/components/admin/conflict-panel';
import { FormField, FormSection, SelectField, TextAreaField } from '@/components/admin/entry-fields';
import { ErrorSummary } from '@/components/admin/error-summary';
import { acknowledgedVersion, formValues } from '@/components/admin/form-values';
import { SubmitButton } from '@/components/admin/submit-button';
import { saveNeedAction } from '@/lib/actions/needs';
import { idleFormState, type EntryFormState } from '@/lib/validation/form-state';
import type { NeedField } from '@/lib/validation/need';
import { STATUS_OPTIONS, VerificationFields } from '@/components/admin/entry-common';

type Option = { id: string; label: string; slug?: string };

export type NeedFormProps = {
  need: {
    id: string;
    version: number;
    kind: string;
    title: string;
    description: string;
    note: string;
    position: number;
    themeId: string | null;
    status: string;
    verifiedAt: string | null;
    toVerify: boolean;
    verifyNote: string;
    solutions: { id: string; title: string; position: number }[];
    links: { id: string; title: string; note: string }[];
  } | null;
  themes: Option[];
  /** Null when there are too many to list: the form asks for slugs. */
  solutions: Option[] | null;
  needs: Option[] | null;
};

const FIELDS: Record<NeedField, readonly [string, string]> = {
  title: ['besoin-titre', 'Titre'],
  kind: ['besoin-type', 'Type'],
  description: ['besoin-description', 'Description'],
  note: ['besoin-remarque', 'Remarque'],
  themeId: ['besoin-theme', 'Thème'],
  position: ['besoin-ordre', 'Ordre'],
  status: ['besoin-etat', 'État'],
  toVerify: ['besoin-a-verifier', 'À vérifier'],
  verifyNote: ['besoin-note-verification', 'Note de vérification'],
  solutions: ['besoin-solutions', 'Solutions'],
  links: ['besoin-liens', 'Besoins liés'],
  addSolutionSlugs: ['besoin-ajout-solutions', 'Solutions à ajouter'],
  addLinkSlugs: ['besoin-ajout-liens', 'Besoins à lier'],
};

export function NeedForm({ need, themes, solutions, needs }: NeedFormProps) {
  const [state, formAction] = useActionState<EntryFormState<NeedField>, FormData>(saveNeedAction, idleFormState);
  const values = formValues(state);
  const errors = state.errors ?? {};
  const linkedSolutionIds = values.list('solutionId', need?.solutions.map((link) => link.id) ?? []);
  const linkedNeedIds = values.list('linkId', need?.links.map((link) => link.id) ?? []);
  const otherSolutions = (solutions ?? []).filter((option) => !need?.solutions.some((link) => link.id === option.id));
  const otherNeeds = (needs ?? []).filter((option) => option.id !== need?.id && !need?.links.some((link) => link.id === option.id));
  const statusOptions = STATUS_OPTIONS.filter((option) => option.value !== 'ARCHIVED' || need?.status === 'ARCHIVED');

  return (
    <form action={formAction} className="space-y-8" noValidate>
      {state.status === 'error' && state.message && <ErrorSummary message={state.message} errors={errors} fields={FIELDS} stateKey={state} />}
      {state.conflict && <ConflictPanel conflict={state.conflict} />}
      {need && <input type="hidden" name="id" value={need.id} />}
      {need && <input type="hidden" name="version" value={acknowledgedVersion(state, need.version)} />}

      <div className="space-y-5">
        <FormField
          id={FIELDS.title[0]}
          name="title"
          label="Titre"
          hint="Court : il sert dans les listes et les liens."
          required
          defaultValue={values.text('title', need?.title)}
          errors={errors.title}
          className="max-w-2xl"
        />
        <SelectField
          id={FIELDS.kind[0]}
          name="kind"
          label="Type"
          options={[
            { value: 'NEED', label: 'Besoin' },
            { value: 'ISSUE', label: 'Enjeu' },
          ]}
          defaultValue={values.text('kind', need?.kind ?? 'NEED')}
          errors={errors.kind}
        />
        <TextAreaField
          id={FIELDS.description[0]}
          name="description"
          label="Description"
          hint="La formulation complète, telle que la Table l’a écrite."
          rows={6}
          required
          defaultValue={values.text('description', need?.description)}
          errors={errors.description}
        />
        <TextAreaField
          id={FIELDS.note[0]}
          name="note"
          label="Remarque (facultatif)"
          rows={3}
          defaultValue={values.text('note', need?.note)}
          errors={errors.note}
        />
        <SelectField
          id={FIELDS.themeId[0]}
          name="themeId"
          label="Thème"
          options={[{ value: '', label: '(aucun thème)' }, ...themes.map((theme) => ({ value: theme.id, label: theme.label }))]}
          defaultValue={values.text('themeId', need?.themeId ?? '')}
          errors={errors.themeId}
        />
        <FormField
          id={FIELDS.position[0]}
          name="position"
          label="Ordre dans la liste publique"
          hint="Un nombre : les plus petits d’abord. Laissez vide pour placer un nouveau besoin à la fin."
          inputMode="numeric"
          defaultValue={values.text('position', need?.position)}
          errors={errors.position}
          className="max-w-32"
        />
        <SelectField
          id={FIELDS.status[0]}
          name="status"
          label="État"
          hint="Seules les fiches publiées paraissent sur le site public."
          options={statusOptions}
          defaultValue={values.text('status', need?.status ?? 'DRAFT')}
          errors={errors.status}
        />
      </div>

      <FormSection id="titre-verification" title="Vérification">
        <VerificationFields prefix="besoin" verifiedAt={need?.verifiedAt ?? null} values={values} toVerify={need?.toVerify ?? false} verifyNote={need?.verifyNote ?? ''} errors={errors.verifyNote} />
      </FormSection>

      <FormSection id="titre-solutions" title="Solutions liées">
        <fieldset id={FIELDS.solutions[0]} className="space-y-3" aria-describedby={errors.solutions ? `${FIELDS.solutions[0]}-erreur` : undefined}>
          <legend className="font-medium">Solutions de ce besoin, dans l’ordre</legend>
          {need && need.solutions.length > 0 ? (
            <ul className="space-y-2">
              {need.solutions.map((link) => (
                <li key={link.id} className="flex flex-wrap items-center gap-x-4 gap-y-1">
                  <span className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      id={`solution-${link.id}`}
                      name="solutionId"
                      value={link.id}
                      defaultChecked={linkedSolutionIds.includes(link.id)}
                      className="mt-1.5 h-4 w-4 shrink-0"
                    />
                    <label htmlFor={`solution-${link.id}`}>{link.title}</label>
                  </span>
                  <span className="flex items-center gap-2">
                    <label htmlFor={`solution-ordre-${link.id}`} className="text-sm">
                      Ordre<span className="sr-only"> de « {link.title} »</span>
                    </label>
                    <input
                      id={`solution-ordre-${link.id}`}
                      name={`solutionPosition.${link.id}`}
                      inputMode="numeric"
                      defaultValue={values.text(`solutionPosition.${link.id}`, link.position)}
                      className="w-20 rounded border border-slate-500 px-2 py-1"
                    />
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucune solution liée pour l’instant.</p>
          )}
          <p className="text-sm text-slate-700">Décochez une solution pour retirer le lien (la solution elle-même reste dans le répertoire).</p>
          {errors.solutions && <p id={`${FIELDS.solutions[0]}-erreur`} className="text-sm font-medium text-red-700">Erreur : {errors.solutions[0]}</p>}
        </fieldset>
        {solutions ? (
          otherSolutions.length > 0 && (
            <fieldset className="space-y-2">
              <legend className="font-medium">Ajouter des solutions</legend>
              <p className="text-sm text-slate-700">Cochez-les : elles s’ajoutent à la fin, dans l’ordre alphabétique.</p>
              <ul className="max-h-72 space-y-1 overflow-y-auto rounded border border-slate-300 p-2">
                {otherSolutions.map((option) => (
                  <li key={option.id} className="flex items-start gap-2">
                    <input
                      type="checkbox"
                      id={`ajout-solution-${option.id}`}
                      name="solutionId"
                      value={option.id}
                      defaultChecked={linkedSolutionIds.includes(option.id)}
                      className="mt-1.5 h-4 w-4 shrink-0"
                    />
                    <label htmlFor={`ajout-solution-${option.id}`}>{option.label}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )
        ) : (
          <TextAreaField
            id={FIELDS.addSolutionSlugs[0]}
            name="addSolutionSlugs"
            label="Solutions à ajouter"
            hint="Collez l’adresse (ou la fin de l’adresse, par exemple « clinique-juridique ») de chaque solution, une par ligne."
            rows={3}
            defaultValue={values.text('addSolutionSlugs', '')}
            errors={errors.addSolutionSlugs}
          />
        )}
      </FormSection>

      <FormSection id="titre-liens" title="Besoins liés (« Lié à… »)">
        <fieldset id={FIELDS.links[0]} className="space-y-3" aria-describedby={errors.links ? `${FIELDS.links[0]}-erreur` : undefined}>
          <legend className="font-medium">Ce besoin est lié à</legend>
          {need && need.links.length > 0 ? (
            <ul className="space-y-3">
              {need.links.map((link) => (
                <li key={link.id} className="space-y-1">
                  <span className="flex items-start gap-2">
                    <input type="checkbox" id={`lien-${link.id}`} name="linkId" value={link.id} defaultChecked={linkedNeedIds.includes(link.id)} className="mt-1.5 h-4 w-4 shrink-0" />
                    <label htmlFor={`lien-${link.id}`}>{link.title}</label>
                  </span>
                  <span className="block pl-6">
                    <label htmlFor={`lien-note-${link.id}`} className="block text-sm">
                      Note du lien
                    </label>
                    <input
                      id={`lien-note-${link.id}`}
                      name={`linkNote.${link.id}`}
                      defaultValue={values.text(`linkNote.${link.id}`, link.note)}
                      className="block w-full max-w-xl rounded border border-slate-500 px-2 py-1"
                    />
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucun lien pour l’instant.</p>
          )}
          {errors.links && <p id={`${FIELDS.links[0]}-erreur`} className="text-sm font-medium text-red-700">Erreur : {errors.links[0]}</p>}
        </fieldset>
        {needs ? (
          otherNeeds.length > 0 && (
            <fieldset className="space-y-2">
              <legend className="font-medium">Lier à d’autres besoins</legend>
              <p className="text-sm text-slate-700">Cochez-les; vous pourrez ajouter une note au lien après l’enregistrement.</p>
              <ul className="max-h-72 space-y-1 overflow-y-auto rounded border border-slate-300 p-2">
                {otherNeeds.map((option) => (
                  <li key={option.id} className="flex items-start gap-2">
                    <input type="checkbox" id={`ajout-lien-${option.id}`} name="linkId" value={option.id} defaultChecked={linkedNeedIds.includes(option.id)} className="mt-1.5 h-4 w-4 shrink-0" />
                    <label htmlFor={`ajout-lien-${option.id}`}>{option.label}</label>
                  </li>
                ))}
              </ul>
            </fieldset>
          )
        ) : (
          <TextAreaField
            id={FIELDS.addLinkSlugs[0]}
            name="addLinkSlugs"
            label="Besoins à lier"
            hint="L’adresse de chaque besoin (par exemple « conformite-loi-25 »), une par ligne."
            rows={3}
            defaultValue={values.text('addLinkSlugs', '')}
            errors={errors.addLinkSlugs}
          />
        )}
      </FormSection>

      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
        <SubmitButton name="intent" value="save">{need ? 'Enregistrer' : 'Créer le besoin'}</SubmitButton>
        <SubmitButton name="intent" value="verify" variant="secondary">
          {need ? 'Enregistrer et marquer comme vérifié' : 'Créer et marquer comme vérifié'}
        </SubmitButton>
      </div>
    </form>
  );
}
