import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireUser } from '@/lib/authz';

export const metadata: Metadata = { title: 'Tableau de bord' };

export default async function AdminDashboardPage() {
  await connection();
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Bonjour {user.name}</h1>
      <p>Bienvenue dans l’espace des membres de la Table.</p>
      <ul className="list-disc space-y-1 pl-6">
        {user.role === 'ADMIN' && (
          <li>
            <Link href="/admin/membres">Membres</Link> : inviter une personne, changer un rôle, réinitialiser ou retirer un accès.
          </li>
        )}
        <li>
          <Link href="/">Voir le site public</Link>
        </li>
      </ul>
    </div>
  );
}
