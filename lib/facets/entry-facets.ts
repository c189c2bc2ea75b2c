// Facet values of the directory's entries, shared by the provider list, need pages and
// search results.
import { FACETS, FACET_KEYS, expandRegions, type FacetGroup, type FacetSelection, type FacetValues } from '@/lib/facets/facets';
import type { ProviderSummaryDto } from '@/lib/data/types';
import type { MatchCandidate } from '@/lib/matching/types';

const unique = <T,>(values: T[]) => [...new Set(values)];

// The lists are kept decoded between requests (lib/data/inventory-memo.ts): the same objects
// come back, so their facet values are computed once, not on every request (10,000 providers).
// Values are shared: nothing may modify them.
function memoizedBy<T extends object>(compute: (item: T) => FacetValues): (item: T) => FacetValues {
  const known = new WeakMap<T, FacetValues>();
  return (item) => {
    let values = known.get(item);
    if (!values) {
      values = compute(item);
      known.set(item, values);
    }
    return values;
  };
}

export const providerFacetValues = memoizedBy((provider: ProviderSummaryDto): FacetValues => {
  return {
    availability: provider.availabilities,
    kind: provider.helpKinds,
    cost: [provider.cost],
    region: expandRegions(provider.regions),
    format: provider.formats,
    audience: provider.audiences,
    language: provider.languages,
  };
});

/** A solution as the guided match sees it: its own kind, cost and status, its providers' places. */
export const candidateFacetValues = memoizedBy((candidate: MatchCandidate): FacetValues => {
  const providerCosts = candidate.providers.map((provider) => provider.cost).filter((cost) => cost !== 'UNKNOWN');
  return {
    availability: [candidate.availability],
    kind: candidate.kinds,
    cost: candidate.cost !== 'UNKNOWN' ? [candidate.cost] : unique(providerCosts),
    region: unique(candidate.providers.flatMap((provider) => expandRegions(provider.regions))),
    format: unique(candidate.providers.flatMap((provider) => provider.formats)),
    audience: unique(candidate.providers.flatMap((provider) => provider.audiences)),
    language: unique(candidate.providers.flatMap((provider) => provider.languages)),
  };
});

/** Adds up the counts of two lists filtered with the same selection (e.g. solutions and providers). */
export function mergeFacetGroups(...lists: FacetGroup[][]): FacetGroup[] {
  return FACET_KEYS.flatMap((key) => {
    const groups = lists.flatMap((list) => list.filter((group) => group.key === key));
    if (groups.length === 0) return [];
    const byValue = new Map<string, FacetGroup['options'][number]>();
    for (const option of groups.flatMap((group) => group.options)) {
      const seen = byValue.get(option.value);
      byValue.set(option.value, seen ? { ...seen, count: seen.count + option.count } : { ...option });
    }
    const order: readonly string[] = FACETS[key].values ?? [...byValue.keys()].sort();
    const options = order.flatMap((value) => byValue.get(value) ?? []);
    return [{ ...groups[0]!, options }];
  });
}

/** The selection as query parameters, to carry it in links. */
export function selectionParams(selection: FacetSelection): [string, string][] {
  return FACET_KEYS.flatMap((key) => (selection[key] ?? []).map((value): [string, string] => [FACETS[key].param, value]));
}
