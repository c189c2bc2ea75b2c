import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryHistoryScreen, type EntryPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Historique d’une solution' };

export default async function SolutionHistoryPage({ params, searchParams }: EntryPageProps) {
  await connection();
  await requireUser();
  return <EntryHistoryScreen type="Solution" params={params} searchParams={searchParams} />;
}
