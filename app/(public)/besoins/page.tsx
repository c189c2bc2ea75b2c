import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { NeedMeta } from '@/components/inventory/need-header';
import { Pagination } from '@/components/inventory/pagination';
import { RelatedNeeds } from '@/components/inventory/related-needs';
import { marksOf, SourceMarksNote } from '@/components/inventory/inferred-values';
import { SolutionItem } from '@/components/inventory/solution-item';
import { listNeedsWithSolutionsPage } from '@/lib/data/needs';
import { getSiteUrl } from '@/lib/env';
import { pageCountOf, pageHref, parsePage } from '@/lib/facets/pagination';
import { needsItemListJsonLd } from '@/lib/seo/json-ld';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import { pageMetadata } from '@/lib/seo/metadata';
import { InventoryQuote } from '@/components/inventory/inventory-quote';

export const metadata: Metadata = pageMetadata({
  title: 'Besoins et solutions',
  description: "L'inventaire des besoins numériques des organismes communautaires, avec les solutions et qui les offre.",
  path: '/besoins',
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Each need comes with all its solutions: 15 needs per page keeps a page light at 500 needs.
const PAGE_SIZE = 15;
// Bounds the page numbers that reach the cache (anything larger shows the last page anyway).
const MAX_PAGE = 10_000;

export default async function NeedsPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const { needs, total, page } = await listNeedsWithSolutionsPage(parsePage(params.page, MAX_PAGE), PAGE_SIZE);
  const pageCount = pageCountOf(total, PAGE_SIZE);
  const firstNumber = (page - 1) * PAGE_SIZE + 1;
  const hrefFor = (target: number) => pageHref('/besoins', [], target);

  return (
    <div className="space-y-8">
      <JsonLdScript data={needsItemListJsonLd(needs, getSiteUrl())} />
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Besoins et solutions</h1>
        <p className="max-w-3xl">
          Sous chaque besoin ou enjeu, vous voyez les solutions qui <strong>existent déjà</strong>, celles dont
          l’existence est <strong>à confirmer</strong> et les <strong>idées pas encore offertes</strong>. Vous voyez
          aussi qui les offre. L’ordre est celui de l’inventaire de la Table.
        </p>
        {pageCount > 1 && (
          <p>
            Besoins {firstNumber} à {firstNumber + needs.length - 1} sur {total}, page {page} de {pageCount}.
          </p>
        )}
        {needs.length > 0 && (
          <nav aria-label="Sommaire des besoins">
            <ol start={firstNumber} className="list-decimal space-y-1 pl-6">
              {needs.map((need) => (
                <li key={need.slug}>
                  <a href={`#${need.slug}`}><Abbreviated text={need.title} /></a>
                </li>
              ))}
            </ol>
          </nav>
        )}
      </header>

      {needs.length === 0 && <p>Le répertoire ne contient encore aucun besoin publié.</p>}

      {needs.map((need) => (
        <section key={need.slug} id={need.slug} aria-labelledby={`titre-${need.slug}`} className="scroll-mt-4 space-y-3 border-t border-slate-200 pt-6">
          <NeedMeta need={need} />
          <h2 id={`titre-${need.slug}`} className="text-2xl font-semibold">
            <Link href={`/besoins/${need.slug}`}><Abbreviated text={need.title} /></Link>
          </h2>
          <InventoryQuote text={need.description} />
          <RelatedNeeds related={need.related} />
          {need.solutions.length > 0 ? (
            <ul className="space-y-3" aria-label={`Solutions : ${need.title}`}>
              {need.solutions.map((solution) => (
                <SolutionItem key={solution.slug} solution={solution} />
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">
              Aucune solution propre à cet enjeu dans l’inventaire
              {need.related.length > 0 ? ' : voyez les besoins liés ci-dessus.' : '.'}
            </p>
          )}
          {need.note && <p className="text-sm text-slate-800"><span className="font-medium">Remarque de la Table : </span><Abbreviated text={need.note} /></p>}
        </section>
      ))}

      <SourceMarksNote
        {...marksOf(
          needs.flatMap((need) => need.solutions),
          needs.flatMap((need) => [need.description, need.note, ...need.related.map((link) => link.note)]),
        )}
      />

      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} label="Pages de l'inventaire" />
    </div>
  );
}
