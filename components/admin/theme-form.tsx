'use client';

import { useActionState } from 'react';
import { ConflictPanel } from '@/components/admin/conflict-panel';
import { STATUS_OPTIONS } from '@/components/admin/entry-common';
import { FormField, SelectField, TextAreaField } from '@/components/admin/entry-fields';
import { ErrorSummary } from '@/components/admin/error-summary';
import { acknowledgedVersion, formValues } from '@/components/admin/form-values';
import { SubmitButton } from '@/components/admin/submit-button';
import { saveThemeAction } from '@/lib/actions/themes';
import { idleFormState, type EntryFormState } from '@/lib/validation/form-state';
import type { ThemeField } from '@/lib/validation/theme';

const FIELDS: Record<ThemeField, readonly [string, string]> = {
  name: ['theme-nom', 'Nom'],
  description: ['theme-description', 'Description'],
  position: ['theme-ordre', 'Ordre'],
  status: ['theme-etat', 'État'],
};

export function ThemeForm({ theme }: { theme: { id: string; version: number; name: string; description: string; position: number; status: string } | null }) {
  const [state, formAction] = useActionState<EntryFormState<ThemeField>, FormData>(saveThemeAction, idleFormState);
  const values = formValues(state);
  const errors = state.errors ?? {};
  return (
    <form action={formAction} className="space-y-6" noValidate>
      {state.status === 'error' && state.message && <ErrorSummary message={state.message} errors={errors} fields={FIELDS} stateKey={state} />}
      {state.conflict && <ConflictPanel conflict={state.conflict} />}
      {theme && <input type="hidden" name="id" value={theme.id} />}
      {theme && <input type="hidden" name="version" value={acknowledgedVersion(state, theme.version)} />}
      <FormField id={FIELDS.name[0]} name="name" label="Nom" required defaultValue={values.text('name', theme?.name)} errors={errors.name} className="max-w-2xl" />
      <TextAreaField id={FIELDS.description[0]} name="description" label="Description (facultatif)" rows={4} defaultValue={values.text('description', theme?.description)} errors={errors.description} />
      <FormField
        id={FIELDS.position[0]}
        name="position"
        label="Ordre"
        hint="Un nombre : les plus petits d’abord. Laissez vide pour placer un nouveau thème à la fin."
        inputMode="numeric"
        defaultValue={values.text('position', theme?.position)}
        errors={errors.position}
        className="max-w-32"
      />
      <SelectField
        id={FIELDS.status[0]}
        name="status"
        label="État"
        options={STATUS_OPTIONS.filter((option) => option.value !== 'ARCHIVED' || theme?.status === 'ARCHIVED')}
        defaultValue={values.text('status', theme?.status ?? 'PUBLISHED')}
        errors={errors.status}
      />
      <SubmitButton>{theme ? 'Enregistrer' : 'Créer le thème'}</SubmitButton>
    </form>
  );
}
