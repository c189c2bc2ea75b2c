import { Abbreviated } from '@/components/ui/abbreviated';
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { cache } from 'react';
import { FacetFilters } from '@/components/facets/facet-filters';
import { SearchForm } from '@/components/search/search-form';
import { SearchHelp } from '@/components/search/search-help';
import { SearchResultsList, SearchTypeNav } from '@/components/search/search-results';
import { SearchSuggestions } from '@/components/search/search-suggestions';
import { listNeedSummaries } from '@/lib/data/needs';
import { listPublishedMatches, searchPublishedDirectory } from '@/lib/data/search';
import { candidateFacetValues, mergeFacetGroups, providerFacetValues, selectionParams } from '@/lib/facets/entry-facets';
import { applyFacets, countSelected, parseFacetSelection, type FacetSelection } from '@/lib/facets/facets';
import { SEARCH_PATH, TYPE_SLUGS, parseSearchParams, type SearchParams } from '@/lib/search/params';
import type { SearchType } from '@/lib/search/types';
import { modeNotice, quoted, resultsHeading, searchTypeLabels, wordsUsedNotice } from '@/lib/search/wording';

type Props = { searchParams: Promise<SearchParams> };

// Shared by generateMetadata and the page within one request (the <title> gives the count).
// Filters apply to solutions and providers: the query's matches are filtered with the same
// facets as the lists (counts included), then the search is narrowed to what is left.
const search = cache(async (query: string, type: SearchType | null, page: number, selectionKey: string) => {
  const selection = JSON.parse(selectionKey) as FacetSelection;
  const selectedCount = countSelected(selection);
  const matches = await listPublishedMatches(query);
  const solutionFacets = applyFacets(matches.solutions, candidateFacetValues, selection);
  const providerFacets = applyFacets(matches.providers, providerFacetValues, selection);
  const restrict =
    selectedCount > 0
      ? { solutions: solutionFacets.items.map((item) => item.slug), providers: providerFacets.items.map((item) => item.slug) }
      : undefined;
  const results = await searchPublishedDirectory(query, { type, page, restrict });
  return {
    results: { ...results, filters: selectionParams(selection) },
    groups: mergeFacetGroups(solutionFacets.groups, providerFacets.groups),
    selectedCount,
  };
});

function readState(params: SearchParams) {
  const { query, type, page } = parseSearchParams(params);
  return { query, type, page, selectionKey: JSON.stringify(parseFacetSelection(params)) };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  await connection();
  const { query, type, page, selectionKey } = readState(await searchParams);
  if (!query) {
    return {
      title: 'Rechercher',
      description: 'Cherchez un besoin, une solution ou un organisme dans le répertoire numérique communautaire.',
      alternates: { canonical: '/recherche' },
    };
  }
  const { results } = await search(query, type, page, selectionKey);
  const scope = type ? ` — ${searchTypeLabels[type].toLowerCase()}${page > 1 ? `, page ${page}` : ''}` : '';
  return {
    title: `${resultsHeading(results.total, query)}${scope}`,
    // Result pages are endless variations of the same content: keep them out of search engines.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const { query, type, page, selectionKey } = readState(await searchParams);

  if (!query) {
    const needs = await listNeedSummaries();
    return (
      <div className="space-y-8">
        <header className="space-y-4">
          <h1 className="text-3xl font-bold text-brand-900">Rechercher dans le répertoire</h1>
          <SearchForm query="" />
        </header>
        <SearchHelp needs={needs} />
      </div>
    );
  }

  const { results, groups, selectedCount } = await search(query, type, page, selectionKey);
  const isFilteredOut = results.total === 0 && selectedCount > 0;
  // The list of needs is only shown when the query found nothing.
  const needs = results.total === 0 && !isFilteredOut ? await listNeedSummaries() : [];
  const preserved: Record<string, string> = { q: results.query, ...(type ? { type: TYPE_SLUGS[type] } : {}) };
  const notices = [modeNotice(results.mode), wordsUsedNotice(results.wordsUsed)].filter((text): text is string => text !== null);

  // break-words: a long query without spaces must wrap, not widen the page.
  return (
    <div className="space-y-8 break-words">
      <header className="space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">
          <Abbreviated text={resultsHeading(results.total, results.query)} />
        </h1>
        <SearchForm query={results.query} />
        {notices.length > 0 && (
          <div className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3" data-testid="avis-recherche">
            {notices.map((text) => (
              <p key={text}>{text}</p>
            ))}
          </div>
        )}
        <SearchSuggestions suggestions={results.suggestions} />
        {results.total > 0 && <SearchTypeNav results={results} />}
        <FacetFilters action={SEARCH_PATH} groups={groups} selectedCount={selectedCount} preserve={preserved} />
        {selectedCount > 0 && <p className="text-sm text-slate-700">Les filtres s’appliquent aux solutions et aux fournisseurs.</p>}
      </header>

      {results.total > 0 ? (
        <SearchResultsList results={results} />
      ) : isFilteredOut ? (
        <p>Aucun résultat ne correspond à ces filtres. Retirez-en un pour élargir la recherche.</p>
      ) : (
        <div className="space-y-8">
          <p>
            Rien dans le répertoire ne correspond à {quoted(results.query)}. Vérifiez l’orthographe, essayez un mot plus
            général ou un synonyme, ou partez des pistes ci-dessous.
          </p>
          <SearchHelp needs={needs} />
        </div>
      )}
    </div>
  );
}
