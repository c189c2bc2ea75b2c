import Link from 'next/link';
import type { ReactNode } from 'react';
import { STATUS_LABELS } from '@/lib/history/fields';
import { formatDate } from '@/lib/format';
import type { AdminListFilter, AdminListPage, AdminListRow } from '@/lib/data/admin/lists';
import { ADMIN_PAGE_SIZE } from '@/lib/data/admin/lists';

/** The query string of a list with one parameter changed (filters are kept across pages). */
export function listHref(basePath: string, filter: AdminListFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.status) params.set('statut', filter.status);
  if (filter.toVerify) params.set('averifier', '1');
  if (filter.q) params.set('q', filter.q);
  if (filter.contact) params.set('contact', filter.contact === 'with' ? 'avec' : 'sans');
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${basePath}?${query}` : basePath;
}

/** Filters (a GET form: works without JavaScript, can be bookmarked), the table, the pages. */
export function EntryList({
  basePath,
  filter,
  page,
  detailLabel,
  emptyLabel,
  rowExtra,
  extraHeader,
  hasContactColumn = false,
}: {
  basePath: string;
  filter: AdminListFilter;
  page: AdminListPage;
  /** Heading of the second column: "Type", "Existe ou proposée"… */
  detailLabel: string;
  emptyLabel: string;
  /** A last cell per row (e.g. move up/down). */
  rowExtra?: (row: AdminListRow, index: number) => ReactNode;
  extraHeader?: string;
  /** Providers: a filter and a column saying whether a private contact is recorded. */
  hasContactColumn?: boolean;
}) {
  const pageCount = Math.max(1, Math.ceil(page.total / ADMIN_PAGE_SIZE));
  const isFiltered = Boolean(filter.status || filter.toVerify || filter.q || filter.contact);
  return (
    <div className="space-y-4">
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-slate-50 p-3" role="search" aria-label="Filtrer la liste">
        <div className="space-y-1">
          <label htmlFor="filtre-q" className="block text-sm font-medium">
            Texte
          </label>
          <input id="filtre-q" name="q" type="search" defaultValue={filter.q} className="w-56 max-w-full rounded border border-slate-500 bg-white px-2 py-1" />
        </div>
        <div className="space-y-1">
          <label htmlFor="filtre-statut" className="block text-sm font-medium">
            État
          </label>
          <select id="filtre-statut" name="statut" defaultValue={filter.status ?? ''} className="rounded border border-slate-500 bg-white px-2 py-1">
            <option value="">Tous</option>
            <option value="DRAFT">Brouillons</option>
            <option value="PUBLISHED">Publiés</option>
            <option value="ARCHIVED">Archivés</option>
          </select>
        </div>
        {hasContactColumn && (
          <div className="space-y-1">
            <label htmlFor="filtre-contact" className="block text-sm font-medium">
              Contact privé
            </label>
            <select id="filtre-contact" name="contact" defaultValue={filter.contact === 'with' ? 'avec' : filter.contact === 'without' ? 'sans' : ''} className="rounded border border-slate-500 bg-white px-2 py-1">
              <option value="">Tous</option>
              <option value="avec">Avec un contact</option>
              <option value="sans">Sans contact</option>
            </select>
          </div>
        )}
        <div className="flex items-center gap-2 pb-1">
          <input id="filtre-averifier" type="checkbox" name="averifier" value="1" defaultChecked={filter.toVerify} className="h-4 w-4" />
          <label htmlFor="filtre-averifier" className="text-sm font-medium">
            À vérifier seulement
          </label>
        </div>
        <button type="submit" className="rounded border border-brand-700 bg-white px-3 py-1 font-medium text-brand-900 hover:bg-brand-50">
          Filtrer
        </button>
        {isFiltered && (
          <Link href={basePath} className="pb-1 text-sm">
            Retirer les filtres
          </Link>
        )}
      </form>

      <p role="status">
        {page.total} {page.total > 1 ? 'fiches' : 'fiche'}
        {isFiltered ? ' correspondent aux filtres' : ''}
        {pageCount > 1 ? ` · page ${filter.page} sur ${pageCount}` : ''}
      </p>

      {page.rows.length === 0 ? (
        <p>{emptyLabel}</p>
      ) : (
        <div className="overflow-x-auto" role="region" aria-label="Liste des fiches" tabIndex={0}>
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  Titre
                </th>
                <th scope="col" className="py-2 pr-3">
                  {detailLabel}
                </th>
                <th scope="col" className="py-2 pr-3">
                  État
                </th>
                <th scope="col" className="hidden py-2 pr-3 sm:table-cell">
                  Vérifié le
                </th>
                <th scope="col" className="hidden py-2 pr-3 sm:table-cell">
                  À vérifier
                </th>
                {hasContactColumn && (
                  <th scope="col" className="py-2 pr-3">
                    Contact privé
                  </th>
                )}
                <th scope="col" className="hidden py-2 pr-3 sm:table-cell">
                  Modifié le
                </th>
                {extraHeader && (
                  <th scope="col" className="py-2">
                    {extraHeader}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row, index) => (
                <tr key={row.id} id={`fiche-${row.id}`} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`${basePath}/${row.id}`} className="font-medium">
                      {row.title}
                    </Link>
                  </th>
                  <td className="py-2 pr-3">{row.detail}</td>
                  <td className="py-2 pr-3">
                    {STATUS_LABELS[row.status] ?? row.status}
                    {/* On a phone the verification columns are hidden: the flag stays visible here. */}
                    {row.toVerify && <span className="block font-medium sm:hidden">À vérifier</span>}
                  </td>
                  <td className="hidden py-2 pr-3 sm:table-cell">{row.verifiedAt ? formatDate(row.verifiedAt) : 'jamais'}</td>
                  <td className="hidden py-2 pr-3 sm:table-cell">{row.toVerify ? 'Oui' : 'Non'}</td>
                  {hasContactColumn && <td className="py-2 pr-3">{row.hasContact ? 'Oui' : 'Non'}</td>}
                  <td className="hidden py-2 pr-3 sm:table-cell">{formatDate(row.updatedAt)}</td>
                  {rowExtra && <td className="py-2">{rowExtra(row, index)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pageCount > 1 && (
        <nav aria-label="Pages de la liste" className="flex flex-wrap items-center gap-4">
          {filter.page > 1 && <Link href={listHref(basePath, filter, filter.page - 1)}>← Page précédente</Link>}
          <span>
            Page {filter.page} sur {pageCount}
          </span>
          {filter.page < pageCount && <Link href={listHref(basePath, filter, filter.page + 1)}>Page suivante →</Link>}
        </nav>
      )}
    </div>
  );
}
