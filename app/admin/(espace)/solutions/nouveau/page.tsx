import type { Metadata } from 'next';
import { connection } from 'next/server';
import { NewEntryScreen } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Nouvelle solution' };

export default async function NewSolutionPage() {
  await connection();
  await requireUser();
  return <NewEntryScreen type="Solution" />;
}
