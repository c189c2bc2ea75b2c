import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { EntryList } from '@/components/admin/entry-list';
import { requireUser } from '@/lib/authz';
import { listAdminEntries } from '@/lib/data/admin/entries';
import { parseListFilter } from '@/lib/data/admin/lists';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Solutions — administration' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminSolutionsPage({ searchParams }: Props) {
  await connection();
  await requireUser();
  const filter = parseListFilter(await searchParams);
  const page = await listAdminEntries(getDb(), 'Solution', filter);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-brand-900">Solutions</h1>
        <Link href="/admin/solutions/nouveau" className="rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800">
          Nouvelle solution
        </Link>
      </header>
      <EntryList basePath="/admin/solutions" filter={filter} page={page} detailLabel="Existe, à confirmer ou proposée" emptyLabel="Aucune solution ne correspond à ces filtres." />
    </div>
  );
}
