import Link from 'next/link';
import type { ReportType } from '@/lib/validation/suggestion';

/**
 * "Signaler une erreur" on an entry page: opens /suggerer pre-filled with this entry. Its
 * accessible name says « dans cette fiche »: an entry page has one such link, and the
 * entry's title is already the page's heading (repeating it weighed on every page's reading).
 */
export function ReportErrorLink({ type, slug }: { type: ReportType; slug: string }) {
  const href = `/suggerer?${new URLSearchParams({ type, slug }).toString()}`;
  return (
    <p className="no-print text-sm">
      <Link href={href} prefetch={false} className="inline-flex items-center gap-1">
        <span aria-hidden="true">✎</span>
        Signaler une erreur<span className="sr-only"> dans cette fiche</span>
      </Link>
    </p>
  );
}
