import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryRemoveScreen, type EntryPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Archiver ou supprimer un fournisseur' };

export default async function ProviderRemovePage({ params }: EntryPageProps) {
  await connection();
  await requireUser();
  return <EntryRemoveScreen type="Provider" params={params} />;
}
