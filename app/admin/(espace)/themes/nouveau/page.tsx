import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ThemeForm } from '@/components/admin/theme-form';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Nouveau thème' };

export default async function NewThemePage() {
  await connection();
  await requireUser();
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href="/admin/themes">← Tous les thèmes</Link>
        </p>
        <h1 className="text-3xl font-bold text-brand-900">Nouveau thème</h1>
      </header>
      <ThemeForm theme={null} />
    </div>
  );
}
