import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryListScreen, type ListPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Fournisseurs — administration' };

export default async function AdminProvidersPage({ searchParams }: ListPageProps) {
  await connection();
  await requireUser();
  return <EntryListScreen type="Provider" searchParams={searchParams} />;
}
