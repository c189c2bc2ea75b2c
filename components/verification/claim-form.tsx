'use client';

// « C'est votre organisme ? »: a plain form posted to a server action, so that it works without
// JavaScript (the page comes back with the errors and what was typed).
import { useActionState } from 'react';
import { TextAreaField } from '@/components/admin/entry-fields';
import { FormField } from '@/components/admin/form-field';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { requestProviderUpdateAction, type ClaimFormState } from '@/lib/actions/provider-claims';

const IDLE: ClaimFormState = { status: 'idle' };

export function ClaimForm({ slug, messageMaxLength, honeypotField }: { slug: string; messageMaxLength: number; honeypotField: string }) {
  const [state, formAction] = useActionState<ClaimFormState, FormData>(requestProviderUpdateAction, IDLE);
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  return (
    <div className="space-y-6">
      <FormMessage state={state} />
      <form action={formAction} className="space-y-6" noValidate>
        <input type="hidden" name="slug" value={slug} />
        <FormField
          id="reclamer-courriel"
          name="email"
          type="email"
          label="Votre adresse courriel"
          hint="Celle de l’organisme ou de votre poste, par exemple direction@organisme.org."
          autoComplete="email"
          spellCheck={false}
          required
          defaultValue={values.email ?? ''}
          errors={errors.email}
        />
        <TextAreaField
          id="reclamer-message"
          name="message"
          label="Qui êtes-vous dans l’organisme ? (facultatif)"
          hint={`Votre nom et votre poste aident la Table à vérifier votre demande. ${messageMaxLength.toLocaleString('fr-CA')} caractères au plus.`}
          rows={3}
          className="max-w-2xl"
          defaultValue={values.message ?? ''}
          errors={errors.message}
        />
        {/* Honeypot: hidden from people and screen readers; robots that fill it get the usual answer. */}
        <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
          <label htmlFor={`reclamer-${honeypotField}`}>Ne remplissez pas ce champ</label>
          <input id={`reclamer-${honeypotField}`} name={honeypotField} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
        </div>
        <SubmitButton>Recevoir le lien de mise à jour</SubmitButton>
      </form>
    </div>
  );
}
