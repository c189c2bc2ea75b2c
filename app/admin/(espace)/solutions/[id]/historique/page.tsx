import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { HistoryScreen } from '@/components/admin/entry-screens';
import { requireUser } from '@/lib/authz';
import { parseListFilter } from '@/lib/data/admin/lists';
import { isEntryId } from '@/lib/validation/entry';

export const metadata: Metadata = { title: 'Historique d’une solution' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SolutionHistoryPage({ params, searchParams }: Props) {
  await connection();
  await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id)) notFound();
  return <HistoryScreen entityType="Solution" id={id} page={parseListFilter(query).page} />;
}
