import { formatDate } from '@/lib/format';
import type { VerificationDto } from '@/lib/data/types';

/** "Dernière vérification" line plus the round table's "à vérifier / à compléter" note. */
export function VerificationInfo({ verification, compact = false }: { verification: VerificationDto; compact?: boolean }) {
  const { verifiedAt, toVerify, verifyNote } = verification;
  return (
    <div className="space-y-1 text-sm">
      {!compact && (
        <p className="text-slate-700">
          Dernière vérification : {verifiedAt ? formatDate(verifiedAt) : 'pas encore vérifiée par la Table'}
        </p>
      )}
      {toVerify && (
        <p className="rounded border-l-4 border-orange-400 bg-orange-50 px-3 py-1 text-orange-950">
          <span className="font-semibold">À vérifier.</span>
          {verifyNote ? ` ${verifyNote}` : ''}
        </p>
      )}
    </div>
  );
}
