import Link from 'next/link';
import { pageWindow } from '@/lib/facets/pagination';

/** Links to the other pages of a list: plain links, so they work without JavaScript. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
  label,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  label: string;
}) {
  if (pageCount <= 1) return null;
  const linkClass = 'inline-block min-w-10 rounded border border-slate-300 px-3 py-1.5 text-center';
  return (
    <nav aria-label={label} className="no-print">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 && (
          <li>
            <Link href={hrefFor(page - 1)} prefetch={false} rel="prev" className={linkClass}>
              Page précédente
            </Link>
          </li>
        )}
        {pageWindow(page, pageCount).map((n, index) =>
          n === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              {n === page ? (
                <span aria-current="page" className={`${linkClass} border-brand-700 bg-brand-700 font-semibold text-white`}>
                  <span className="sr-only">Page </span>
                  {n}
                </span>
              ) : (
                <Link href={hrefFor(n)} prefetch={false} className={linkClass}>
                  <span className="sr-only">Page </span>
                  {n}
                </Link>
              )}
            </li>
          ),
        )}
        {page < pageCount && (
          <li>
            <Link href={hrefFor(page + 1)} prefetch={false} rel="next" className={linkClass}>
              Page suivante
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
