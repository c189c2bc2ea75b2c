import Link from 'next/link';
import type { ReportType } from '@/lib/validation/suggestion';

/**
 * "Signaler une erreur" on an entry page: opens /suggerer pre-filled with this entry. The
 * entry's name is in the link's accessible name, so that a list of links still says which.
 */
export function ReportErrorLink({ type, slug, name }: { type: ReportType; slug: string; name: string }) {
  const href = `/suggerer?${new URLSearchParams({ type, slug }).toString()}`;
  return (
    <p className="no-print text-sm">
      <Link href={href} prefetch={false} className="inline-flex items-center gap-1">
        <span aria-hidden="true">✎</span>
        Signaler une erreur<span className="sr-only"> dans la fiche « {name} »</span>
      </Link>
    </p>
  );
}
