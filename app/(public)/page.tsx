import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { listNeedSummaries } from '@/lib/data/needs';
import { getInventoryStats } from '@/lib/data/stats';
import { needKindLabels } from '@/lib/labels';
import { pageMetadata, SITE_DESCRIPTION } from '@/lib/seo/metadata';

export const metadata: Metadata = pageMetadata({ description: SITE_DESCRIPTION, path: '/' });

// The first needs of the inventory; past that, /besoins lists them page by page.
const HOME_NEEDS = 24;

export default async function HomePage() {
  await connection();
  const [stats, needs] = await Promise.all([getInventoryStats(), listNeedSummaries()]);

  const figures = [
    { value: stats.needCount + stats.issueCount, label: 'besoins et enjeux' },
    { value: stats.existingSolutionCount, label: 'solutions qui existent déjà' },
    ...(stats.unconfirmedSolutionCount > 0 ? [{ value: stats.unconfirmedSolutionCount, label: 'solutions dont l’existence est à confirmer' }] : []),
    { value: stats.proposedSolutionCount, label: 'idées pas encore offertes' },
    { value: stats.providerCount, label: 'fournisseurs' },
  ];

  return (
    <div className="space-y-10">
      <section aria-labelledby="titre-accueil" className="space-y-4">
        <h1 id="titre-accueil" className="text-3xl font-bold text-brand-900">
          Trouver de l’aide pour le numérique dans votre organisme
        </h1>
        <p className="max-w-3xl text-lg">
          Ici, vous trouvez les besoins en numérique des organismes communautaires du Québec. Pour chaque besoin, vous
          voyez les solutions qui existent déjà, les idées pas encore offertes, et qui les offre.
        </p>
        <dl className={`grid grid-cols-2 gap-3 ${figures.length > 4 ? 'sm:grid-cols-5' : 'sm:grid-cols-4'}`}>
          {figures.map((figure) => (
            <div key={figure.label} className="rounded-md bg-brand-50 p-3">
              <dt className="text-sm text-slate-800">{figure.label}</dt>
              <dd className="text-2xl font-bold text-brand-900">{figure.value}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="titre-commencer" className="space-y-4">
        <h2 id="titre-commencer" className="text-2xl font-semibold">
          Par où commencer ?
        </h2>
        <div className="grid gap-4 sm:grid-cols-3">
          <div className="rounded-md border border-slate-200 p-4">
            <h3 className="font-semibold">
              <Link href="/trouver">Répondre à six questions</Link>
            </h3>
            <p className="mt-1 text-slate-800">
              Dites ce qui est difficile, votre budget et votre région : le répertoire vous propose des solutions, et
              vous dit pourquoi.
            </p>
          </div>
          <div className="rounded-md border border-slate-200 p-4">
            <h3 className="font-semibold">
              <Link href="/besoins">Parcourir les besoins et leurs solutions</Link>
            </h3>
            <p className="mt-1 text-slate-800">
              Partez de ce qui est difficile pour votre équipe : chaque besoin montre les solutions et qui les offre.
            </p>
          </div>
          <div className="rounded-md border border-slate-200 p-4">
            <h3 className="font-semibold">
              <Link href="/fournisseurs">Voir les fournisseurs de A à Z</Link>
            </h3>
            <p className="mt-1 text-slate-800">
              Vous connaissez déjà un organisme ou un programme ? Voyez ce qu’il offre et pour quels besoins.
            </p>
          </div>
        </div>
      </section>

      <section aria-labelledby="titre-besoins" className="space-y-3">
        <h2 id="titre-besoins" className="text-2xl font-semibold">
          Les besoins nommés par le milieu
        </h2>
        {needs.length === 0 ? (
          <p>Le répertoire ne contient encore aucun besoin publié.</p>
        ) : (
          <ul className="grid gap-2 sm:grid-cols-2">
            {needs.slice(0, HOME_NEEDS).map((need) => (
              <li key={need.slug}>
                <Link href={`/besoins/${need.slug}`}><Abbreviated text={need.title} /></Link>
                <span className="text-sm text-slate-700">
                  {' '}
                  — {needKindLabels[need.kind].toLowerCase()}, {need.existingCount} solution
                  {need.existingCount > 1 ? 's' : ''} qui existe{need.existingCount > 1 ? 'nt' : ''} déjà,{' '}
                  {need.unconfirmedCount > 0 && `${need.unconfirmedCount} dont l’existence est à confirmer, `}
                  {need.proposedCount} idée{need.proposedCount > 1 ? 's' : ''}
                </span>
              </li>
            ))}
          </ul>
        )}
        {needs.length > HOME_NEEDS && (
          <p>
            <Link href="/besoins">Voir les {needs.length} besoins et enjeux, avec leurs solutions</Link>
          </p>
        )}
      </section>
    </div>
  );
}
