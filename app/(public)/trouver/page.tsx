import type { Metadata } from 'next';
import { connection } from 'next/server';
import { MatchForm } from '@/components/matching/match-form';
import { MatchResults } from '@/components/matching/match-results';
import { listMatchCandidates } from '@/lib/data/matching';
import { listNeedSummaries } from '@/lib/data/needs';
import { listThemes } from '@/lib/data/themes';
import { pageMetadata } from '@/lib/seo/metadata';
import { rankProviders, rankSolutions } from '@/lib/matching/rank';
import { hasAnyAnswer, parseMatchAnswers, type MatchSearchParams } from '@/lib/validation/match';

export const metadata: Metadata = pageMetadata({
  title: 'Trouver de l’aide en six questions',
  description: 'Répondez à six questions simples pour voir les solutions numériques et les fournisseurs qui vous conviennent.',
  path: '/trouver',
});

type Props = { searchParams: Promise<MatchSearchParams> };

export default async function MatchPage({ searchParams }: Props) {
  await connection();
  const answers = parseMatchAnswers(await searchParams);
  const [themes, candidates, needSummaries] = await Promise.all([listThemes(), listMatchCandidates(), listNeedSummaries()]);
  const isAnswered = hasAnyAnswer(answers);
  const solutions = isAnswered ? rankSolutions(candidates, answers) : [];
  const needs = needSummaries.filter((need) => need.theme && answers.themes.includes(need.theme.slug));

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Trouver de l’aide en six questions</h1>
        <p className="max-w-3xl">
          Dites-nous ce qui est difficile pour votre organisation. Nous vous montrons les solutions du répertoire qui
          conviennent le mieux, et pourquoi. Rien n’est enregistré : vos réponses restent dans l’adresse de la
          page. Vous pouvez la garder ou la partager.
        </p>
      </header>

      {isAnswered && (
        <section id="resultats" aria-labelledby="titre-resultats" tabIndex={-1} className="scroll-mt-4 space-y-4">
          <h2 id="titre-resultats" className="text-2xl font-semibold">
            Ce que le répertoire vous propose
          </h2>
          <MatchResults answers={answers} needs={needs} solutions={solutions} providers={rankProviders(solutions)} />
          <p className="text-sm text-slate-700">Pour partager ces résultats, copiez l’adresse de cette page.</p>
        </section>
      )}

      <MatchForm themes={themes} answers={answers} />
    </div>
  );
}
