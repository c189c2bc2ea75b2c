import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryRestoreScreen, type RecordPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Restaurer une version d’une fiche' };

export default async function ThemeRestorePage({ params, searchParams }: RecordPageProps) {
  await connection();
  await requireUser();
  return <EntryRestoreScreen type="Theme" params={params} searchParams={searchParams} />;
}
