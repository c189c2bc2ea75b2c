import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { SolutionForm } from '@/components/admin/solution-form';
import { requireUser } from '@/lib/authz';
import { getSolutionFormOptions } from '@/lib/data/admin/solutions';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Nouvelle solution' };

export default async function NewSolutionPage() {
  await connection();
  await requireUser();
  const options = await getSolutionFormOptions(getDb());
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href="/admin/solutions">← Toutes les solutions</Link>
        </p>
        <h1 className="text-3xl font-bold text-brand-900">Nouvelle solution</h1>
        <p>Une nouvelle solution est un brouillon tant que vous ne choisissez pas « Publié ».</p>
      </header>
      <SolutionForm solution={null} needs={options.needs} solutions={options.solutions} providers={options.providers} />
    </div>
  );
}
