import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryRestoreScreen, type RecordPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Restaurer une version d’une fiche' };

export default async function ProviderRestorePage({ params, searchParams }: RecordPageProps) {
  await connection();
  await requireUser();
  return <EntryRestoreScreen type="Provider" params={params} searchParams={searchParams} />;
}
