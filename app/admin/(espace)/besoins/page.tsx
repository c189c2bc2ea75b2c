import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { EntryList, listHref } from '@/components/admin/entry-list';
import { ListNotice } from '@/components/admin/list-notice';
import { MoveButtons } from '@/components/admin/move-buttons';
import { requireUser } from '@/lib/authz';
import { listAdminEntries } from '@/lib/data/admin/entries';
import { parseListFilter } from '@/lib/data/admin/lists';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Besoins — administration' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminNeedsPage({ searchParams }: Props) {
  await connection();
  await requireUser();
  const query = await searchParams;
  const filter = parseListFilter(query);
  const page = await listAdminEntries(getDb(), 'Need', filter);
  const back = listHref('/admin/besoins', filter, filter.page);
  // Moving only makes sense on the whole, unfiltered list.
  const canMove = !filter.status && !filter.toVerify && !filter.q;
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-brand-900">Besoins</h1>
        <Link href="/admin/besoins/nouveau" className="rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800">
          Nouveau besoin
        </Link>
      </header>
      <ListNotice error={query.erreur} />
      <p>Dans l’ordre du site public. « Monter » et « Descendre » changent cet ordre.</p>
      <EntryList
        basePath="/admin/besoins"
        filter={filter}
        page={page}
        detailLabel="Type"
        emptyLabel="Aucun besoin ne correspond à ces filtres."
        extraHeader={canMove ? 'Ordre' : undefined}
        rowExtra={
          canMove
            ? (row, index) => (
                <MoveButtons
                  id={row.id}
                  version={row.version}
                  title={row.title}
                  back={back}
                  isFirst={filter.page === 1 && index === 0}
                  isLast={index === page.rows.length - 1 && filter.page * 50 >= page.total}
                />
              )
            : undefined
        }
      />
    </div>
  );
}
