import Link from 'next/link';
import { STATUS_LABELS } from '@/lib/history/fields';
import { formatDate } from '@/lib/format';

/** Title, state and the entry's other pages (public page, history, archive or delete). */
export function EntryHeader({
  listPath,
  listLabel,
  title,
  status,
  version,
  updatedAt,
  publicPath,
  id,
}: {
  listPath: string;
  listLabel: string;
  title: string;
  status: string;
  version: number;
  updatedAt: string;
  publicPath: string | null;
  id: string;
}) {
  return (
    <header className="space-y-3">
      <p>
        <Link href={listPath}>← {listLabel}</Link>
      </p>
      <h1 className="text-3xl font-bold break-words text-brand-900">{title}</h1>
      <p className="text-slate-800">
        {STATUS_LABELS[status] ?? status} · version {version} · modifiée le {formatDate(updatedAt)}
      </p>
      <ul className="flex flex-wrap gap-x-5 gap-y-1">
        {publicPath && status === 'PUBLISHED' && (
          <li>
            <Link href={publicPath}>Voir sur le site public</Link>
          </li>
        )}
        <li>
          <Link href={`${listPath}/${id}/historique`}>Historique des versions</Link>
        </li>
        <li>
          <Link href={`${listPath}/${id}/retirer`}>{status === 'ARCHIVED' ? 'Supprimer' : 'Archiver ou supprimer'}</Link>
        </li>
      </ul>
    </header>
  );
}
