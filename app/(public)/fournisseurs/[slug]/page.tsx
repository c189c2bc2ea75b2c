import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { BasketButton } from '@/components/basket/basket-button';
import { AvailabilityBadge } from '@/components/inventory/availability-badge';
import { HelpKindBadges } from '@/components/inventory/inferred-values';
import { ProviderFacts } from '@/components/inventory/provider-facts';
import { ReportErrorLink } from '@/components/inventory/report-error-link';
import { PageNotFound } from '@/components/layout/page-not-found';
import { Badge } from '@/components/ui/badge';
import { VerificationInfo } from '@/components/ui/verification-info';
import { getProviderBySlug } from '@/lib/data/providers';
import { getSiteUrl } from '@/lib/env';
import { thatName } from '@/lib/format';
import { INFERRED_EXPLANATION, needKindLabels, providerKindLabels, rolesSentence } from '@/lib/labels';
import { organizationJsonLd } from '@/lib/seo/json-ld';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';
import { needPath, providerPath, solutionPath } from '@/lib/seo/urls';
import { InventoryQuote } from '@/components/inventory/inventory-quote';
import { plainSummary } from '@/lib/copy/plain-summary';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const provider = await getProviderBySlug(slug);
  if (!provider) return notFoundMetadata;
  return pageMetadata({
    title: provider.name,
    description: provider.description || `Ce ${thatName(provider.name)} offre aux organismes communautaires.`,
    path: providerPath(provider.slug),
  });
}

export default async function ProviderPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const provider = await getProviderBySlug(slug);
  if (!provider) return <PageNotFound />;

  return (
    <article className="space-y-8">
      <JsonLdScript data={organizationJsonLd(provider, getSiteUrl())} />
      <nav aria-label="Fil d’Ariane" className="text-sm">
        <Link href="/fournisseurs">Fournisseurs A–Z</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page"><Abbreviated text={provider.name} /></span>
      </nav>

      <header className="space-y-3">
        <Badge>{providerKindLabels[provider.kind]}</Badge>
        <h1 className="text-3xl font-bold text-brand-900"><Abbreviated text={provider.name} /></h1>
        {provider.alternateName && <p className="text-slate-700">Aussi écrit : <Abbreviated text={provider.alternateName} /></p>}
        {provider.description && <p className="max-w-3xl text-lg"><Abbreviated text={provider.description} /></p>}
        <BasketButton kind="provider" slug={provider.slug} name={provider.name} />
        <VerificationInfo verification={provider} />
        <ReportErrorLink type="fournisseur" slug={provider.slug} />
        <p className="text-sm">
          C’est votre organisme ? <Link href={`${providerPath(provider.slug)}/mise-a-jour`}>Mettez votre fiche à jour</Link>
        </p>
      </header>

      <section aria-labelledby="titre-coordonnees" className="space-y-3">
        <h2 id="titre-coordonnees" className="text-2xl font-semibold">
          Coordonnées et conditions
        </h2>
        <ProviderFacts provider={provider} />
      </section>

      <section aria-labelledby="titre-offre" className="space-y-3">
        <h2 id="titre-offre" className="text-2xl font-semibold">
          Solutions qui nomment <Abbreviated text={provider.name} />, et pour quels besoins
        </h2>
        {provider.solutions.length === 0 ? (
          <p className="text-slate-700">Aucune solution publiée ne nomme encore ce fournisseur.</p>
        ) : (
          <ul className="space-y-3">
            {provider.solutions.map((solution) => (
              <li key={solution.slug} className="rounded-md border border-slate-200 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <AvailabilityBadge availability={solution.availability} />
                  <HelpKindBadges kinds={solution.kinds} inferredFields={solution.inferredFields} />
                  <span className="text-sm text-slate-700">
                    <Abbreviated text={provider.name} /> {rolesSentence(solution.roles, solution.inferredRoles)}.
                  </span>
                </div>
                <h3 className="mt-2 font-semibold">
                  <Link href={solutionPath(solution.slug)}><Abbreviated text={solution.title} /></Link>
                </h3>
                <InventoryQuote text={solution.description} summary={plainSummary(solution)} className="mt-1 text-slate-800" />
                {solution.needs.length > 0 && (
                  <p className="mt-2 text-sm">
                    <span className="font-medium">Répond à : </span>
                    {solution.needs.map((need, index) => (
                      <span key={need.slug}>
                        {index > 0 && ', '}
                        <Link href={needPath(need.slug)}><Abbreviated text={need.title} /></Link>
                        <span className="text-slate-700"> ({needKindLabels[need.kind].toLowerCase()})</span>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {provider.solutions.some((solution) => solution.inferredFields.length > 0 || solution.inferredRoles.length > 0) && (
        <p className="border-t border-slate-200 pt-3 text-sm text-slate-700">{INFERRED_EXPLANATION}</p>
      )}
    </article>
  );
}
