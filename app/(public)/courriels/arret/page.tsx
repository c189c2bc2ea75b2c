import type { Metadata } from 'next';
import Link from 'next/link';
import { getAuthEnv } from '@/lib/env';
import { stopMailAction } from '@/lib/actions/verification';
import { verifyStopLink } from '@/lib/mail/suppression';

export const metadata: Metadata = {
  title: 'Ne plus recevoir nos courriels',
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

// The stop link of every campaign message. Opening the page changes nothing (mail scanners open
// links); the button does. Works without JavaScript: a plain form bound to a server action.
export default async function StopMailPage({ searchParams }: Props) {
  const params = await searchParams;
  if (first(params.fait) === '1') {
    return (
      <article className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">C’est noté</h1>
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Cette adresse ne recevra plus de demandes de vérification ni de rappels du Répertoire numérique communautaire.
        </p>
        <p>
          Votre fiche reste dans le répertoire. Pour la mettre à jour plus tard, utilisez « C’est votre organisme ? » sur sa page.
        </p>
        <p>
          <Link href="/">Retour à l’accueil</Link>
        </p>
      </article>
    );
  }
  const address = verifyStopLink(first(params.adresse), first(params.cle), getAuthEnv().secret);
  if (!address || first(params.erreur) === '1') {
    return (
      <article className="max-w-3xl space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">Ce lien ne fonctionne pas</h1>
        <p>
          Le lien est incomplet ou a été modifié. Copiez le lien entier du courriel reçu, ou répondez à ce courriel en écrivant
          « Arrêt » : la Table arrêtera les envois.
        </p>
        <p>
          <Link href="/confidentialite">Ce que le répertoire garde sur vous</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="max-w-3xl space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">Ne plus recevoir nos courriels</h1>
      <p>
        L’adresse <strong>{address}</strong> ne recevra plus de demandes de vérification de fiche ni de rappels de la Table.
      </p>
      <form action={stopMailAction}>
        <input type="hidden" name="adresse" value={address} />
        <input type="hidden" name="cle" value={first(params.cle) ?? ''} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Arrêter les envois
        </button>
      </form>
      <p className="text-sm text-slate-700">
        La Table garde l’adresse dans sa liste d’arrêt pour ne plus vous écrire. <Link href="/confidentialite">Confidentialité</Link>
      </p>
    </article>
  );
}
