// French wording of suggestions in the admin queue.
import type { SuggestionKind, SuggestionStatus } from '@/lib/generated/prisma/enums';

export const SUGGESTION_KIND_LABELS: Record<SuggestionKind, string> = {
  NEW_RESOURCE: 'Nouvelle ressource',
  ERROR_REPORT: 'Signalement d’erreur',
};

export const SUGGESTION_STATUS_LABELS: Record<SuggestionStatus, string> = {
  PENDING: 'À traiter',
  ACCEPTED: 'Acceptée',
  REJECTED: 'Refusée',
};

export const ENTRY_STATUS_LABELS: Record<string, string> = {
  DRAFT: 'brouillon',
  PUBLISHED: 'publiée',
  ARCHIVED: 'archivée',
};
