import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { BarChart } from '@/components/charts/bar-chart';
import { CoverageTable } from '@/components/portrait/coverage-table';
import { EmptySearchThemesSection } from '@/components/portrait/empty-search-themes';
import { Gaps } from '@/components/portrait/gaps';
import { KeyFigures } from '@/components/portrait/key-figures';
import { PrintMarks } from '@/components/portrait/print-marks';
import { ProviderVerificationFigures } from '@/components/portrait/provider-verification';
import { getPortrait, getProviderVerificationShares } from '@/lib/data/portrait';
import { getSiteUrl } from '@/lib/env';
import { DATASET_SOURCE } from '@/lib/export/json';
import { formatDate } from '@/lib/format';
import { pageMetadata } from '@/lib/seo/metadata';
import { absoluteUrl } from '@/lib/seo/urls';
import { STALE_AFTER_MONTHS } from '@/lib/verification';
import './print.css';

export const metadata: Metadata = pageMetadata({
  title: 'Portrait pour les bailleurs de fonds',
  description:
    'Ce qui existe, ce qui est seulement proposé et ce qui manque pour les besoins numériques des organismes communautaires : chiffres clés, couverture par besoin, manques et répartitions.',
  path: '/portrait',
});

export default async function PortraitPage() {
  await connection();
  const now = new Date();
  const [portrait, providerShares] = await Promise.all([getPortrait(now), getProviderVerificationShares(now)]);
  const { figures, breakdowns } = portrait;
  const today = formatDate(portrait.computedAt);
  const portraitUrl = absoluteUrl(getSiteUrl(), '/portrait');

  return (
    <article className="portrait-report space-y-12">
      <PrintMarks
        dateText={`Portrait du Répertoire numérique communautaire, données au ${today}`}
        sourceText={`Source : ${portraitUrl}`}
      />

      <section aria-labelledby="titre-portrait" className="space-y-4">
        <header className="space-y-3">
          <h1 id="titre-portrait" className="text-3xl font-bold text-brand-900">
            Portrait du répertoire pour les bailleurs de fonds
          </h1>
          <p className="max-w-3xl text-lg">
            Les besoins numériques des organismes communautaires du Québec : ce qui existe déjà, ce qui n’est encore
            qu’une idée et ce qui manque. Les chiffres viennent des fiches publiées du répertoire.
          </p>
          <p className="text-slate-800">
            Données au <time dateTime={portrait.computedAt}>{today}</time>
            {portrait.lastModified && (
              <>
                {' '}
                · dernière modification d’une fiche le <time dateTime={portrait.lastModified}>{formatDate(portrait.lastModified)}</time>
              </>
            )}
            .
          </p>
          <p className="no-print text-sm text-slate-700">
            Pour l’imprimer ou en faire un <abbr title="document prêt à imprimer">PDF</abbr> : faites Ctrl+P (⌘+P sur Mac), puis
            choisissez « Enregistrer au format PDF ». Vous pouvez aussi télécharger les chiffres : <Link href="/donnees">données ouvertes</Link>.
          </p>
        </header>

        <h2 className="text-2xl font-semibold">Chiffres clés</h2>
        <KeyFigures figures={figures} />
      </section>

      <section aria-labelledby="titre-verification-fournisseurs" className="space-y-3">
        <h2 id="titre-verification-fournisseurs" className="text-2xl font-semibold">
          Vérification des fournisseurs
        </h2>
        <p className="max-w-3xl">
          Chaque année, la Table demande aux fournisseurs de confirmer leur fiche ou de la mettre à jour. Voici où elle en
          est.
        </p>
        <ProviderVerificationFigures shares={providerShares} />
      </section>

      <section aria-labelledby="titre-couverture" className="space-y-3">
        <h2 id="titre-couverture" className="text-2xl font-semibold">
          Couverture de chaque besoin
        </h2>
        <CoverageTable rows={portrait.coverage} />
      </section>

      <section aria-labelledby="titre-manques" className="space-y-4">
        <h2 id="titre-manques" className="text-2xl font-semibold">
          Les manques
        </h2>
        <Gaps gaps={portrait.gaps} />
      </section>

      <EmptySearchThemesSection now={now} />

      <section aria-labelledby="titre-repartitions" className="print-new-page space-y-8">
        <h2 id="titre-repartitions" className="text-2xl font-semibold">
          Répartitions
        </h2>
        <BarChart {...breakdowns.helpKinds} labelHeader="Type d’aide" />
        <BarChart {...breakdowns.costs} labelHeader="Coût" />
        <BarChart {...breakdowns.regions} labelHeader="Région" />
        <BarChart {...breakdowns.audiences} labelHeader="Public visé" />
      </section>

      <section aria-labelledby="titre-methode" className="space-y-2 text-sm text-slate-800">
        <h2 id="titre-methode" className="text-2xl font-semibold text-slate-900">
          Source et méthode
        </h2>
        <p>
          <span className="font-medium">Source : </span>
          {DATASET_SOURCE} Répertoire numérique communautaire, <a href={portraitUrl}>{portraitUrl}</a>.
        </p>
        <ul className="list-disc space-y-1 pl-6">
          <li>Seules les fiches publiées comptent. Une solution qui en détaille une autre (une précision) compte comme une solution.</li>
          <li>
            Une solution « existe déjà » si on peut y avoir recours aujourd’hui. C’est une « idée, pas encore offerte » si le
            milieu l’a nommée, mais que personne ne l’offre encore. Son « existence est à confirmer » si l’inventaire dit
            seulement qu’elle existe peut-être. Elle ne compte alors ni dans les unes ni dans les autres.
          </li>
          <li>
            L’équipe du site a déduit les types d’aide, certains coûts et certains rôles des fournisseurs. L’inventaire ne
            les dit pas. Les fiches les marquent « déduit par l’équipe ».
          </li>
          <li>
            Une fiche est « vérifiée depuis 12 mois » si une personne l’a confirmée dans les {STALE_AFTER_MONTHS} derniers
            mois. Elle est « signalée à vérifier » s’il y manque quelque chose (coordonnées, précisions).
          </li>
          <li>Régions et publics : ce que les fournisseurs déclarent ; « Non précisé » quand la fiche ne le dit pas.</li>
        </ul>
        <p>
          Les mêmes données, en tableur ou par programme : <Link href="/donnees">données ouvertes</Link>.
        </p>
      </section>
    </article>
  );
}
