import type { Metadata } from 'next';
import { connection } from 'next/server';
import { NewEntryScreen } from '@/components/admin/entry-pages';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Nouveau besoin' };

export default async function NewNeedPage() {
  await connection();
  await requireUser();
  return <NewEntryScreen type="Need" />;
}
