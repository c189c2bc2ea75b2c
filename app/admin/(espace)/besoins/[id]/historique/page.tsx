import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryHistoryScreen, type EntryPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Historique d’un besoin' };

export default async function NeedHistoryPage({ params, searchParams }: EntryPageProps) {
  await connection();
  await requireUser();
  return <EntryHistoryScreen type="Need" params={params} searchParams={searchParams} />;
}
