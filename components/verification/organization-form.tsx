'use client';

// The organisation's form behind its one-time link: the fields of the members' form that an
// organisation may change (drawn from the provider definition, same widgets and checks),
// without the admin's layout, and « Tout est encore exact » as one button. The solutions the
// organisation offers follow, each with the fields of the members' solution form it may change.
// A plain form posted to a server action: works without JavaScript.
import { useActionState } from 'react';
import { FieldInput, type EntryFormEntry } from '@/components/admin/entry-form';
import { FormSection } from '@/components/admin/entry-fields';
import { ErrorSummary } from '@/components/admin/error-summary';
import { formValues } from '@/components/admin/form-values';
import { SubmitButton } from '@/components/admin/submit-button';
import { submitProviderUpdateAction } from '@/lib/actions/provider-updates';
import { solutionPrefix } from '@/lib/verification/solution-prefix';
import { fieldId, fieldsOf, kebab } from '@/lib/entries/fields';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import type { EntityDef } from '@/lib/entries/types';
import { idleFormState, type EntryFormState } from '@/lib/validation/form-state';

/** A solution the organisation offers, as its part of the form shows it. */
export type OrganizationFormSolution = { id: string; title: string; version: number; values: Record<string, unknown> };

export function OrganizationForm({
  token,
  entry,
  fieldKeys,
  solutions = [],
  solutionFieldKeys = [],
}: {
  token: string;
  entry: EntryFormEntry;
  fieldKeys: readonly string[];
  solutions?: readonly OrganizationFormSolution[];
  solutionFieldKeys?: readonly string[];
}) {
  const def: EntityDef = ENTRY_DEFS.Provider;
  const solutionDef: EntityDef = ENTRY_DEFS.Solution;
  const solutionFields = fieldsOf(solutionDef).filter((field) => solutionFieldKeys.includes(field.key));
  const [state, formAction] = useActionState<EntryFormState, FormData>(submitProviderUpdateAction, idleFormState);
  const values = formValues(state);
  const errors = state.errors ?? {};
  const fields = fieldsOf(def).filter((field) => fieldKeys.includes(field.key));
  const sections = [...new Set(fields.map((field) => field.section).filter((section): section is string => Boolean(section)))];
  const summaryFields = Object.fromEntries([
    ...fields.map((field) => [field.key, [fieldId(def, field.key), field.label] as const]),
    ...solutions.flatMap((solution) =>
      solutionFields.map((field) => [`${solutionPrefix(solution.id)}${field.key}`, [`${solutionPrefix(solution.id)}${fieldId(solutionDef, field.key)}`, `${field.label} (solution « ${solution.title} »)`] as const]),
    ),
  ]);
  const input = (field: (typeof fields)[number]) => <FieldInput key={field.key} def={def} field={field} entry={entry} values={values} errors={errors} refOptions={{}} />;
  return (
    <div className="space-y-8">
      {state.status === 'error' && state.message && <ErrorSummary message={state.message} errors={errors} fields={summaryFields} stateKey={state} />}
      {/* A form of its own: Enter in a field of the other form never confirms by mistake. */}
      <form action={formAction} aria-labelledby="titre-exact" className="space-y-3 rounded border border-brand-700 bg-brand-50 p-4">
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="version" value={entry.version} />
        <h2 id="titre-exact" className="text-xl font-semibold">
          Tout est exact ?
        </h2>
        <p>Si la fiche ci-dessous est encore exacte, un seul clic suffit. Elle sera marquée « Vérifiée par l’organisme » avec la date d’aujourd’hui.</p>
        <SubmitButton name="intent" value="confirm">
          Tout est encore exact
        </SubmitButton>
      </form>
      <form action={formAction} aria-labelledby="titre-changements" className="space-y-8" noValidate>
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="version" value={entry.version} />
        <input type="hidden" name="intent" value="propose" />
        <h2 id="titre-changements" className="text-xl font-semibold">
          Quelque chose a changé ?
        </h2>
        <p>Corrigez ce qui a changé, puis envoyez vos changements. Une personne de la Table les relira avant de les publier.</p>
        <div className="space-y-5">{fields.filter((field) => !field.section).map(input)}</div>
        {sections.map((section) => (
          <FormSection key={section} id={`titre-${kebab(section)}`} title={section}>
            {fields.filter((field) => field.section === section).map(input)}
          </FormSection>
        ))}
        {solutions.length > 0 && (
          <section aria-labelledby="titre-solutions" className="space-y-6 border-t border-slate-200 pt-6">
            <h2 id="titre-solutions" className="text-xl font-semibold">
              Les solutions que vous offrez
            </h2>
            <p>Le répertoire présente ces solutions comme offertes par votre organisme. Corrigez ce qui a changé.</p>
            {solutions.map((solution) => {
              const prefix = solutionPrefix(solution.id);
              const solutionEntry: EntryFormEntry = { ...solution.values, id: solution.id, version: solution.version, status: 'PUBLISHED' };
              return (
                <section key={solution.id} aria-labelledby={`${prefix}titre`} className="space-y-5 rounded border border-slate-300 p-4">
                  <h3 id={`${prefix}titre`} className="text-lg font-semibold">
                    Solution : {solution.title}
                  </h3>
                  <input type="hidden" name={`${prefix}version`} value={solution.version} />
                  {solutionFields.map((field) => (
                    <FieldInput key={field.key} def={solutionDef} field={field} entry={solutionEntry} values={values} errors={errors} refOptions={{}} prefix={prefix} />
                  ))}
                </section>
              );
            })}
          </section>
        )}
        <div className="border-t border-slate-200 pt-6">
          <SubmitButton>Envoyer mes changements</SubmitButton>
        </div>
      </form>
    </div>
  );
}
