import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EditEntryScreen, type EntryPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Modifier un besoin' };

export default async function EditNeedPage({ params, searchParams }: EntryPageProps) {
  await connection();
  await requireUser();
  return <EditEntryScreen type="Need" params={params} searchParams={searchParams} />;
}
