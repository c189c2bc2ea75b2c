'use client';

import { useActionState } from 'react';
import { FormField } from '@/components/admin/form-field';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { signIn } from '@/lib/actions/auth';
import { idleFormState, type FormState } from '@/lib/validation/form-state';
import type { SignInField } from '@/lib/validation/user';

/** Works without JavaScript: the action's answer comes back in a fresh page. */
export function SignInForm({ returnPath }: { returnPath: string | null }) {
  const [state, formAction] = useActionState<FormState<SignInField>, FormData>(signIn, idleFormState);
  return (
    <form action={formAction} className="space-y-5" noValidate>
      <FormMessage state={state} id="message-connexion" />
      {returnPath && <input type="hidden" name="retour" value={returnPath} />}
      <FormField
        id="courriel"
        name="email"
        type="email"
        label="Adresse courriel"
        autoComplete="username"
        spellCheck={false}
        required
        defaultValue={state.values?.email ?? ''}
        errors={state.errors?.email}
      />
      <FormField
        id="mot-de-passe"
        name="password"
        type="password"
        label="Mot de passe"
        autoComplete="current-password"
        required
        errors={state.errors?.password}
      />
      <SubmitButton>Se connecter</SubmitButton>
    </form>
  );
}
