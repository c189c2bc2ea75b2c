import { Abbreviated } from '@/components/ui/abbreviated';
import { formatDate } from '@/lib/format';
import { STALE_AFTER_MONTHS, verificationStatus, type VerificationStatus } from '@/lib/verification';
import type { VerificationDto } from '@/lib/data/types';

/** Who verified a provider, as the line says it (« Vérifiée le … par l’organisme »). */
const VERIFIED_BY: Record<string, string> = { ORGANIZATION: 'par l’organisme', MEMBER: 'par la Table' };

const freshnessNotices: Record<Exclude<VerificationStatus, 'current'>, string> = {
  never: 'Personne n’a encore vérifié cette fiche : ce qu’elle dit a pu changer.',
  stale: `Personne n’a vérifié cette fiche depuis plus de ${STALE_AFTER_MONTHS} mois : ce qu’elle dit a pu changer.`,
  invalid: 'La date de vérification de cette fiche est fausse : ce qu’elle dit a pu changer.',
};

/**
 * "Dernière vérification" line, a notice when the entry was never verified or not for
 * 12 months, and the "À vérifier" note. `compact` (an entry inside a list)
 * keeps only the note: the page the entry links to shows the rest.
 *
 * `now` defaults to the time of the request: pages render per request (`connection()`),
 * only the data under them is cached.
 */
export function VerificationInfo({
  verification,
  compact = false,
  now,
}: {
  /** `verifiedBy` (providers): ORGANIZATION or MEMBER names who verified; NONE or absent names no one. */
  verification: VerificationDto & { verifiedBy?: string };
  compact?: boolean;
  now?: Date;
}) {
  const { verifiedAt, toVerify, verifyNote } = verification;
  const status = verificationStatus(verifiedAt, now ?? new Date());
  const showDate = verifiedAt !== null && status !== 'invalid';
  const verifier = verification.verifiedBy ? VERIFIED_BY[verification.verifiedBy] : undefined;
  return (
    <div className="space-y-2 text-sm">
      {!compact && (
        <>
          {showDate && verifier ? (
            <p className="text-slate-700" data-verified-by={verification.verifiedBy}>
              Vérifiée le <time dateTime={verifiedAt}>{formatDate(verifiedAt)}</time> {verifier}
            </p>
          ) : (
            <p className="text-slate-700">
              Dernière vérification :{' '}
              {showDate ? <time dateTime={verifiedAt}>{formatDate(verifiedAt)}</time> : 'pas encore'}
            </p>
          )}
          {status !== 'current' && (
            <p className="rounded border-l-4 border-amber-500 bg-amber-50 px-3 py-2 text-amber-950" data-freshness={status}>
              <span aria-hidden="true" className="mr-1">
                ⚠
              </span>
              {freshnessNotices[status]}
            </p>
          )}
        </>
      )}
      {toVerify && (
        <p className="rounded border-l-4 border-orange-400 bg-orange-50 px-3 py-1 text-orange-950">
          <span className="font-semibold">À vérifier{verifyNote ? ' : ' : '.'}</span>
          <Abbreviated text={verifyNote} />
        </p>
      )}
    </div>
  );
}
