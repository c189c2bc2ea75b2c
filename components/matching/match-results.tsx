import { Abbreviated } from '@/components/ui/abbreviated';
import Link from 'next/link';
import { AvailabilityBadge } from '@/components/inventory/availability-badge';
import { rolesSentence } from '@/lib/labels';
import type { MatchAnswers, RankedProvider, RankedSolution } from '@/lib/matching/types';

const MAX_SOLUTIONS = 12;
const MAX_PROVIDERS = 10;

/** The answers the reader gave that narrow the results, named as the questions name them. */
function narrowingAnswers(answers: MatchAnswers): string[] {
  return [
    answers.kinds.length > 0 && 'le type d’aide',
    answers.budget && answers.budget !== 'any' && 'le budget',
    answers.region && 'la région',
    answers.format && 'le format',
    answers.audience && 'le public',
  ].filter((name): name is string => typeof name === 'string');
}

function orList(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ou ${names.at(-1)}`;
}

export function MatchResults({
  answers,
  needs,
  solutions,
  providers,
}: {
  answers: MatchAnswers;
  needs: { slug: string; title: string }[];
  solutions: RankedSolution[];
  providers: RankedProvider[];
}) {
  if (solutions.length === 0) {
    const narrowing = narrowingAnswers(answers);
    return (
      <div className="space-y-3 rounded-md border border-slate-300 p-4">
        <p className="font-semibold">Aucune solution du répertoire ne répond à toutes vos réponses.</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            {narrowing.length > 0
              ? `Retirez une de vos réponses (${orList(narrowing)}), puis relancez la recherche.`
              : 'Choisissez d’autres difficultés à la question 1, puis relancez la recherche.'}
          </li>
          <li>
            <Link href="/besoins">Parcourez tous les besoins et leurs solutions</Link>.
          </li>
          <li>
            <Link href="/recherche">Cherchez avec vos propres mots</Link>.
          </li>
        </ul>
      </div>
    );
  }

  const shown = solutions.slice(0, MAX_SOLUTIONS);
  // A caveat that every listed solution shares is said once above the list, not on each card.
  const sharedCaveats = shown.length > 1 ? shown[0]!.caveats.filter((caveat) => shown.every((ranked) => ranked.caveats.includes(caveat))) : [];

  return (
    <div className="space-y-8">
      {needs.length > 0 && (
        <section aria-labelledby="titre-besoins-trouves" className="space-y-2">
          <h3 id="titre-besoins-trouves" className="text-xl font-semibold">
            Les besoins qui vous ressemblent
          </h3>
          <ul className="list-disc space-y-1 pl-6">
            {needs.map((need) => (
              <li key={need.slug}>
                <Link href={`/besoins/${need.slug}`}><Abbreviated text={need.title} /></Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="titre-solutions-trouvees" className="space-y-3">
        <h3 id="titre-solutions-trouvees" className="text-xl font-semibold">
          Les solutions, de la plus adaptée à la moins adaptée
        </h3>
        {sharedCaveats.length > 0 && (
          <div className="text-sm text-orange-950">
            <p className="font-medium">À vérifier pour toutes ces solutions :</p>
            <ul className="list-disc pl-6">
              {sharedCaveats.map((caveat) => (
                <li key={caveat}>{caveat}</li>
              ))}
            </ul>
          </div>
        )}
        <ol className="space-y-3">
          {shown.map(({ solution, reasons, caveats: allCaveats }) => {
            const caveats = allCaveats.filter((caveat) => !sharedCaveats.includes(caveat));
            return (
            <li key={solution.slug} className="rounded-md border border-slate-200 p-4">
              <AvailabilityBadge availability={solution.availability} />
              <h4 className="mt-2 font-semibold">
                <Link href={`/solutions/${solution.slug}`}><Abbreviated text={solution.title} /></Link>
              </h4>
              {solution.providers.length > 0 && (
                <p className="mt-1 text-sm">
                  <span className="font-medium">Fournisseurs : </span>
                  {solution.providers.map((provider, index) => (
                    <span key={`${provider.slug}-${provider.role}`}>
                      {index > 0 && ', '}
                      <Link href={`/fournisseurs/${provider.slug}`}><Abbreviated text={provider.name} /></Link>
                      {(provider.role !== 'OFFERS' || provider.isRoleInferred) && (
                        <span className="text-slate-700"> ({rolesSentence([provider.role], provider.isRoleInferred ? [provider.role] : [])})</span>
                      )}
                    </span>
                  ))}
                </p>
              )}
              {reasons.length > 0 && (
                <div className="mt-2 text-sm">
                  <p className="font-medium">Pourquoi :</p>
                  <ul className="list-disc pl-6">
                    {reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                </div>
              )}
              {caveats.length > 0 && (
                <div className="mt-2 text-sm text-orange-950">
                  <p className="font-medium">À vérifier :</p>
                  <ul className="list-disc pl-6">
                    {caveats.map((caveat) => (
                      <li key={caveat}>{caveat}</li>
                    ))}
                  </ul>
                </div>
              )}
            </li>
            );
          })}
        </ol>
        {solutions.length > MAX_SOLUTIONS && (
          <p className="text-sm text-slate-700">
            {solutions.length - MAX_SOLUTIONS} autres solutions correspondent moins bien. Précisez vos réponses pour les départager.
          </p>
        )}
      </section>

      {providers.length > 0 && (
        <section aria-labelledby="titre-fournisseurs-trouves" className="space-y-3">
          <h3 id="titre-fournisseurs-trouves" className="text-xl font-semibold">
            Les fournisseurs à contacter
          </h3>
          <ol className="space-y-2">
            {providers.slice(0, MAX_PROVIDERS).map((provider) => (
              <li key={provider.slug}>
                <Link href={`/fournisseurs/${provider.slug}`} className="font-medium">
                  <Abbreviated text={provider.name} />
                </Link>
                <span className="text-sm text-slate-700"> — {provider.reasons.join(' ; ')}</span>
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
