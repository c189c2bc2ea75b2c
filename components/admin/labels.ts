// French wording of what the admin area shows about members and the audit log.
import type { UserRoleValue } from '@/lib/validation/user';

export const ROLE_LABELS: Record<UserRoleValue, string> = {
  ADMIN: 'Administration',
  EDITOR: 'Édition',
};

export const ROLE_DESCRIPTIONS: Record<UserRoleValue, string> = {
  ADMIN: 'modifie les fiches et gère les membres',
  EDITOR: 'modifie les fiches',
};

const AUDIT_ACTION_LABELS: Record<string, string> = {
  'member.create': 'Compte créé en ligne de commande',
  'member.invite': 'Membre invité',
  'member.access-reset': 'Accès réinitialisé',
  'member.password-set': 'Mot de passe choisi',
  'member.role-change': 'Rôle modifié',
  'member.deactivate': 'Membre désactivé',
  'member.reactivate': 'Membre réactivé',
  'suggestion.accept': 'Suggestion acceptée',
  'suggestion.reject': 'Suggestion refusée',
  'suggestion.note': 'Note sur une suggestion',
  'synonym-group.create': 'Groupe de synonymes ajouté',
  'synonym-group.update': 'Groupe de synonymes modifié',
  'synonym-group.delete': 'Groupe de synonymes supprimé',
  'verification.campaign': 'Demandes de vérification envoyées',
  'verification.stop': 'Demande d’arrêt des courriels enregistrée',
};

/** Unknown actions (added later) are shown as their code rather than hidden. */
export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}
