'use client';

// The admin form of any kind of entry, drawn from its definition (lib/entries/): each editable
// field in the definition's order with the widget of its type, the sections it names, the
// verification and the buttons. A kind's links are sections its own component passes in
// (components/admin/need-form.tsx, solution-form.tsx). Everything typed comes back after a
// refused save (formValues), and a conflict shows the other version beside the form.
import { useActionState, type ReactNode } from 'react';
import { ConflictPanel } from '@/components/admin/conflict-panel';
import { STATUS_OPTIONS, VerificationFields } from '@/components/admin/entry-common';
import { CheckboxField, CheckboxGroup, FormField, FormSection, SelectField, TextAreaField } from '@/components/admin/entry-fields';
import { ErrorSummary } from '@/components/admin/error-summary';
import { acknowledgedVersion, formValues } from '@/components/admin/form-values';
import { SubmitButton } from '@/components/admin/submit-button';
import { saveEntryFormAction } from '@/lib/actions/entries';
import { choiceOptions } from '@/lib/entries/checks';
import { editableFields, fieldId, formLabel, hasVerification, isVerificationKey, kebab, type Field } from '@/lib/entries/fields';
import { OTHER_LANGUAGES } from '@/lib/entries/form';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import type { EntityDef, EntryType } from '@/lib/entries/types';
import { languageLabel } from '@/lib/labels';
import { idleFormState, type EntryFormState } from '@/lib/validation/form-state';

type Values = ReturnType<typeof formValues>;
type Errors = Partial<Record<string, string[]>>;

export type EntryFormEntry = Record<string, unknown> & { id: string; version: number; status: string; verifiedAt?: string | null };
export type RefOption = { id: string; label: string };

const sectionId = (title: string) => `titre-${kebab(title)}`;

const text = (value: unknown) => (value === null || value === undefined ? undefined : String(value));

/** `prefix`: several entries in one form (the organisation's solutions) name their fields `<prefix><key>`. */
export function FieldInput({
  def,
  field,
  entry,
  values,
  errors,
  refOptions,
  prefix = '',
}: {
  def: EntityDef;
  field: Field;
  entry: EntryFormEntry | null;
  values: Values;
  errors: Errors;
  refOptions: Record<string, RefOption[] | null>;
  prefix?: string;
}) {
  const id = prefix + fieldId(def, field.key);
  const name = prefix + field.key;
  const current = entry?.[field.key];
  const common = { id, name, label: formLabel(field), hint: field.help, errors: errors[name] };
  switch (field.type) {
    case 'text':
    case 'url':
    case 'email':
    case 'phone':
    case 'postalCode': {
      const byType = {
        text: {},
        url: { type: 'url', autoComplete: 'off' },
        email: { type: 'email', autoComplete: 'off', spellCheck: false },
        phone: { type: 'tel', autoComplete: 'off' },
        postalCode: { autoComplete: 'off', className: 'max-w-40' },
      }[field.type];
      const className = field.key === def.titleField ? 'max-w-2xl' : undefined;
      return <FormField {...common} required={Boolean(field.required)} className={className} {...byType} defaultValue={values.text(name, text(current))} />;
    }
    case 'longText':
      return <TextAreaField {...common} rows={field.rows} required={Boolean(field.required)} defaultValue={values.text(name, text(current))} />;
    case 'int':
      return <FormField {...common} inputMode="numeric" className="max-w-32" defaultValue={values.text(name, text(current))} />;
    case 'choice': {
      // Archiving has its own page: « Archivé » is offered only to an entry that already is.
      const options = field.key === 'status' ? STATUS_OPTIONS.filter((option) => option.value !== 'ARCHIVED' || entry?.status === 'ARCHIVED') : choiceOptions(field);
      return <SelectField {...common} options={options} defaultValue={values.text(name, text(current) ?? field.default ?? options[0]?.value)} />;
    }
    case 'ref': {
      const options = refOptions[field.key];
      // Too many to list: the current one is kept as it is.
      if (!options) return current ? <input type="hidden" name={name} value={String(current)} /> : null;
      const choices = [{ value: '', label: field.none }, ...options.filter((option) => option.id !== entry?.id).map((option) => ({ value: option.id, label: option.label }))];
      return <SelectField {...common} options={choices} defaultValue={values.text(name, text(current) ?? '')} />;
    }
    case 'bool':
      return <CheckboxField id={id} name={name} label={formLabel(field)} hint={field.help} defaultChecked={values.checked(name, current === true)} />;
    case 'multiChoice':
      return (
        <CheckboxGroup id={id} name={name} legend={formLabel(field)} hint={field.help} options={choiceOptions(field)} checked={values.list(name, (current as string[] | undefined) ?? [])} errors={errors[name]} />
      );
    case 'languages': {
      const codes = (current as string[] | undefined) ?? ['fr'];
      const others = values.hasTyped ? values.text(OTHER_LANGUAGES, '') : codes.filter((code) => !field.common.includes(code)).join(', ');
      return (
        <>
          <CheckboxGroup
            id={id}
            name={name}
            legend={formLabel(field)}
            hint={field.help}
            options={field.common.map((code) => ({ value: code, label: languageLabel(code) }))}
            checked={values.list(name, codes)}
            errors={errors[name]}
          />
          <FormField id={`${id}-autres`} name={OTHER_LANGUAGES} label="Autres langues (facultatif)" hint="Codes de 2 ou 3 lettres séparés par des virgules, par exemple « pt, vi »." defaultValue={others} />
        </>
      );
    }
    default:
      return null;
  }
}

export function EntryForm({
  type,
  entry,
  refOptions = {},
  linkFields = {},
  links,
  linksBeforeVerification = false,
}: {
  type: EntryType;
  entry: EntryFormEntry | null;
  /** Choices of each reference field; null when there are too many to list. */
  refOptions?: Record<string, RefOption[] | null>;
  /** The kind's link fields for the error summary: name → [element id, label]. */
  linkFields?: Record<string, readonly [string, string]>;
  /** The kind's link sections, given what was typed and the errors. */
  links?: (values: Values, errors: Errors) => ReactNode;
  /** Solutions list their links before the verification, needs after it. */
  linksBeforeVerification?: boolean;
}) {
  const def: EntityDef = ENTRY_DEFS[type];
  const [state, formAction] = useActionState<EntryFormState, FormData>(saveEntryFormAction, idleFormState);
  const values = formValues(state);
  const errors: Errors = state.errors ?? {};
  const fields = editableFields(def).filter((field) => !isVerificationKey(field.key));
  const sections = [...new Set(fields.map((field) => field.section).filter((section): section is string => Boolean(section)))];
  const summaryFields = { ...Object.fromEntries(editableFields(def).map((field) => [field.key, [fieldId(def, field.key), field.label] as const])), ...linkFields };
  const input = (field: Field) => <FieldInput key={field.key} def={def} field={field} entry={entry} values={values} errors={errors} refOptions={refOptions} />;
  const verification = hasVerification(def) && (
    <FormSection id="titre-verification" title="Vérification">
      <VerificationFields def={def} verifiedAt={entry?.verifiedAt ?? null} values={values} toVerify={entry?.toVerify === true} verifyNote={text(entry?.verifyNote) ?? ''} errors={errors.verifyNote} />
    </FormSection>
  );
  const linkSections = links?.(values, errors);
  const creates = `Créer ${def.words.the}`;
  return (
    <form action={formAction} className="space-y-8" noValidate>
      {state.status === 'error' && state.message && <ErrorSummary message={state.message} errors={errors} fields={summaryFields} stateKey={state} />}
      {state.conflict && <ConflictPanel conflict={state.conflict} />}
      <input type="hidden" name="entityType" value={type} />
      {entry && <input type="hidden" name="id" value={entry.id} />}
      {entry && <input type="hidden" name="version" value={acknowledgedVersion(state, entry.version)} />}
      <div className="space-y-5">{fields.filter((field) => !field.section).map(input)}</div>
      {sections.map((section) => (
        <FormSection key={section} id={sectionId(section)} title={section}>
          {fields.filter((field) => field.section === section).map(input)}
        </FormSection>
      ))}
      {linksBeforeVerification ? linkSections : verification}
      {linksBeforeVerification ? verification : linkSections}
      <div className="flex flex-wrap gap-3 border-t border-slate-200 pt-6">
        <SubmitButton name="intent" value="save">{entry ? 'Enregistrer' : creates}</SubmitButton>
        {hasVerification(def) && (
          <SubmitButton name="intent" value="verify" variant="secondary">
            {entry ? 'Enregistrer et marquer comme vérifié' : 'Créer et marquer comme vérifié'}
          </SubmitButton>
        )}
      </div>
    </form>
  );
}
