import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ProviderForm } from '@/components/admin/provider-form';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Nouveau fournisseur' };

export default async function NewProviderPage() {
  await connection();
  await requireUser();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href="/admin/fournisseurs">← Tous les fournisseurs</Link>
        </p>
        <h1 className="text-3xl font-bold text-brand-900">Nouveau fournisseur</h1>
        <p>Un nouveau fournisseur est un brouillon tant que vous ne choisissez pas « Publié ». Liez-le ensuite à ses solutions depuis leur fiche.</p>
      </header>
      <ProviderForm provider={null} />
    </div>
  );
}
