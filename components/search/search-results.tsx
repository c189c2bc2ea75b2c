import Link from 'next/link';
import type { ReactNode } from 'react';
import { NeedHitItem, ProviderHitItem, SolutionHitItem } from '@/components/search/search-hits';
import { searchHref } from '@/lib/search/params';
import { SEARCH_TYPES, type SearchResults, type SearchType } from '@/lib/search/types';
import { countLabel, searchTypeLabels } from '@/lib/search/wording';

const SECTION_IDS: Record<SearchType, string> = { needs: 'besoins', solutions: 'solutions', providers: 'fournisseurs' };

function hitsOf(results: SearchResults, type: SearchType): ReactNode[] {
  switch (type) {
    case 'needs':
      return results.needs.map((hit) => <NeedHitItem key={hit.slug} hit={hit} />);
    case 'solutions':
      return results.solutions.map((hit) => <SolutionHitItem key={hit.slug} hit={hit} />);
    case 'providers':
      return results.providers.map((hit) => <ProviderHitItem key={hit.slug} hit={hit} />);
  }
}

/** Counts per type; on the overview they jump to the sections, on a type page they switch type. */
export function SearchTypeNav({ results }: { results: SearchResults }) {
  const types = SEARCH_TYPES.filter((type) => results.counts[type] > 0);
  return (
    <nav aria-label="Résultats par type">
      <ul className="flex flex-wrap gap-2">
        {results.type && (
          <li>
            <Link href={searchHref({ query: results.query, filters: results.filters })} className="inline-block rounded border border-slate-300 px-3 py-1">
              Tous les résultats ({results.total})
            </Link>
          </li>
        )}
        {types.map((type) => {
          const isCurrent = results.type === type;
          const label = `${searchTypeLabels[type]} (${results.counts[type]})`;
          return (
            <li key={type}>
              {isCurrent ? (
                <span aria-current="page" className="inline-block rounded border border-brand-700 bg-brand-50 px-3 py-1 font-semibold">
                  {label}
                </span>
              ) : (
                <Link
                  href={results.type ? searchHref({ query: results.query, type, filters: results.filters }) : `#${SECTION_IDS[type]}`}
                  className="inline-block rounded border border-slate-300 px-3 py-1"
                >
                  {label}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Pagination({ results }: { results: SearchResults }) {
  if (!results.type) return null;
  const pageCount = Math.ceil(results.counts[results.type] / results.pageSize);
  if (pageCount <= 1) return null;
  const href = (page: number) => searchHref({ query: results.query, type: results.type, page, filters: results.filters });
  return (
    <nav aria-label="Pages de résultats" className="flex flex-wrap items-center gap-4">
      {results.page > 1 && <Link href={href(Math.min(results.page - 1, pageCount))}>Page précédente</Link>}
      <span>
        Page {Math.min(results.page, pageCount)} sur {pageCount}
      </span>
      {results.page < pageCount && <Link href={href(results.page + 1)}>Page suivante</Link>}
    </nav>
  );
}

/** The results, one section per type that has any (only the chosen type on a type page). */
export function SearchResultsList({ results }: { results: SearchResults }) {
  const types = SEARCH_TYPES.filter((type) => results.counts[type] > 0 && (!results.type || results.type === type));
  return (
    <div className="space-y-8">
      {types.map((type) => {
        const hits = hitsOf(results, type);
        const count = results.counts[type];
        return (
          <section key={type} id={SECTION_IDS[type]} aria-labelledby={`titre-${SECTION_IDS[type]}`} className="scroll-mt-4 space-y-3">
            <h2 id={`titre-${SECTION_IDS[type]}`} className="text-2xl font-semibold">
              {searchTypeLabels[type]} <span className="text-lg font-normal text-slate-700">({count})</span>
            </h2>
            {hits.length > 0 ? (
              <ol className="space-y-3">{hits}</ol>
            ) : (
              <p>
                Cette page est au-delà des résultats.{' '}
                <Link href={searchHref({ query: results.query, type, filters: results.filters })}>Revenir à la première page</Link>
              </p>
            )}
            {!results.type && count > hits.length && (
              <p>
                <Link href={searchHref({ query: results.query, type, filters: results.filters })} className="font-medium">
                  Voir les {countLabel(type, count)}
                </Link>
              </p>
            )}
          </section>
        );
      })}
      <Pagination results={results} />
    </div>
  );
}
