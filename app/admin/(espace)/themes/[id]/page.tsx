import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EntryHeader } from '@/components/admin/entry-header';
import { SavedNotice } from '@/components/admin/saved-notice';
import { ThemeForm } from '@/components/admin/theme-form';
import { requireUser } from '@/lib/authz';
import { getEntryForEdit } from '@/lib/data/admin/entries';
import { getDb } from '@/lib/db';
import { isEntryId } from '@/lib/validation/entry';

export const metadata: Metadata = { title: 'Modifier un thème' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditThemePage({ params, searchParams }: Props) {
  await connection();
  await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id)) notFound();
  const theme = await getEntryForEdit(getDb(), 'Theme', id);
  if (!theme) notFound();
  return (
    <div className="space-y-8">
      <EntryHeader listPath="/admin/themes" listLabel="Tous les thèmes" title={theme.name} status={theme.status} version={theme.version} updatedAt={theme.updatedAt} publicPath={null} id={theme.id} />
      <SavedNotice state={query.etat} isPublished={theme.status === 'PUBLISHED'} skipped={query.ignores} />
      <ThemeForm key={theme.version} theme={theme} />
    </div>
  );
}
