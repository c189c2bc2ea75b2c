'use server';

// Member management (ADMIN only). Each action: requireRole('ADMIN') -> zod -> one
// transaction in lib/security/accounts.ts (with its audit entry) -> a state for
// useActionState. One-time links travel back in the returned state, shown once to the
// admin, never in a URL or a log.
import { refresh } from 'next/cache';
import { getRequestIp } from '@/lib/auth';
import { requireRole, type CurrentUser } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { getSiteUrl } from '@/lib/env';
import type { AuditActor } from '@/lib/security/audit';
import {
  changeMemberRole,
  inviteMember,
  resetMemberAccess,
  setMemberActive,
  type MemberRefusal,
} from '@/lib/security/accounts';
import { accessLinkPath } from '@/lib/security/tokens';
import { fieldErrors, typedValues, type FormState } from '@/lib/validation/form-state';
import { changeRoleSchema, inviteMemberSchema, memberIdFormSchema, type InviteMemberField } from '@/lib/validation/user';

/** A form state that may carry a one-time link to hand over. */
export type AccessLinkState<Field extends string = string> = FormState<Field> & { link?: string; expiresAt?: string; recipient?: string };

const REFUSALS: Record<MemberRefusal, string> = {
  'email-taken': 'Cette adresse a déjà un compte. Pour redonner accès à ce membre, ouvrez sa fiche et choisissez « Réinitialiser l’accès ».',
  'not-found': 'Ce membre est introuvable. La liste a peut-être changé : rechargez la page.',
  'last-admin':
    'Le répertoire doit garder au moins une personne active avec le rôle Administration. Donnez d’abord ce rôle à quelqu’un d’autre.',
  inactive: 'Ce compte est désactivé. Réactivez-le d’abord, puis réinitialisez son accès.',
  exists: 'Cette adresse a déjà un compte.',
};

async function actorOf(admin: CurrentUser): Promise<AuditActor> {
  return { actorId: admin.id, ip: await getRequestIp() };
}

function linkFor(token: string): string {
  return `${getSiteUrl()}${accessLinkPath(token)}`;
}

export async function inviteMemberAction(
  _previous: AccessLinkState<InviteMemberField>,
  formData: FormData,
): Promise<AccessLinkState<InviteMemberField>> {
  const admin = await requireRole('ADMIN');
  const values = typedValues(formData, ['name', 'email', 'role'] as const);
  const parsed = inviteMemberSchema.safeParse(values);
  if (!parsed.success) {
    return { status: 'error', message: 'L’invitation n’a pas été créée : corrigez les champs indiqués.', errors: fieldErrors(parsed.error), values };
  }
  const result = await inviteMember(getDb(), parsed.data, await actorOf(admin));
  if (!result.ok) {
    return { status: 'error', message: 'L’invitation n’a pas été créée.', errors: { email: [REFUSALS[result.reason]] }, values };
  }
  refresh();
  return {
    status: 'success',
    message: `Invitation créée pour ${parsed.data.name}. Envoyez-lui ce lien vous-même, par courriel : il fonctionne une seule fois, pendant 7 jours.`,
    link: linkFor(result.token),
    expiresAt: result.expiresAt.toISOString(),
    recipient: parsed.data.email,
  };
}

export async function resetMemberAccessAction(_previous: AccessLinkState, formData: FormData): Promise<AccessLinkState> {
  const admin = await requireRole('ADMIN');
  const parsed = memberIdFormSchema.safeParse({ userId: formData.get('userId') });
  if (!parsed.success) return { status: 'error', message: REFUSALS['not-found'] };
  if (parsed.data.userId === admin.id) {
    return {
      status: 'error',
      message:
        'Vous ne pouvez pas réinitialiser votre propre accès ici (votre session prendrait fin avant que vous ayez le lien). ' +
        'Demandez-le à une autre personne qui administre le répertoire.',
    };
  }
  const result = await resetMemberAccess(getDb(), parsed.data.userId, await actorOf(admin));
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason] };
  refresh();
  return {
    status: 'success',
    message:
      'Accès réinitialisé : l’ancien mot de passe ne fonctionne plus et les sessions ouvertes sont fermées. ' +
      'Envoyez ce nouveau lien au membre : il fonctionne une seule fois, pendant 7 jours.',
    link: linkFor(result.token),
    expiresAt: result.expiresAt.toISOString(),
  };
}

export async function changeMemberRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireRole('ADMIN');
  const parsed = changeRoleSchema.safeParse({ userId: formData.get('userId'), role: formData.get('role') });
  if (!parsed.success) return { status: 'error', message: 'Choisissez un rôle.', errors: fieldErrors(parsed.error) };
  const result = await changeMemberRole(getDb(), parsed.data.userId, parsed.data.role, await actorOf(admin));
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason] };
  refresh();
  if (!result.changed) return { status: 'success', message: 'Ce membre avait déjà ce rôle : rien n’a changé.' };
  return { status: 'success', message: 'Rôle modifié. Le membre devra se reconnecter.' };
}

export async function deactivateMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireRole('ADMIN');
  const parsed = memberIdFormSchema.safeParse({ userId: formData.get('userId') });
  if (!parsed.success) return { status: 'error', message: REFUSALS['not-found'] };
  const result = await setMemberActive(getDb(), parsed.data.userId, false, await actorOf(admin));
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason] };
  refresh();
  return { status: 'success', message: 'Membre désactivé : sa prochaine action dans l’administration sera refusée.' };
}

export async function reactivateMemberAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const admin = await requireRole('ADMIN');
  const parsed = memberIdFormSchema.safeParse({ userId: formData.get('userId') });
  if (!parsed.success) return { status: 'error', message: REFUSALS['not-found'] };
  const result = await setMemberActive(getDb(), parsed.data.userId, true, await actorOf(admin));
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason] };
  refresh();
  return {
    status: 'success',
    message: 'Membre réactivé : il peut se connecter avec son mot de passe. S’il n’en avait pas encore choisi un, réinitialisez son accès pour lui envoyer un nouveau lien.',
  };
}
