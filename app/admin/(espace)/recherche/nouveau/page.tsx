import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SynonymGroupForm } from '@/components/search-admin/synonym-group-form';
import { requireUser } from '@/lib/authz';
import { SYNONYM_LIMITS } from '@/lib/synonyms/schema';

export const metadata: Metadata = { title: 'Ajouter un groupe de synonymes' };

type Props = { searchParams: Promise<{ terme?: string | string[] }> };

export default async function NewSynonymGroupPage({ searchParams }: Props) {
  await connection();
  await requireUser();
  const { terme } = await searchParams;
  // Pre-filled from a search that found nothing (« Ajouter un synonyme »).
  const prefill = (Array.isArray(terme) ? terme[0] : terme)?.slice(0, SYNONYM_LIMITS.termLength) ?? '';
  return (
    <div className="space-y-6">
      <p>
        <Link href="/admin/recherche">← Recherche : synonymes</Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">Ajouter un groupe de synonymes</h1>
      {prefill && (
        <p className="max-w-3xl">
          Ajoutez sous « {prefill} » les mots du répertoire qui répondent à cette recherche, puis choisissez le sens.
        </p>
      )}
      <SynonymGroupForm group={null} prefill={prefill} />
    </div>
  );
}
