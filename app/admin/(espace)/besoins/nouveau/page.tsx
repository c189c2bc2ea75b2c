import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { NeedForm } from '@/components/admin/need-form';
import { requireUser } from '@/lib/authz';
import { getNeedFormOptions } from '@/lib/data/admin/needs';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Nouveau besoin' };

export default async function NewNeedPage() {
  await connection();
  await requireUser();
  const options = await getNeedFormOptions(getDb());
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href="/admin/besoins">← Tous les besoins</Link>
        </p>
        <h1 className="text-3xl font-bold text-brand-900">Nouveau besoin</h1>
        <p>Un nouveau besoin est un brouillon tant que vous ne choisissez pas « Publié ».</p>
      </header>
      <NeedForm need={null} themes={options.themes} solutions={options.solutions} needs={options.needs} />
    </div>
  );
}
