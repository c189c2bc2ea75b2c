import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AccessLinkForm } from '@/components/admin/access-link-form';
import { getAccessLink } from '@/lib/data/users';
import { formatDate } from '@/lib/format';
import { INVALID_LINK_MESSAGE } from '@/lib/validation/user';

// The token is in the address: it must not leave in a Referer header.
export const metadata: Metadata = { title: 'Choisir votre mot de passe', referrer: 'no-referrer' };

export default async function AccessLinkPage({ params }: { params: Promise<{ token: string }> }) {
  await connection();
  const { token } = await params;
  const link = await getAccessLink(token);

  if (!link) {
    return (
      <div className="mx-auto max-w-lg space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">Lien non valide</h1>
        <p>{INVALID_LINK_MESSAGE}</p>
      </div>
    );
  }

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">
        {link.purpose === 'INVITE' ? 'Bienvenue dans l’administration du répertoire' : 'Choisir un nouveau mot de passe'}
      </h1>
      <p>
        Choisissez votre mot de passe pour vous connecter. Ce lien fonctionne une seule fois, jusqu’au {formatDate(link.expiresAt)}.
      </p>
      <AccessLinkForm token={token} name={link.name} email={link.email} />
    </div>
  );
}
