import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { EntryHeader } from '@/components/admin/entry-header';
import { ProviderForm } from '@/components/admin/provider-form';
import { SavedNotice } from '@/components/admin/saved-notice';
import { requireUser } from '@/lib/authz';
import { getEntryForEdit } from '@/lib/data/admin/entries';
import { getDb } from '@/lib/db';
import { providerRoleLabels } from '@/lib/labels';
import { isEntryId } from '@/lib/validation/entry';

export const metadata: Metadata = { title: 'Modifier un fournisseur' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditProviderPage({ params, searchParams }: Props) {
  await connection();
  await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  if (!isEntryId(id)) notFound();
  const provider = await getEntryForEdit(getDb(), 'Provider', id);
  if (!provider) notFound();
  return (
    <div className="space-y-8">
      <EntryHeader
        listPath="/admin/fournisseurs"
        listLabel="Tous les fournisseurs"
        title={provider.name}
        status={provider.status}
        version={provider.version}
        updatedAt={provider.updatedAt}
        publicPath={`/fournisseurs/${provider.slug}`}
        id={provider.id}
      />
      <SavedNotice state={query.etat} isPublished={provider.status === 'PUBLISHED'} skipped={query.ignores} />
      <ProviderForm key={provider.version} provider={provider} />
      <section aria-labelledby="titre-solutions-liees" className="space-y-2 border-t border-slate-200 pt-6">
        <h2 id="titre-solutions-liees" className="text-xl font-semibold">
          Solutions liées
        </h2>
        <p className="text-sm text-slate-700">Les liens et leur rôle se modifient depuis la fiche de chaque solution.</p>
        {provider.solutions.length === 0 ? (
          <p>Aucune solution liée.</p>
        ) : (
          <ul className="list-disc pl-6">
            {provider.solutions.map((link) => (
              <li key={`${link.id}:${link.role}`}>
                <Link href={`/admin/solutions/${link.id}`}>{link.title}</Link> ({providerRoleLabels[link.role as keyof typeof providerRoleLabels] ?? link.role})
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
