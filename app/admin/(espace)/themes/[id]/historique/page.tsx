import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryHistoryScreen, type EntryPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Historique d’une fiche' };

export default async function ThemeHistoryPage({ params, searchParams }: EntryPageProps) {
  await connection();
  await requireUser();
  return <EntryHistoryScreen type="Theme" params={params} searchParams={searchParams} />;
}
