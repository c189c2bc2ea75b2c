import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { FacetFilters } from '@/components/facets/facet-filters';
import { Pagination } from '@/components/inventory/pagination';
import { Badge } from '@/components/ui/badge';
import { listProviders } from '@/lib/data/providers';
import { providerFacetValues, selectionParams } from '@/lib/facets/entry-facets';
import { applyFacets, countSelected, parseFacetSelection } from '@/lib/facets/facets';
import { pageCountOf, pageHref, parsePage } from '@/lib/facets/pagination';
import type { ProviderSummaryDto } from '@/lib/data/types';
import { initialLetter } from '@/lib/format';
import { providerKindLabels } from '@/lib/labels';
import { pageMetadata } from '@/lib/seo/metadata';

export const metadata: Metadata = pageMetadata({
  title: 'Fournisseurs A–Z',
  description: 'Les fournisseurs, organismes et programmes, qui offrent, financent ou accompagnent les solutions numériques du répertoire.',
  path: '/fournisseurs',
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// At 10,000 providers the whole list would weigh megabytes: 50 per page.
const PAGE_SIZE = 50;

function groupByLetter(providers: ProviderSummaryDto[]): [string, ProviderSummaryDto[]][] {
  const groups = new Map<string, ProviderSummaryDto[]>();
  for (const provider of providers) {
    const letter = initialLetter(provider.name);
    groups.set(letter, [...(groups.get(letter) ?? []), provider]);
  }
  return [...groups.entries()];
}

export default async function ProvidersPage({ searchParams }: Props) {
  await connection();
  const [allProviders, params] = await Promise.all([listProviders(), searchParams]);
  const selection = parseFacetSelection(params);
  const selectedCount = countSelected(selection);
  const { items: providers, groups: facetGroups } = applyFacets(allProviders, providerFacetValues, selection);
  const pageCount = pageCountOf(providers.length, PAGE_SIZE);
  const page = parsePage(params.page, pageCount);
  const shown = providers.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const groups = groupByLetter(shown);
  const filterParams = selectionParams(selection);
  const hrefFor = (target: number, hash = '') => pageHref('/fournisseurs', filterParams, target, hash);
  // Each letter links to the page where its first provider is.
  const letters = new Map<string, number>();
  providers.forEach((provider, index) => {
    const letter = initialLetter(provider.name);
    if (!letters.has(letter)) letters.set(letter, Math.floor(index / PAGE_SIZE) + 1);
  });

  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold text-brand-900">Fournisseurs de A à Z</h1>
        <p className="max-w-3xl">
          Le répertoire nomme {allProviders.length} fournisseurs. Chacun est un organisme ou un programme. Choisissez-en un :
          vous verrez ce qu’il offre, et pour quels besoins.
        </p>
        <FacetFilters action="/fournisseurs" groups={facetGroups} selectedCount={selectedCount} />
        {selectedCount > 0 && (
          <p role="status" className="font-medium">
            {providers.length} sur {allProviders.length} correspondent à vos filtres.
          </p>
        )}
        {pageCount > 1 && (
          <p>
            Fournisseurs {(page - 1) * PAGE_SIZE + 1} à {(page - 1) * PAGE_SIZE + shown.length} sur {providers.length}, page{' '}
            {page} de {pageCount}.
          </p>
        )}
        {letters.size > 0 && (
          <nav aria-label="Lettres">
            <ul className="flex flex-wrap gap-2">
              {[...letters].map(([letter, letterPage]) => (
                <li key={letter}>
                  <a
                    href={letterPage === page ? `#lettre-${letter}` : hrefFor(letterPage, `#lettre-${letter}`)}
                    className="inline-block min-w-8 rounded border border-slate-300 px-2 py-1 text-center"
                  >
                    {letter}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>

      {providers.length === 0 &&
        (selectedCount > 0 ? (
          <p>
            Aucun fournisseur ne correspond à tous ces filtres. Retirez-en un, ou{' '}
            <Link href="/fournisseurs">voyez toute la liste</Link>.
          </p>
        ) : (
          <p>Aucun fournisseur n’est encore publié.</p>
        ))}

      {groups.map(([letter, group]) => (
        <section key={letter} id={`lettre-${letter}`} aria-labelledby={`titre-lettre-${letter}`} className="scroll-mt-4 space-y-3">
          <h2 id={`titre-lettre-${letter}`} className="border-b border-slate-200 text-2xl font-semibold">
            {letter}
          </h2>
          <ul className="space-y-3">
            {group.map((provider) => (
              <li key={provider.slug}>
                <div className="flex flex-wrap items-center gap-2">
                  <Link href={`/fournisseurs/${provider.slug}`} className="text-lg font-medium">
                    <Abbreviated text={provider.name} />
                  </Link>
                  <Badge>{providerKindLabels[provider.kind]}</Badge>
                  {provider.toVerify && <Badge tone="warning">À vérifier</Badge>}
                </div>
                {provider.alternateName && <p className="text-sm text-slate-700">Aussi écrit : <Abbreviated text={provider.alternateName} /></p>}
                {provider.description && <p className="text-slate-800"><Abbreviated text={provider.description} /></p>}
                <p className="text-sm text-slate-700">
                  {provider.solutionCount} solution{provider.solutionCount > 1 ? 's' : ''} dans le répertoire
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}

      <Pagination page={page} pageCount={pageCount} hrefFor={(target) => hrefFor(target)} label="Pages de la liste des fournisseurs" />
    </div>
  );
}
