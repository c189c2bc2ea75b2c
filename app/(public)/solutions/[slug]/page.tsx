import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { BasketButton } from '@/components/basket/basket-button';
import { AvailabilityBadge } from '@/components/inventory/availability-badge';
import { HelpKindBadges, SourceMarksNote } from '@/components/inventory/inferred-values';
import { hasKnownFacts, ProviderFacts } from '@/components/inventory/provider-facts';
import { ReportErrorLink } from '@/components/inventory/report-error-link';
import { PageNotFound } from '@/components/layout/page-not-found';
import { Badge } from '@/components/ui/badge';
import { VerificationInfo } from '@/components/ui/verification-info';
import { getSolutionBySlug } from '@/lib/data/solutions';
import type { SolutionDetailDto, SolutionProviderDto } from '@/lib/data/types';
import { getSiteUrl } from '@/lib/env';
import { AVAILABILITY_WORDING, MISSING_INFORMATION } from '@/lib/copy/vocabulary';
import { formatDate } from '@/lib/format';
import { costLabels, helpKindLabels, needKindLabels, providerKindLabels, rolesSentence, withInferredMark } from '@/lib/labels';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import { serviceJsonLd } from '@/lib/seo/json-ld';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';
import { needPath, providerPath, solutionPath } from '@/lib/seo/urls';
import { verificationStatus, type VerificationStatus } from '@/lib/verification';
import { InventoryQuote } from '@/components/inventory/inventory-quote';
import { plainSummary, SUMMARY_LABEL } from '@/lib/copy/plain-summary';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const solution = await getSolutionBySlug(slug);
  if (!solution) return notFoundMetadata;
  return pageMetadata({ title: solution.title, description: solution.description, path: solutionPath(solution.slug) });
}


export default async function SolutionPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const solution = await getSolutionBySlug(slug);
  if (!solution) return <PageNotFound />;
  const now = new Date();
  const summary = plainSummary(solution);

  return (
    <article className="space-y-8">
      <JsonLdScript data={serviceJsonLd(solution, getSiteUrl())} />
      <nav aria-label="Fil d’Ariane" className="text-sm">
        <Link href="/solutions">Solutions</Link> <span aria-hidden="true">›</span>{' '}
        {solution.parent && (
          <>
            <Link href={solutionPath(solution.parent.slug)}><Abbreviated text={solution.parent.title} /></Link>{' '}
            <span aria-hidden="true">›</span>{' '}
          </>
        )}
        <span aria-current="page"><Abbreviated text={solution.title} /></span>
      </nav>

      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-2">
          <AvailabilityBadge availability={solution.availability} />
          <HelpKindBadges kinds={solution.kinds} inferredFields={solution.inferredFields} />
        </div>
        <h1 className="text-3xl font-bold text-brand-900"><Abbreviated text={solution.title} /></h1>
        <BasketButton kind="solution" slug={solution.slug} name={solution.title} />
        {solution.parent && (
          <p>
            Précision de la solution : <Link href={solutionPath(solution.parent.slug)}><Abbreviated text={solution.parent.title} /></Link>
          </p>
        )}
        {summary && (
          <p>
            <span className="font-medium">{SUMMARY_LABEL}</span> {summary}
          </p>
        )}
        {/* The inventory's words, marked as such (docs/vocabulaire.md); the attribution stays outside the quotation. */}
        <figure className="border-l-4 border-brand-100 pl-4">
          <blockquote data-source="inventaire" className="text-lg text-slate-800">
            <p><Abbreviated text={solution.description} /></p>
          </blockquote>
          <figcaption className="mt-1 text-sm text-slate-700">Les mots de l’inventaire de la Table (avril 2023)</figcaption>
        </figure>
        <VerificationInfo verification={solution} now={now} />
        <ReportErrorLink type="solution" slug={solution.slug} />
      </header>

      <section aria-labelledby="titre-en-bref" className="space-y-3">
        <h2 id="titre-en-bref" className="text-2xl font-semibold">
          En bref
        </h2>
        <SolutionFacts solution={solution} />
      </section>

      <section aria-labelledby="titre-fournisseurs" className="space-y-3">
        <h2 id="titre-fournisseurs" className="text-2xl font-semibold">
          Fournisseurs
        </h2>
        {solution.providers.length === 0 ? (
          <p className="text-slate-700">
            {solution.availability === 'PROPOSED'
              ? "Personne n’offre encore cette solution : c’est une idée du milieu."
              : "L’inventaire ne nomme aucun fournisseur pour cette solution."}
          </p>
        ) : (
          <ul className="space-y-4">
            {solution.providers.map((provider) => (
              <ProviderCard key={provider.slug} provider={provider} now={now} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="titre-besoins" className="space-y-3">
        <h2 id="titre-besoins" className="text-2xl font-semibold">
          Elle répond à ces besoins
        </h2>
        {solution.needs.length === 0 ? (
          <p className="text-slate-700">Cette solution n’est encore liée à aucun besoin publié.</p>
        ) : (
          <>
            {solution.needsFromParent && solution.parent && (
              <p className="text-slate-800">Ceux de la solution qu’elle précise, « <Abbreviated text={solution.parent.title} /> » :</p>
            )}
            <ul className="list-disc space-y-1 pl-6">
              {solution.needs.map((need) => (
                <li key={need.slug}>
                  <Link href={needPath(need.slug)}><Abbreviated text={need.title} /></Link>
                  <span className="text-sm text-slate-700"> ({needKindLabels[need.kind].toLowerCase()})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {solution.children.length > 0 && (
        <section aria-labelledby="titre-precisions" className="space-y-3">
          <h2 id="titre-precisions" className="text-2xl font-semibold">
            Précisions
          </h2>
          <ul className="space-y-3">
            {solution.children.map((child) => (
              <li key={child.slug} className="rounded-md border border-slate-200 p-4">
                <div className="flex flex-wrap items-center gap-2">
                  <AvailabilityBadge availability={child.availability} />
                  <HelpKindBadges kinds={child.kinds} inferredFields={child.inferredFields} />
                </div>
                <h3 className="mt-2 font-semibold">
                  <Link href={solutionPath(child.slug)}><Abbreviated text={child.title} /></Link>
                </h3>
                <InventoryQuote text={child.description} summary={plainSummary(child)} className="mt-1 text-slate-800" />
              </li>
            ))}
          </ul>
        </section>
      )}

      <SourceMarksNote
        hasInferred={
          solution.inferredFields.length > 0 ||
          solution.providers.some((provider) => provider.inferredRoles.length > 0) ||
          solution.children.some((child) => child.inferredFields.length > 0)
        }
        hasBrackets={/\[[^\]]+\]/.test(solution.description)}
      />
    </article>
  );
}

function SolutionFacts({ solution }: { solution: SolutionDetailDto }) {
  const facts = [
    { label: 'Statut', value: AVAILABILITY_WORDING[solution.availability].sentence },
    {
      label: 'Type d’aide',
      value:
        solution.kinds.length > 0
          ? withInferredMark(
              solution.kinds.map((kind) => helpKindLabels[kind]).join(', '),
              solution.inferredFields.includes('KINDS'),
              solution.kinds.length > 1,
            )
          : null,
    },
    { label: 'Coût', value: solution.cost === 'UNKNOWN' ? null : withInferredMark(costLabels[solution.cost], solution.inferredFields.includes('COST')) },
  ];
  return (
    <dl className="grid gap-x-6 gap-y-2 rounded-md bg-slate-50 p-4 sm:grid-cols-[max-content_1fr]">
      {facts.map((fact) => (
        <div key={fact.label} className="contents">
          <dt className="font-medium">{fact.label}</dt>
          <dd className={fact.value === null ? 'italic text-slate-700' : ''}>{fact.value ?? MISSING_INFORMATION}</dd>
        </div>
      ))}
    </dl>
  );
}

// The provider's own verification, in one line: its page shows the full notice.
function providerVerificationLine(verifiedAt: string | null, status: VerificationStatus): string {
  if (status === 'never') return 'Fiche du fournisseur jamais vérifiée.';
  if (status === 'invalid' || verifiedAt === null) return 'Fiche du fournisseur : date de vérification erronée.';
  const date = formatDate(verifiedAt);
  return status === 'stale'
    ? `Fiche du fournisseur vérifiée le ${date}, il y a plus de 12 mois.`
    : `Fiche du fournisseur vérifiée le ${date}.`;
}

function ProviderCard({ provider, now }: { provider: SolutionProviderDto; now: Date }) {
  return (
    <li className="rounded-md border border-slate-200 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{providerKindLabels[provider.kind]}</Badge>
        <span className="text-sm text-slate-700">
          <Abbreviated text={provider.name} /> {rolesSentence(provider.roles, provider.inferredRoles)}.
        </span>
      </div>
      <h3 className="mt-2 text-lg font-semibold">
        <Link href={providerPath(provider.slug)}><Abbreviated text={provider.name} /></Link>
      </h3>
      {provider.alternateName && <p className="text-sm text-slate-700">Aussi écrit : <Abbreviated text={provider.alternateName} /></p>}
      {provider.description && <p className="mt-1 text-slate-800"><Abbreviated text={provider.description} /></p>}
      <div className="mt-3">
        {hasKnownFacts(provider) ? (
          <ProviderFacts provider={provider} knownOnly />
        ) : (
          <p className="text-sm italic text-slate-700">
            Le répertoire n’a pas encore ses coordonnées ni ses conditions.
          </p>
        )}
      </div>
      <p className="mt-2 text-sm text-slate-700">
        {providerVerificationLine(provider.verifiedAt, verificationStatus(provider.verifiedAt, now))}
        {provider.toVerify && (
          <>
            {' À vérifier'}
            {provider.verifyNote ? (
              <>
                {' : '}
                <Abbreviated text={provider.verifyNote} />
              </>
            ) : (
              '.'
            )}
          </>
        )}
      </p>
    </li>
  );
}
