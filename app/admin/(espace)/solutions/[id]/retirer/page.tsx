import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { RemoveScreen } from '@/components/admin/entry-screens';
import { requireUser } from '@/lib/authz';
import { isEntryId } from '@/lib/validation/entry';

export const metadata: Metadata = { title: 'Archiver ou supprimer une solution' };

export default async function SolutionRemovePage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  await requireUser();
  const { id } = await params;
  if (!isEntryId(id)) notFound();
  return <RemoveScreen entityType="Solution" id={id} />;
}
