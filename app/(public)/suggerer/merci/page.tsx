import type { Metadata } from 'next';
import Link from 'next/link';
import { SUGGESTION_RETENTION_MONTHS } from '@/lib/data/suggestions';

export const metadata: Metadata = {
  title: 'Merci pour votre suggestion',
  robots: { index: false, follow: false },
};

type Props = { searchParams: Promise<{ signalement?: string | string[] }> };

// Where the form leads after a successful post (also after a filled honeypot: a robot
// cannot tell the difference). Redirecting here means reloading does not send twice.
export default async function ThanksPage({ searchParams }: Props) {
  const { signalement } = await searchParams;
  const isReport = signalement === '1';
  return (
    <article className="max-w-3xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">{isReport ? 'Merci pour votre signalement' : 'Merci pour votre suggestion'}</h1>
        <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900" role="status">
          <strong>C’est envoyé. </strong>
          {isReport ? 'Votre signalement a bien été reçu.' : 'Votre suggestion a bien été reçue.'}
        </p>
      </header>
      <section aria-labelledby="titre-suite" className="space-y-2">
        <h2 id="titre-suite" className="text-2xl font-semibold">
          Ce qui se passe ensuite
        </h2>
        <ol className="list-decimal space-y-1 pl-6">
          <li>Un membre de la Table lit chaque envoi, en général dans les semaines qui suivent.</li>
          <li>
            {isReport
              ? 'S’il confirme le problème, la fiche est marquée « à vérifier » puis corrigée.'
              : 'S’il retient votre suggestion, il prépare une fiche, la complète et la publie dans le répertoire.'}
          </li>
          <li>
            Si vous avez laissé votre adresse courriel, il peut vous écrire pour une précision. L’adresse est effacée dès que la
            décision est prise.
          </li>
        </ol>
        <p className="text-sm text-slate-700">
          Le texte de votre envoi est supprimé {SUGGESTION_RETENTION_MONTHS} mois après la décision.
        </p>
      </section>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <Link href="/suggerer">Faire une autre suggestion</Link>
        </li>
        <li>
          <Link href="/">Revenir à l’accueil</Link>
        </li>
      </ul>
    </article>
  );
}
