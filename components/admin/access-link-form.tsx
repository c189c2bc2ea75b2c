'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/admin/form-field';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { acceptAccessLinkAction } from '@/lib/actions/auth';
import { idleFormState, type FormState } from '@/lib/validation/form-state';
import { PASSWORD_MIN_LENGTH, type AccessLinkField } from '@/lib/validation/user';

/** The member chooses their password (and may correct their name). Passwords are never sent back. */
export function AccessLinkForm({ token, name, email }: { token: string; name: string; email: string }) {
  const [state, formAction] = useActionState<FormState<AccessLinkField>, FormData>(acceptAccessLinkAction, idleFormState);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <FormField id="courriel" type="email" label="Adresse courriel (pour vous connecter)" value={email} readOnly autoComplete="username" />
      <FormField
        id="nom"
        name="name"
        label="Votre nom"
        hint="Tel qu’il apparaîtra aux autres membres."
        autoComplete="name"
        required
        defaultValue={state.values?.name ?? name}
        errors={state.errors?.name}
      />
      <FormField
        id="mot-de-passe"
        name="password"
        type="password"
        label="Mot de passe"
        hint={`Au moins ${PASSWORD_MIN_LENGTH} caractères. Une phrase de quelques mots est facile à retenir et difficile à deviner.`}
        autoComplete="new-password"
        required
        errors={state.errors?.password}
      />
      <FormField
        id="confirmation"
        name="confirmation"
        type="password"
        label="Mot de passe, une deuxième fois"
        autoComplete="new-password"
        required
        errors={state.errors?.confirmation}
      />
      <SubmitButton>Enregistrer mon mot de passe</SubmitButton>
    </form>
  );
}
