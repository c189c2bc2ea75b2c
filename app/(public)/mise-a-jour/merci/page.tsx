import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Merci', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ etat?: string | string[] }> };

export default async function OrganizationThanksPage({ searchParams }: Props) {
  const { etat } = await searchParams;
  const isConfirmed = etat === 'confirme';
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">Merci !</h1>
      <p role="status">
        {isConfirmed
          ? 'Votre fiche est marquée comme vérifiée par l’organisme, avec la date d’aujourd’hui.'
          : 'Vos changements sont envoyés. Une personne de la Table les relira avant de les publier. Votre fiche reste telle quelle d’ici là.'}
      </p>
      <p>
        <Link href="/fournisseurs">Voir la liste des fournisseurs</Link>
      </p>
    </article>
  );
}
