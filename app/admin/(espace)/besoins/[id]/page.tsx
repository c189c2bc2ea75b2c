import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EntryHeader } from '@/components/admin/entry-header';
import { NeedForm } from '@/components/admin/need-form';
import { SavedNotice } from '@/components/admin/saved-notice';
import { requireUser } from '@/lib/authz';
import { getEntryForEdit } from '@/lib/data/admin/entries';
import { getNeedFormOptions } from '@/lib/data/admin/needs';
import { getDb } from '@/lib/db';
import { isEntryId } from '@/lib/validation/entry';

export const metadata: Metadata = { title: 'Modifier un besoin' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditNeedPage({ params, searchParams }: Props) {
  await connection();
  await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id)) notFound();
  const db = getDb();
  const [need, options] = await Promise.all([getEntryForEdit(db, 'Need', id), getNeedFormOptions(db)]);
  if (!need) notFound();
  return (
    <div className="space-y-8">
      <EntryHeader
        listPath="/admin/besoins"
        listLabel="Tous les besoins"
        title={need.title}
        status={need.status}
        version={need.version}
        updatedAt={need.updatedAt}
        publicPath={`/besoins/${need.slug}`}
        id={need.id}
      />
      <SavedNotice state={query.etat} isPublished={need.status === 'PUBLISHED'} skipped={query.ignores} />
      {/* A new key per version: after a save, the form starts again from the saved entry. */}
      <NeedForm key={need.version} need={need} themes={options.themes} solutions={options.solutions} needs={options.needs} />
    </div>
  );
}
