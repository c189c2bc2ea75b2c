import type { Metadata } from 'next';
import { connection } from 'next/server';
import { cache } from 'react';
import { SearchForm } from '@/components/search/search-form';
import { SearchHelp } from '@/components/search/search-help';
import { SearchResultsList, SearchTypeNav } from '@/components/search/search-results';
import { SearchSuggestions } from '@/components/search/search-suggestions';
import { listNeedSummaries } from '@/lib/data/needs';
import { searchPublishedDirectory } from '@/lib/data/search';
import { parseSearchParams, type SearchParams } from '@/lib/search/params';
import type { SearchType } from '@/lib/search/types';
import { modeNotice, quoted, resultsHeading, searchTypeLabels } from '@/lib/search/wording';

type Props = { searchParams: Promise<SearchParams> };

// Shared by generateMetadata and the page within one request (the <title> gives the count).
const search = cache((query: string, type: SearchType | null, page: number) => searchPublishedDirectory(query, { type, page }));

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  await connection();
  const { query, type, page } = parseSearchParams(await searchParams);
  if (!query) {
    return {
      title: 'Rechercher',
      description: 'Cherchez un besoin, une solution ou un organisme dans le répertoire numérique communautaire.',
      alternates: { canonical: '/recherche' },
    };
  }
  const results = await search(query, type, page);
  const scope = type ? ` — ${searchTypeLabels[type].toLowerCase()}${page > 1 ? `, page ${page}` : ''}` : '';
  return {
    title: `${resultsHeading(results.total, query)}${scope}`,
    // Result pages are endless variations of the same content: keep them out of search engines.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  await connection();
  const { query, type, page } = parseSearchParams(await searchParams);

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

  const results = await search(query, type, page);
  // The list of needs is only shown when the query found nothing.
  const needs = results.total === 0 ? await listNeedSummaries() : [];
  const notice = modeNotice(results.mode);

  // break-words: a long query without spaces must wrap, not widen the page.
  return (
    <div className="space-y-8 break-words">
      <header className="space-y-4">
        <h1 className="text-3xl font-bold text-brand-900">{resultsHeading(results.total, results.query)}</h1>
        <SearchForm query={results.query} />
        {notice && <p className="rounded-md border border-amber-300 bg-amber-50 p-3">{notice}</p>}
        <SearchSuggestions suggestions={results.suggestions} />
        {results.total > 0 && <SearchTypeNav results={results} />}
      </header>

      {results.total > 0 ? (
        <SearchResultsList results={results} />
      ) : (
        <div className="space-y-8">
          <p>
            Rien dans le répertoire ne correspond à {quoted(results.query)}. Vérifiez l&apos;orthographe, essayez un mot plus
            général ou un synonyme, ou partez des pistes ci-dessous.
          </p>
          <SearchHelp needs={needs} />
        </div>
      )}
    </div>
  );
}
