import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EntryHeader } from '@/components/admin/entry-header';
import { SavedNotice } from '@/components/admin/saved-notice';
import { SolutionForm } from '@/components/admin/solution-form';
import { requireUser } from '@/lib/authz';
import { getEntryForEdit } from '@/lib/data/admin/entries';
import { getSolutionFormOptions } from '@/lib/data/admin/solutions';
import { getDb } from '@/lib/db';
import { isEntryId } from '@/lib/validation/entry';

export const metadata: Metadata = { title: 'Modifier une solution' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditSolutionPage({ params, searchParams }: Props) {
  await connection();
  await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id)) notFound();
  const db = getDb();
  const [solution, options] = await Promise.all([getEntryForEdit(db, 'Solution', id), getSolutionFormOptions(db)]);
  if (!solution) notFound();
  return (
    <div className="space-y-8">
      <EntryHeader
        listPath="/admin/solutions"
        listLabel="Toutes les solutions"
        title={solution.title}
        status={solution.status}
        version={solution.version}
        updatedAt={solution.updatedAt}
        publicPath={`/solutions/${solution.slug}`}
        id={solution.id}
      />
      <SavedNotice state={query.etat} isPublished={solution.status === 'PUBLISHED'} skipped={query.ignores} />
      <SolutionForm key={solution.version} solution={solution} needs={options.needs} solutions={options.solutions} providers={options.providers} />
    </div>
  );
}
