import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { FacetFilters } from '@/components/facets/facet-filters';
import { NeedMeta } from '@/components/inventory/need-header';
import { marksOf, SourceMarksNote } from '@/components/inventory/inferred-values';
import { RelatedNeeds } from '@/components/inventory/related-needs';
import { ReportErrorLink } from '@/components/inventory/report-error-link';
import { SolutionItem } from '@/components/inventory/solution-item';
import { PageNotFound } from '@/components/layout/page-not-found';
import { VerificationInfo } from '@/components/ui/verification-info';
import { getNeedBySlug } from '@/lib/data/needs';
import type { SolutionDto } from '@/lib/data/types';
import { applyFacets, countSelected, parseFacetSelection } from '@/lib/facets/facets';
import { solutionFacetValues } from '@/lib/facets/solution-facets';
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata';
import { needPath } from '@/lib/seo/urls';

const FILTERED_EMPTY = 'Aucune solution de cette section ne correspond à vos filtres.';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const need = await getNeedBySlug(slug);
  if (!need) return notFoundMetadata;
  return pageMetadata({ title: need.title, description: need.description, path: needPath(need.slug) });
}

export default async function NeedPage({ params, searchParams }: Props) {
  await connection();
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const need = await getNeedBySlug(slug);
  if (!need) return <PageNotFound />;

  const selection = parseFacetSelection(query);
  const selectedCount = countSelected(selection);
  const { items: shown, groups } = applyFacets(need.solutions, solutionFacetValues, selection);
  const existing = shown.filter((solution) => solution.availability === 'EXISTING');
  const unconfirmed = shown.filter((solution) => solution.availability === 'UNCONFIRMED');
  const proposed = shown.filter((solution) => solution.availability === 'PROPOSED');
  const allExisting = need.solutions.filter((solution) => solution.availability === 'EXISTING').length;
  const allUnconfirmed = need.solutions.filter((solution) => solution.availability === 'UNCONFIRMED').length;
  const allProposed = need.solutions.length - allExisting - allUnconfirmed;
  const everySolution = need.solutions.flatMap((solution) => [solution, ...solution.children]);
  const providerCount = new Set(everySolution.flatMap((s) => s.providers.map((p) => p.slug))).size;
  const marks = marksOf(need.solutions, [need.description, need.note, ...need.related.map((link) => link.note)]);

  return (
    <article className="space-y-8">
      <nav aria-label="Fil d’Ariane" className="text-sm">
        <Link href="/besoins">Besoins et solutions</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page"><Abbreviated text={need.title} /></span>
      </nav>

      <header className="space-y-3">
        <NeedMeta need={need} />
        <h1 className="text-3xl font-bold text-brand-900"><Abbreviated text={need.title} /></h1>
        {/* The inventory's words, marked as such (docs/vocabulaire.md); the attribution stays outside the quotation. */}
        <figure className="border-l-4 border-brand-100 pl-4">
          <blockquote data-source="inventaire" className="text-lg text-slate-800">
            <p><Abbreviated text={need.description} /></p>
          </blockquote>
          <figcaption className="mt-1 text-sm text-slate-700">Les mots de l’inventaire de la Table (avril 2023)</figcaption>
        </figure>
        {need.note && (
          <p>
            <span className="font-medium">Remarque de la Table : </span>
            {/* The inventory's own line (a row without a first column), quoted as such. */}
            <q data-source="inventaire">
              <Abbreviated text={need.note} />
            </q>
          </p>
        )}
        <p className="text-slate-800">
          {allExisting} solution{allExisting > 1 ? 's' : ''} qui existe{allExisting > 1 ? 'nt' : ''} déjà,{' '}
          {allUnconfirmed > 0 && `${allUnconfirmed} dont l’existence est à confirmer, `}
          {allProposed} idée{allProposed > 1 ? 's' : ''} pas encore offerte{allProposed > 1 ? 's' : ''}, {providerCount} fournisseur
          {providerCount > 1 ? 's' : ''}.
        </p>
        <VerificationInfo verification={need} />
        <ReportErrorLink type="besoin" slug={need.slug} />
      </header>

      {need.solutions.length > 1 && (
        <div className="space-y-2">
          <FacetFilters action={needPath(need.slug)} groups={groups} selectedCount={selectedCount} />
          {selectedCount > 0 && (
            <p role="status" className="font-medium">
              {shown.length} solution{shown.length > 1 ? 's' : ''} sur {need.solutions.length} correspond
              {shown.length > 1 ? 'ent' : ''} à vos filtres.
            </p>
          )}
        </div>
      )}

      <SolutionSection title="Solutions qui existent déjà" id="existantes" solutions={existing} empty={selectedCount > 0 ? FILTERED_EMPTY : 'Le répertoire ne connaît encore aucune solution qui existe déjà pour ce besoin.'} />
      {allUnconfirmed > 0 && (
        <SolutionSection
          title="Solutions dont l’existence est à confirmer"
          id="a-confirmer"
          intro="L’inventaire dit seulement qu’elles existent peut-être : vérifiez auprès des fournisseurs avant de compter dessus."
          solutions={unconfirmed}
          empty={FILTERED_EMPTY}
        />
      )}
      <SolutionSection title="Idées, pas encore offertes" id="proposees" solutions={proposed} empty={selectedCount > 0 ? FILTERED_EMPTY : 'Le milieu n’a encore nommé aucune idée pour ce besoin.'} />

      {need.related.length > 0 && (
        <section aria-labelledby="titre-lies" className="space-y-2">
          <h2 id="titre-lies" className="text-2xl font-semibold">
            Besoins et enjeux liés
          </h2>
          <RelatedNeeds related={need.related} />
        </section>
      )}

      <SourceMarksNote {...marks} />
    </article>
  );
}

function SolutionSection({
  title,
  id,
  intro,
  solutions,
  empty,
}: {
  title: string;
  id: string;
  intro?: string;
  solutions: SolutionDto[];
  empty: string;
}) {
  return (
    <section aria-labelledby={`titre-${id}`} className="space-y-3">
      <h2 id={`titre-${id}`} className="text-2xl font-semibold">
        {title}
      </h2>
      {intro && <p className="text-slate-800">{intro}</p>}
      {solutions.length > 0 ? (
        <ul className="space-y-3">
          {solutions.map((solution) => (
            <SolutionItem key={solution.slug} solution={solution} />
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">{empty}</p>
      )}
    </section>
  );
}
