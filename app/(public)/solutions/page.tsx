import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AvailabilityBadge } from '@/components/inventory/availability-badge';
import { CostBadge, HelpKindBadges } from '@/components/inventory/inferred-values';
import { listSolutions } from '@/lib/data/solutions';
import type { SolutionSummaryDto } from '@/lib/data/types';
import { INFERRED_EXPLANATION } from '@/lib/labels';
import { pageMetadata } from '@/lib/seo/metadata';
import { providerPath, solutionPath } from '@/lib/seo/urls';

export const metadata: Metadata = pageMetadata({
  title: 'Solutions de A à Z',
  description:
    'Toutes les solutions numériques du répertoire pour les organismes communautaires : celles qui existent déjà, les idées pas encore offertes, et qui les offre.',
  path: '/solutions',
});

export default async function SolutionsPage() {
  await connection();
  const solutions = await listSolutions();
  const existing = solutions.filter((solution) => solution.availability === 'EXISTING');
  const unconfirmed = solutions.filter((solution) => solution.availability === 'UNCONFIRMED');
  const proposed = solutions.filter((solution) => solution.availability === 'PROPOSED');

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Solutions de A à Z</h1>
        <p className="max-w-3xl">
          {existing.length} solution{existing.length > 1 ? 's' : ''} qui existe{existing.length > 1 ? 'nt' : ''} déjà,{' '}
          {unconfirmed.length > 0 && `${unconfirmed.length} dont l’existence est à confirmer, `}
          {proposed.length} idée{proposed.length > 1 ? 's' : ''} du milieu pas encore offerte{proposed.length > 1 ? 's' : ''}. Choisissez une
          solution : vous verrez qui l’offre, comment le joindre et à quels besoins elle répond.
        </p>
        <nav aria-label="Sections de la page">
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            <li>
              <a href="#existantes">Solutions qui existent déjà</a>
            </li>
            {unconfirmed.length > 0 && (
              <li>
                <a href="#a-confirmer">Existence à confirmer</a>
              </li>
            )}
            <li>
              <a href="#proposees">Idées, pas encore offertes</a>
            </li>
          </ul>
        </nav>
      </header>

      <SolutionList id="existantes" title="Solutions qui existent déjà" solutions={existing} empty="Aucune solution qui existe déjà n’est encore publiée." />
      {unconfirmed.length > 0 && (
        <SolutionList id="a-confirmer" title="Solutions dont l’existence est à confirmer" solutions={unconfirmed} empty="" />
      )}
      <SolutionList id="proposees" title="Idées, pas encore offertes" solutions={proposed} empty="Aucune idée du milieu n’est encore publiée." />
      {solutions.some((solution) => solution.inferredFields.length > 0) && (
        <p className="border-t border-slate-200 pt-3 text-sm text-slate-700">{INFERRED_EXPLANATION}</p>
      )}
    </div>
  );
}

function SolutionList({
  id,
  title,
  solutions,
  empty,
}: {
  id: string;
  title: string;
  solutions: SolutionSummaryDto[];
  empty: string;
}) {
  return (
    <section id={id} aria-labelledby={`titre-${id}`} className="scroll-mt-4 space-y-3">
      <h2 id={`titre-${id}`} className="border-b border-slate-200 text-2xl font-semibold">
        {title}
      </h2>
      {solutions.length === 0 ? (
        <p className="text-slate-700">{empty}</p>
      ) : (
        <ul className="space-y-4">
          {solutions.map((solution) => (
            <li key={solution.slug}>
              <div className="flex flex-wrap items-center gap-2">
                <AvailabilityBadge availability={solution.availability} />
                <HelpKindBadges kinds={solution.kinds} inferredFields={solution.inferredFields} />
                <CostBadge cost={solution.cost} inferredFields={solution.inferredFields} />
              </div>
              <h3 className="mt-1 text-lg font-medium">
                <Link href={solutionPath(solution.slug)}><Abbreviated text={solution.title} /></Link>
              </h3>
              {solution.parent && (
                <p className="text-sm text-slate-700">
                  Précision de : <Link href={solutionPath(solution.parent.slug)}><Abbreviated text={solution.parent.title} /></Link>
                </p>
              )}
              {solution.providers.length > 0 && (
                <p className="text-sm">
                  <span className="font-medium">Fournisseurs : </span>
                  {solution.providers.map((provider, index) => (
                    <span key={provider.slug}>
                      {index > 0 && ', '}
                      <Link href={providerPath(provider.slug)}><Abbreviated text={provider.name} /></Link>
                    </span>
                  ))}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
