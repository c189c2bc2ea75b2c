import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { NeedMeta } from '@/components/inventory/need-header';
import { Pagination } from '@/components/inventory/pagination';
import { listNeedOverviews, type NeedOverviewDto } from '@/lib/data/needs';
import { getSiteUrl } from '@/lib/env';
import { pageCountOf, pageHref, parsePage } from '@/lib/facets/pagination';
import { needsItemListJsonLd } from '@/lib/seo/json-ld';
import { JsonLdScript } from '@/lib/seo/json-ld-script';
import { pageMetadata } from '@/lib/seo/metadata';

export const metadata: Metadata = pageMetadata({
  title: 'Besoins et solutions',
  description: "L’inventaire des besoins numériques des organismes communautaires, avec les solutions et qui les offre.",
  path: '/besoins',
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// A need is a title and a few counts here (its details are on its own page): 50 a page keeps
// the page near 50 kB of HTML (docs/benchmark.md; the limit is 150 kB at 10,000 providers).
const PAGE_SIZE = 50;
// Bounds the page numbers that reach the cache (anything larger shows the last page anyway).
const MAX_PAGE = 10_000;

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

/** The counts of one need, in short sentences: what exists, what may exist, the ideas, who offers them. */
function countsOf(need: NeedOverviewDto): string[] {
  return [
    `${plural(need.existingCount, 'solution qui existe', 'solutions qui existent')} déjà.`,
    ...(need.unconfirmedCount > 0
      ? [`Pour ${plural(need.unconfirmedCount, 'autre', 'autres')}, on ne sait pas si ${need.unconfirmedCount > 1 ? 'elles existent' : 'elle existe'}.`]
      : []),
    `${plural(need.proposedCount, 'idée pas encore offerte', 'idées pas encore offertes')}.`,
    `${plural(need.providerCount, 'fournisseur', 'fournisseurs')} en tout.`,
  ];
}

export default async function NeedsPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const all = await listNeedOverviews();
  const pageCount = pageCountOf(all.length, PAGE_SIZE);
  const page = Math.min(parsePage(params.page, MAX_PAGE), pageCount);
  const needs = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const firstNumber = (page - 1) * PAGE_SIZE + 1;
  const gapCount = all.filter((need) => need.existingCount === 0).length;
  const hrefFor = (target: number) => pageHref('/besoins', [], target);

  return (
    <div className="space-y-8">
      <JsonLdScript data={needsItemListJsonLd(needs, getSiteUrl())} />
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Besoins et solutions</h1>
        <p className="max-w-3xl">
          Voici les besoins et les enjeux nommés par le milieu, dans l’ordre de l’inventaire de la Table. Pour chacun, vous
          voyez combien de solutions existent déjà et qui les offre. Cliquez sur un besoin pour voir ses solutions.
        </p>
        {all.length > 0 && (
          <p id="sommaire-besoins">
            {plural(all.length, 'besoin ou enjeu', 'besoins et enjeux')} en tout.{' '}
            <strong>
              {gapCount === 0
                ? 'Chacun a au moins une solution qui existe déjà.'
                : `Parmi eux, ${gapCount} ${gapCount > 1 ? 'n’ont' : 'n’a'} encore aucune solution qui existe déjà.`}
            </strong>
          </p>
        )}
        {pageCount > 1 && (
          <p>
            Besoins {firstNumber} à {firstNumber + needs.length - 1} sur {all.length}, page {page} de {pageCount}.
          </p>
        )}
      </header>

      {all.length === 0 ? (
        <p>Le répertoire ne contient encore aucun besoin publié.</p>
      ) : (
        <ol className="space-y-4" aria-label="Besoins et enjeux">
          {needs.map((need) => (
            <li key={need.slug} id={need.slug} className="space-y-1 border-t border-slate-200 pt-4">
              <NeedMeta need={need} />
              <h2 className="text-xl font-semibold">
                <a href={`/besoins/${need.slug}`}><Abbreviated text={need.title} /></a>
              </h2>
              <p className="text-slate-800">
                {countsOf(need).join(' ')}
                {need.existingCount === 0 && <strong className="block">Aucune solution n’existe encore.</strong>}
              </p>
            </li>
          ))}
        </ol>
      )}

      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} label="Pages de l’inventaire" />
    </div>
  );
}
