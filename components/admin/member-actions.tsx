'use client';

import { useActionState } from 'react';
import { AccessLinkNotice } from '@/components/admin/access-link-notice';
import { FormMessage } from '@/components/admin/form-message';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from '@/components/admin/labels';
import { SubmitButton } from '@/components/admin/submit-button';
import {
  changeMemberRoleAction,
  deactivateMemberAction,
  reactivateMemberAction,
  resetMemberAccessAction,
  type AccessLinkState,
} from '@/lib/actions/members';
import { idleFormState, type FormState } from '@/lib/validation/form-state';
import { userRoles, type UserRoleValue } from '@/lib/validation/user';

type MemberActionsProps = {
  member: { id: string; name: string; email: string; role: UserRoleValue; isActive: boolean };
  isSelf: boolean;
};

/** The admin's actions on one member, each a small form that works without JavaScript. */
export function MemberActions({ member, isSelf }: MemberActionsProps) {
  const [roleState, roleAction] = useActionState<FormState, FormData>(changeMemberRoleAction, idleFormState);
  const [activeState, activeAction] = useActionState<FormState, FormData>(
    member.isActive ? deactivateMemberAction : reactivateMemberAction,
    idleFormState,
  );
  const [resetState, resetAction] = useActionState<AccessLinkState, FormData>(resetMemberAccessAction, idleFormState);

  return (
    <div className="space-y-10">
      <section aria-labelledby="titre-role" className="space-y-3">
        <h2 id="titre-role" className="text-xl font-semibold">
          Rôle
        </h2>
        <FormMessage state={roleState} />
        <form action={roleAction} className="space-y-3">
          <input type="hidden" name="userId" value={member.id} />
          <fieldset className="space-y-2">
            <legend className="sr-only">Rôle de {member.name}</legend>
            {userRoles.map((role) => (
              <div key={role} className="flex items-start gap-2">
                <input type="radio" id={`role-${role}`} name="role" value={role} defaultChecked={member.role === role} className="mt-1.5 h-4 w-4" />
                <label htmlFor={`role-${role}`}>
                  <span className="font-medium">{ROLE_LABELS[role]}</span> : {ROLE_DESCRIPTIONS[role]}
                </label>
              </div>
            ))}
          </fieldset>
          <SubmitButton variant="secondary">Changer le rôle</SubmitButton>
        </form>
      </section>

      <section aria-labelledby="titre-acces" className="space-y-3">
        <h2 id="titre-acces" className="text-xl font-semibold">
          Réinitialiser l’accès
        </h2>
        <p>
          Pour un mot de passe oublié ou un appareil perdu : l’ancien mot de passe cesse de fonctionner, les sessions ouvertes sont
          fermées, et vous obtenez un nouveau lien à transmettre au membre.
        </p>
        <FormMessage state={resetState} />
        {resetState.link && <AccessLinkNotice link={resetState.link} expiresAt={resetState.expiresAt} email={member.email} />}
        {isSelf ? (
          <p className="text-slate-700">Une autre personne qui administre le répertoire peut réinitialiser votre accès.</p>
        ) : (
          <form action={resetAction}>
            <input type="hidden" name="userId" value={member.id} />
            <SubmitButton variant="secondary">Réinitialiser l’accès de {member.name}</SubmitButton>
          </form>
        )}
      </section>

      <section aria-labelledby="titre-activation" className="space-y-3">
        <h2 id="titre-activation" className="text-xl font-semibold">
          {member.isActive ? 'Désactiver' : 'Réactiver'}
        </h2>
        <p>
          {member.isActive
            ? 'Le membre ne pourra plus se connecter; s’il est connecté, sa prochaine action sera refusée. Ses modifications passées restent dans l’historique.'
            : 'Le membre pourra de nouveau se connecter avec son mot de passe.'}
        </p>
        <FormMessage state={activeState} />
        <form action={activeAction}>
          <input type="hidden" name="userId" value={member.id} />
          <SubmitButton variant={member.isActive ? 'danger' : 'secondary'}>
            {member.isActive ? `Désactiver ${member.name}` : `Réactiver ${member.name}`}
          </SubmitButton>
        </form>
      </section>
    </div>
  );
}
