import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryRemoveScreen, type EntryPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Archiver ou supprimer une solution' };

export default async function SolutionRemovePage({ params }: EntryPageProps) {
  await connection();
  await requireUser();
  return <EntryRemoveScreen type="Solution" params={params} />;
}
