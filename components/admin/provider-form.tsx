'use client';

import { useActionState } from 'react';
import { ConflictPanel } from '@/components/admin/conflict-panel';
import { STATUS_OPTIONS, VerificationFields } from '@/components/admin/entry-common';
import { CheckboxGroup, FormField, FormSection, SelectField, TextAreaField } from '@/components/admin/entry-fields';
import { ErrorSummary } from '@/components/admin/error-summary';
import { acknowledgedVersion, formValues } from '@/components/admin/form-values';
import { SubmitButton } from '@/components/admin/submit-button';
import { saveProviderAction } from '@/lib/actions/providers';
import { choiceOptions } from '@/lib/entries/checks';
import { providerEntry } from '@/lib/entries/provider';
import { languageLabel } from '@/lib/labels';
import { idleFormState, type EntryFormState } from '@/lib/validation/form-state';
import type { ProviderField } from '@/lib/validation/provider';

const { fields } = providerEntry;
const COMMON_LANGUAGES: readonly string[] = fields.languages.common;

const FIELDS: Record<ProviderField, readonly [string, string]> = {
  name: ['fournisseur-nom', 'Nom'],
  alternateName: ['fournisseur-autre-nom', 'Autre nom ou sigle'],
  kind: ['fournisseur-type', 'Type'],
  description: ['fournisseur-description', 'Description'],
  website: ['fournisseur-site', 'Site Web'],
  email: ['fournisseur-courriel', 'Courriel'],
  phone: ['fournisseur-telephone', 'Téléphone'],
  cost: ['fournisseur-cout', 'Coût'],
  status: ['fournisseur-etat', 'État'],
  toVerify: ['fournisseur-a-verifier', 'À vérifier'],
  verifyNote: ['fournisseur-note-verification', 'Note de vérification'],
  regions: ['fournisseur-regions', 'Régions'],
  audiences: ['fournisseur-publics', 'Publics'],
  formats: ['fournisseur-formats', 'Formats'],
  languages: ['fournisseur-langues', 'Langues'],
};

export type ProviderFormValues = {
  id: string;
  version: number;
  name: string;
  alternateName: string;
  kind: string;
  description: string;
  website: string;
  email: string;
  phone: string;
  regions: string[];
  audiences: string[];
  cost: string;
  formats: string[];
  languages: string[];
  status: string;
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
};

export function ProviderForm({ provider }: { provider: ProviderFormValues | null }) {
  const [state, formAction] = useActionState<EntryFormState<ProviderField>, FormData>(saveProviderAction, idleFormState);
  const values = formValues(state);
  const errors = state.errors ?? {};
  const languages = values.list('languages', provider?.languages ?? ['fr']);
  const otherLanguages = values.hasTyped ? values.text('otherLanguages', '') : (provider?.languages ?? []).filter((code) => !COMMON_LANGUAGES.includes(code)).join(', ');
  return (
    <form action={formAction} className="space-y-8" noValidate>
      {state.status === 'error' && state.message && <ErrorSummary message={state.message} errors={errors} fields={FIELDS} stateKey={state} />}
      {state.conflict && <ConflictPanel conflict={state.conflict} />}
      {provider && <input type="hidden" name="id" value={provider.id} />}
      {provider && <input type="hidden" name="version" value={acknowledgedVersion(state, provider.version)} />}
      <div className="space-y-5">
        <FormField id={FIELDS.name[0]} name="name" label="Nom" required defaultValue={values.text('name', provider?.name)} errors={errors.name} className="max-w-2xl" />
        <FormField id={FIELDS.alternateName[0]} name="alternateName" label="Autre nom ou sigle (facultatif)" defaultValue={values.text('alternateName', provider?.alternateName)} errors={errors.alternateName} />
        <SelectField id={FIELDS.kind[0]} name="kind" label="Type" options={choiceOptions(fields.kind)} defaultValue={values.text('kind', provider?.kind ?? 'ORGANIZATION')} errors={errors.kind} />
        <TextAreaField id={FIELDS.description[0]} name="description" label="Description (facultatif)" rows={5} defaultValue={values.text('description', provider?.description)} errors={errors.description} />
        <FormField id={FIELDS.website[0]} name="website" type="url" label="Site Web (facultatif)" hint="Par exemple https://www.organisme.org" autoComplete="off" defaultValue={values.text('website', provider?.website)} errors={errors.website} />
        <FormField id={FIELDS.email[0]} name="email" type="email" label="Courriel (facultatif)" hint="Une adresse publique de l’organisme, jamais celle d’une personne sans son accord." autoComplete="off" spellCheck={false} defaultValue={values.text('email', provider?.email)} errors={errors.email} />
        <FormField id={FIELDS.phone[0]} name="phone" type="tel" label="Téléphone (facultatif)" hint="Par exemple 514 555-1234, poste 12" autoComplete="off" defaultValue={values.text('phone', provider?.phone)} errors={errors.phone} />
        <SelectField id={FIELDS.cost[0]} name="cost" label="Coût" options={choiceOptions(fields.cost)} defaultValue={values.text('cost', provider?.cost ?? 'UNKNOWN')} errors={errors.cost} />
        <SelectField
          id={FIELDS.status[0]}
          name="status"
          label="État"
          hint="Seules les fiches publiées paraissent sur le site public."
          options={STATUS_OPTIONS.filter((option) => option.value !== 'ARCHIVED' || provider?.status === 'ARCHIVED')}
          defaultValue={values.text('status', provider?.status ?? 'DRAFT')}
          errors={errors.status}
        />
      </div>
      <FormSection id="titre-portee" title="Portée">
        <CheckboxGroup id={FIELDS.regions[0]} legend="Régions desservies" name="regions" options={choiceOptions(fields.regions)} checked={values.list('regions', provider?.regions ?? [])} errors={errors.regions} />
        <CheckboxGroup id={FIELDS.audiences[0]} legend="Publics" name="audiences" options={choiceOptions(fields.audiences)} checked={values.list('audiences', provider?.audiences ?? [])} errors={errors.audiences} />
        <CheckboxGroup id={FIELDS.formats[0]} legend="Formats" name="formats" options={choiceOptions(fields.formats)} checked={values.list('formats', provider?.formats ?? [])} errors={errors.formats} />
        <CheckboxGroup
          id={FIELDS.languages[0]}
          legend="Langues"
          name="languages"
          options={COMMON_LANGUAGES.map((code) => ({ value: code, label: languageLabel(code) }))}
          checked={languages}
          errors={errors.languages}
        />
        <FormField id="fournisseur-autres-langues" name="otherLanguages" label="Autres langues (facultatif)" hint="Codes de 2 ou 3 lettres séparés par des virgules, par exemple « pt, vi »." defaultValue={otherLanguages} />
      </FormSection>
      <FormSection id="titre-verification" title="Vérification">
        <VerificationFields prefix="fournisseur" verifiedAt={provider?.verifiedAt ?? null} values={values} toVerify={provider?.toVerify ?? false} verifyNote={provider?.verifyNote ?? ''} errors={errors.verifyNote} />
      </FormSection>
      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
        <SubmitButton name="intent" value="save">{provider ? 'Enregistrer' : 'Créer le fournisseur'}</SubmitButton>
        <SubmitButton name="intent" value="verify" variant="secondary">
          {provider ? 'Enregistrer et marquer comme vérifié' : 'Créer et marquer comme vérifié'}
        </SubmitButton>
      </div>
    </form>
  );
}
