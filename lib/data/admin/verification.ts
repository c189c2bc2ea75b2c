import 'server-only';
// The reads of /admin/verification: the providers a campaign would ask, and what became of the
// requests already sent. Never public: it knows which providers have a private contact.
import type { Db } from '@/lib/data/admin/write';
import { normaliseAddress, suppressedAmong } from '@/lib/mail/suppression';
import { answerOf, listProvidersToVerify, usedLinksOf } from '@/lib/verification/campaign';
import { requestStatus, type RequestStatus } from '@/lib/verification/status';

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

export type VerificationRow = {
  providerId: string;
  name: string;
  verifiedAt: string | null;
  isDue: boolean;
  hasContact: boolean;
  isSuppressed: boolean;
  request: {
    status: RequestStatus;
    sentAt: string;
    reminder1At: string | null;
    reminder2At: string | null;
    answeredAt: string | null;
  } | null;
};

export type VerificationOverview = {
  /** Published providers whose verification is older than 12 months or missing. */
  due: number;
  dueWithContact: number;
  dueSuppressed: number;
  /** Of those due, how many already wait for an answer (a campaign skips them). */
  dueOpen: number;
  /** What « Envoyer les demandes » would send now. */
  sendable: number;
  suppressedAddresses: number;
  rows: VerificationRow[];
};

const iso = (date: Date | null) => date?.toISOString() ?? null;

export async function getVerificationOverview(db: Db, now = new Date()): Promise<VerificationOverview> {
  const due = await listProvidersToVerify(db, now);
  const dueIds = new Set(due.map((provider) => provider.id));
  // The latest request of each provider asked in the last 13 months, plus those due now.
  const requests = await db.verificationRequest.findMany({
    where: { OR: [{ sentAt: { gte: new Date(now.getTime() - 13 * MONTH_MS) } }, { providerId: { in: [...dueIds] } }] },
    orderBy: [{ sentAt: 'desc' }, { id: 'desc' }],
    select: {
      providerId: true,
      sentAt: true,
      reminder1At: true,
      reminder2At: true,
      answeredAt: true,
      outcome: true,
      failedAt: true,
      mailIds: true,
      provider: { select: { name: true, verifiedAt: true, contactEmail: true } },
    },
  });
  const latest = new Map<string, (typeof requests)[number]>();
  for (const request of requests) if (!latest.has(request.providerId)) latest.set(request.providerId, request);
  const failedMail = new Set(
    (
      await db.mailMessage.findMany({
        where: { id: { in: [...latest.values()].flatMap((request) => request.mailIds) }, status: 'FAILED' },
        select: { id: true },
      })
    ).map((row) => row.id),
  );
  // An answer shows at once, before the hourly job records it.
  const usedLinks = await usedLinksOf(db, [...latest.keys()]);
  const providers = new Map<string, { name: string; verifiedAt: Date | null; contactEmail: string }>();
  for (const provider of due) providers.set(provider.id, provider);
  for (const [id, request] of latest) if (!providers.has(id)) providers.set(id, request.provider);
  const suppressed = await suppressedAmong(db, [...providers.values()].map((provider) => provider.contactEmail));

  const rows: VerificationRow[] = [...providers.entries()].map(([providerId, provider]) => {
    const request = latest.get(providerId);
    const answer = request && request.outcome === null && request.failedAt === null ? answerOf(request.sentAt, usedLinks.get(providerId) ?? [], request.provider.verifiedAt) : null;
    return {
      providerId,
      name: provider.name,
      verifiedAt: iso(provider.verifiedAt),
      isDue: dueIds.has(providerId),
      hasContact: provider.contactEmail !== '',
      isSuppressed: provider.contactEmail !== '' && suppressed.has(normaliseAddress(provider.contactEmail)),
      request: request
        ? {
            status: requestStatus({ ...request, ...answer, hasFailedMail: request.mailIds.some((id) => failedMail.has(id)) }),
            sentAt: request.sentAt.toISOString(),
            reminder1At: iso(request.reminder1At),
            reminder2At: iso(request.reminder2At),
            answeredAt: iso(answer?.answeredAt ?? request.answeredAt),
          }
        : null,
    };
  });
  rows.sort((a, b) => a.name.localeCompare(b.name, 'fr-CA'));
  const isOpen = (row: VerificationRow) => row.request !== null && ['sent', 'reminded-once', 'reminded-twice'].includes(row.request.status);
  const dueRows = rows.filter((row) => row.isDue);
  return {
    due: dueRows.length,
    dueWithContact: dueRows.filter((row) => row.hasContact).length,
    dueSuppressed: dueRows.filter((row) => row.isSuppressed).length,
    dueOpen: dueRows.filter(isOpen).length,
    sendable: dueRows.filter((row) => row.hasContact && !row.isSuppressed && !isOpen(row)).length,
    suppressedAddresses: await db.mailSuppression.count(),
    rows,
  };
}
