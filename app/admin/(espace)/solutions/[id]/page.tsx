import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EditEntryScreen, type EntryPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Modifier une solution' };

export default async function EditSolutionPage({ params, searchParams }: EntryPageProps) {
  await connection();
  await requireUser();
  return <EditEntryScreen type="Solution" params={params} searchParams={searchParams} />;
}
