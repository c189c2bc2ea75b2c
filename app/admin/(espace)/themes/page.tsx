import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { EntryList } from '@/components/admin/entry-list';
import { requireUser } from '@/lib/authz';
import { listAdminEntries } from '@/lib/data/admin/entries';
import { parseListFilter } from '@/lib/data/admin/lists';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Thèmes — administration' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminThemesPage({ searchParams }: Props) {
  await connection();
  await requireUser();
  const filter = parseListFilter(await searchParams);
  const page = await listAdminEntries(getDb(), 'Theme', filter);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold text-brand-900">Thèmes</h1>
        <Link href="/admin/themes/nouveau" className="rounded bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800">
          Nouveau thème
        </Link>
      </header>
      <EntryList basePath="/admin/themes" filter={filter} page={page} detailLabel="Besoins classés" emptyLabel="Aucun thème ne correspond à ces filtres." />
    </div>
  );
}
