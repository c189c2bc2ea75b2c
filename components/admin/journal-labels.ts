import { auditActionLabel } from '@/components/admin/labels';
import { ENTRY_TYPE_LABELS, verbLabel } from '@/lib/history/fields';
import { isEntryType } from '@/lib/history/snapshot';

/** "need.update" -> "Besoin : Modification"; member actions keep their own wording. */
export function journalActionLabel(action: string, entityType: string): string {
  if (isEntryType(entityType)) {
    const type = ENTRY_TYPE_LABELS[entityType].one;
    return `${type.charAt(0).toUpperCase()}${type.slice(1)} : ${verbLabel(action)}`;
  }
  return auditActionLabel(action);
}

/** Where an audit row leads: the entry's history, the member's page or the suggestion. */
export function journalHref(entityType: string, entityId: string): string | null {
  if (isEntryType(entityType)) return `/admin/${ENTRY_TYPE_LABELS[entityType].path}/${entityId}/historique`;
  if (entityType === 'User') return `/admin/membres/${entityId}`;
  if (entityType === 'Suggestion') return `/admin/suggestions/${entityId}`;
  if (entityType === 'SynonymGroup') return `/admin/recherche/${entityId}`;
  if (entityType === 'VerificationCampaign' || entityType === 'MailSuppression') return '/admin/verification';
  return null;
}
