// What /admin/verification says of each provider's latest request. Pure, unit-tested.

export type RequestFacts = {
  sentAt: Date;
  reminder1At: Date | null;
  reminder2At: Date | null;
  answeredAt: Date | null;
  outcome: 'CONFIRMED' | 'UPDATED' | 'VERIFIED_BY_MEMBER' | 'NO_ANSWER' | null;
  failedAt: Date | null;
  /** One of its messages was refused for good, even if the job has not recorded it yet. */
  hasFailedMail: boolean;
};

export type RequestStatus = 'sent' | 'reminded-once' | 'reminded-twice' | 'confirmed' | 'updated' | 'verified-by-member' | 'failed' | 'unanswered';

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  sent: 'Envoyée',
  'reminded-once': 'Relancée une fois',
  'reminded-twice': 'Relancée deux fois',
  confirmed: 'Confirmée par l’organisme',
  updated: 'Mise à jour par l’organisme',
  'verified-by-member': 'Vérifiée par la Table',
  failed: 'Non distribuée (échec de l’envoi)',
  unanswered: 'Sans réponse',
};

export function requestStatus(request: RequestFacts): RequestStatus {
  if (request.outcome === 'CONFIRMED') return 'confirmed';
  if (request.outcome === 'UPDATED') return 'updated';
  if (request.outcome === 'VERIFIED_BY_MEMBER') return 'verified-by-member';
  if (request.outcome === 'NO_ANSWER') return 'unanswered';
  if (request.failedAt || request.hasFailedMail) return 'failed';
  if (request.reminder2At) return 'reminded-twice';
  if (request.reminder1At) return 'reminded-once';
  return 'sent';
}
