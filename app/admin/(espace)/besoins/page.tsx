import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryListScreen, type ListPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Besoins — administration' };

export default async function AdminNeedsPage({ searchParams }: ListPageProps) {
  await connection();
  await requireUser();
  return <EntryListScreen type="Need" searchParams={searchParams} />;
}
