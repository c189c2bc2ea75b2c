import type { Metadata } from 'next';
import { connection } from 'next/server';
import { EntryListScreen, type ListPageProps } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Thèmes — administration' };

export default async function AdminThemesPage({ searchParams }: ListPageProps) {
  await connection();
  await requireUser();
  return <EntryListScreen type="Theme" searchParams={searchParams} />;
}
