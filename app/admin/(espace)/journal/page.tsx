import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { journalActionLabel, journalHref } from '@/components/admin/journal-labels';
import { requireRole } from '@/lib/authz';
import { JOURNAL_PAGE_SIZE, listJournal, parseJournalFilter, type JournalFilter } from '@/lib/data/admin/journal';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Journal des changements' };

const TYPE_LABELS: Record<string, string> = {
  Need: 'Besoins',
  Solution: 'Solutions',
  Provider: 'Fournisseurs',
  Theme: 'Thèmes',
  User: 'Membres',
  Suggestion: 'Suggestions',
};

const dateTime = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Toronto' });

function pageHref(filter: JournalFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter.entityType) params.set('type', filter.entityType);
  if (filter.actorId) params.set('membre', filter.actorId);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/admin/journal?${query}` : '/admin/journal';
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function JournalPage({ searchParams }: Props) {
  await connection();
  await requireRole('ADMIN');
  const filter = parseJournalFilter(await searchParams);
  const { total, rows, members } = await listJournal(getDb(), filter);
  const pageCount = Math.max(1, Math.ceil(total / JOURNAL_PAGE_SIZE));
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Journal des changements</h1>
        <p>Chaque modification de fiche et chaque action sur les comptes des membres, de la plus récente à la plus ancienne.</p>
      </header>
      <form method="get" action="/admin/journal" role="search" aria-label="Filtrer le journal" className="flex flex-wrap items-end gap-4 rounded border border-slate-200 bg-slate-50 p-3">
        <div className="space-y-1">
          <label htmlFor="journal-type" className="block text-sm font-medium">
            Type
          </label>
          <select id="journal-type" name="type" defaultValue={filter.entityType ?? ''} className="rounded border border-slate-500 bg-white px-2 py-1">
            <option value="">Tous</option>
            {Object.entries(TYPE_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="journal-membre" className="block text-sm font-medium">
            Membre
          </label>
          <select id="journal-membre" name="membre" defaultValue={filter.actorId ?? ''} className="max-w-full rounded border border-slate-500 bg-white px-2 py-1">
            <option value="">Tous</option>
            {members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-brand-700 bg-white px-3 py-1 font-medium text-brand-900 hover:bg-brand-50">
          Filtrer
        </button>
      </form>
      <p role="status">
        {total} {total > 1 ? 'entrées' : 'entrée'}
        {pageCount > 1 ? ` · page ${filter.page} sur ${pageCount}` : ''}
      </p>
      <ol className="divide-y divide-slate-200 border-y border-slate-200">
        {rows.map((row) => {
          const href = journalHref(row.entityType, row.entityId);
          const label = `${journalActionLabel(row.action, row.entityType)}${row.label ? ` — ${row.label}` : ''}`;
          return (
            <li key={row.id} className="space-y-0.5 py-2">
              <p>{href ? <Link href={href}>{label}</Link> : label}</p>
              {row.recreatable && href && (
                <p>
                  <Link href={`${href}/${row.id}?version=avant`}>
                    Recréer cette fiche<span className="sr-only"> : {row.label ?? 'fiche supprimée'}</span>
                  </Link>
                </p>
              )}
              <p className="text-sm text-slate-700">
                <time dateTime={row.createdAt}>{dateTime.format(new Date(row.createdAt))}</time>, par {row.actorName ?? 'la ligne de commande ou le public'}
                {row.ip ? ` (adresse ${row.ip})` : ''}
              </p>
            </li>
          );
        })}
      </ol>
      {pageCount > 1 && (
        <nav aria-label="Pages du journal" className="flex flex-wrap gap-4">
          {filter.page > 1 && <Link href={pageHref(filter, filter.page - 1)}>← Plus récentes</Link>}
          <span>
            Page {filter.page} sur {pageCount}
          </span>
          {filter.page < pageCount && <Link href={pageHref(filter, filter.page + 1)}>Plus anciennes →</Link>}
        </nav>
      )}
    </div>
  );
}
