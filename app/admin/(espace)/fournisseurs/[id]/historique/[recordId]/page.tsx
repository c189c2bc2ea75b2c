import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { RestoreScreen } from '@/components/admin/entry-screens';
import { requireUser } from '@/lib/authz';
import { isEntryId } from '@/lib/validation/entry';

export const metadata: Metadata = { title: 'Restaurer une version d’une fiche' };

type Props = { params: Promise<{ id: string; recordId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ProviderRestorePage({ params, searchParams }: Props) {
  await connection();
  await requireUser();
  const [{ id, recordId }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id) || !isEntryId(recordId)) notFound();
  return <RestoreScreen entityType="Provider" id={id} recordId={recordId} side={query.version === 'avant' ? 'before' : 'after'} />;
}
