'use client';

import { useActionState } from 'react';
import { AccessLinkNotice } from '@/components/admin/access-link-notice';
import { FieldErrors, FormField } from '@/components/admin/form-field';
import { FormMessage } from '@/components/admin/form-message';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/components/admin/labels';
import { SubmitButton } from '@/components/admin/submit-button';
import { inviteMemberAction, type AccessLinkState } from '@/lib/actions/members';
import { idleFormState } from '@/lib/validation/form-state';
import { userRoles, type InviteMemberField } from '@/lib/validation/user';

export function InviteMemberForm() {
  const [state, formAction] = useActionState<AccessLinkState<InviteMemberField>, FormData>(inviteMemberAction, idleFormState);
  const selectedRole = state.values?.role ?? 'EDITOR';
  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      {state.link && <AccessLinkNotice link={state.link} expiresAt={state.expiresAt} email={state.recipient} />}
      <form action={formAction} className="space-y-5" noValidate>
        <FormField id="invitation-nom" name="name" label="Nom" autoComplete="off" required defaultValue={state.values?.name ?? ''} errors={state.errors?.name} />
        <FormField
          id="invitation-courriel"
          name="email"
          type="email"
          label="Adresse courriel"
          autoComplete="off"
          spellCheck={false}
          required
          defaultValue={state.values?.email ?? ''}
          errors={state.errors?.email}
        />
        <fieldset className="space-y-2" aria-describedby={state.errors?.role ? 'invitation-role-erreur' : undefined}>
          <legend className="font-medium">Rôle</legend>
          {userRoles.map((role) => (
            <div key={role} className="flex items-start gap-2">
              <input
                type="radio"
                id={`invitation-role-${role}`}
                name="role"
                value={role}
                defaultChecked={selectedRole === role}
                className="mt-1.5 h-4 w-4"
              />
              <label htmlFor={`invitation-role-${role}`}>
                <span className="font-medium">{ROLE_LABELS[role]}</span> : {ROLE_DESCRIPTIONS[role]}
              </label>
            </div>
          ))}
          {state.errors?.role && <FieldErrors id="invitation-role-erreur" errors={state.errors.role} />}
        </fieldset>
        <SubmitButton>Créer le lien d’invitation</SubmitButton>
      </form>
    </div>
  );
}
