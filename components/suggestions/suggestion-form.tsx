'use client';

// The public form of /suggerer: a plain form posted to a server action, so that it works
// without JavaScript (the page comes back with the errors and what was typed); with
// JavaScript, useActionState does the same without a full reload.
import { useActionState } from 'react';
import { TextAreaField } from '@/components/admin/entry-fields';
import { FieldErrors, FormField } from '@/components/admin/form-field';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { submitSuggestionAction, type SuggestionFormState } from '@/lib/actions/suggestions';
import type { ReportType } from '@/lib/validation/suggestion';

type SuggestionFormProps = {
  /** Set for "Signaler une erreur": the entry, already looked up by the page. */
  report?: { type: ReportType; slug: string } | null;
  /** [value, label] of the regions, in the order of the list. */
  regions: [string, string][];
  /** From lib/validation/suggestion.ts, passed by the page: zod stays out of this page's JavaScript. */
  messageMaxLength: number;
  honeypotField: string;
  /** « Suggérer une fiche » from a search that found nothing (/admin/recherche): the message's start. */
  defaultMessage?: string;
};

const IDLE: SuggestionFormState = { status: 'idle' };

export function SuggestionForm({ report = null, regions, messageMaxLength, honeypotField, defaultMessage = '' }: SuggestionFormProps) {
  const [state, formAction] = useActionState<SuggestionFormState, FormData>(submitSuggestionAction, IDLE);
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const emailErrorId = errors.email?.length ? 'suggestion-courriel-erreur' : undefined;

  return (
    <div className="space-y-6">
      <FormMessage state={state} />
      <form action={formAction} className="space-y-6" noValidate>
        <input type="hidden" name="kind" value={report ? 'ERROR_REPORT' : 'NEW_RESOURCE'} />
        {report && (
          <>
            <input type="hidden" name="type" value={report.type} />
            <input type="hidden" name="slug" value={report.slug} />
          </>
        )}

        {report ? (
          <TextAreaField
            id="suggestion-message"
            name="message"
            label="Qu’est-ce qui est inexact ou manquant ?"
            hint={`Par exemple : une adresse qui a changé, un programme terminé, un service qui manque. ${messageMaxLength.toLocaleString('fr-CA')} caractères au plus.`}
            required
            rows={6}
            className="max-w-2xl"
            defaultValue={values.message ?? ''}
            errors={errors.message}
          />
        ) : (
          <>
            <FormField
              id="suggestion-titre"
              name="title"
              label="Nom de la solution ou du fournisseur"
              hint="L’organisme, le programme ou l’outil que vous suggérez."
              autoComplete="off"
              required
              defaultValue={values.title ?? ''}
              errors={errors.title}
            />
            <TextAreaField
              id="suggestion-message"
              name="message"
              label="Ce qui est offert"
              hint={`Les services, à qui ils s’adressent, leur coût, ce que vous en savez. ${messageMaxLength.toLocaleString('fr-CA')} caractères au plus.`}
              required
              rows={6}
              className="max-w-2xl"
              defaultValue={values.message ?? defaultMessage}
              errors={errors.message}
            />
          </>
        )}

        <FormField
          id="suggestion-site"
          name="website"
          type="url"
          inputMode="url"
          label={report ? 'Lien vers une source (facultatif)' : 'Site Web (facultatif)'}
          hint={report ? 'Une page qui montre la bonne information, par exemple https://organisme.org/services.' : 'Par exemple https://organisme.org.'}
          autoComplete="off"
          spellCheck={false}
          defaultValue={values.website ?? ''}
          errors={errors.website}
        />

        {!report && (
          <div className="space-y-1">
            <label htmlFor="suggestion-region" className="block font-medium">
              Région desservie (facultatif)
            </label>
            <select
              id="suggestion-region"
              name="region"
              defaultValue={values.region ?? ''}
              aria-invalid={errors.region?.length ? true : undefined}
              aria-describedby={errors.region?.length ? 'suggestion-region-erreur' : undefined}
              className="block w-full max-w-md rounded border border-slate-500 bg-white px-3 py-2"
            >
              <option value="">Je ne sais pas, ou plusieurs régions</option>
              {regions.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            {errors.region?.length ? <FieldErrors id="suggestion-region-erreur" errors={errors.region} /> : null}
          </div>
        )}

        <fieldset className="space-y-4 rounded border border-slate-300 p-4">
          <legend className="px-1 font-semibold">Vous joindre (facultatif)</legend>
          <p className="text-sm text-slate-700">
            Laissez votre adresse seulement si vous acceptez qu’un membre de la Table vous écrive au sujet de cette suggestion.
          </p>
          <div className="space-y-1">
            <label htmlFor="suggestion-courriel" className="block font-medium">
              Adresse courriel (facultatif)
            </label>
            <input
              id="suggestion-courriel"
              name="email"
              type="email"
              autoComplete="email"
              spellCheck={false}
              defaultValue={values.email ?? ''}
              aria-invalid={emailErrorId ? true : undefined}
              aria-describedby={emailErrorId}
              className={`block w-full max-w-md rounded border border-slate-500 bg-white px-3 py-2 ${emailErrorId ? 'border-red-700' : ''}`}
            />
            {emailErrorId && <FieldErrors id={emailErrorId} errors={errors.email ?? []} />}
          </div>
          <div className="flex items-start gap-2">
            <input
              id="suggestion-consentement"
              name="emailConsent"
              type="checkbox"
              defaultChecked={values.emailConsent === 'on'}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <label htmlFor="suggestion-consentement">
              J’accepte qu’on me contacte à ce sujet; l’adresse sera effacée dès que la suggestion est traitée.
            </label>
          </div>
        </fieldset>

        {/* Honeypot: invisible and unreachable for people (hidden, out of the tab order, not
            read out); robots that fill every field are told "thank you" and nothing is kept. */}
        <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
          <label htmlFor={`suggestion-${honeypotField}`}>Ne remplissez pas ce champ</label>
          <input id={`suggestion-${honeypotField}`} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>

        <SubmitButton>{report ? 'Envoyer le signalement' : 'Envoyer la suggestion'}</SubmitButton>
      </form>
    </div>
  );
}
