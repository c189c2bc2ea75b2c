import { expandRegions, type FacetValues } from '@/lib/facets/facets';
import type { SolutionDto } from '@/lib/data/types';

/**
 * Facet values of a solution: its own kind, cost and status, and what its providers say
 * for region, format, audience and language. A solution with sub-points matches when
 * one of them does, since they are shown together.
 */
export function solutionFacetValues(solution: SolutionDto): FacetValues {
  const all = [solution, ...solution.children];
  const providers = all.flatMap((item) => item.providers);
  const ownCosts = all.map((item) => item.cost).filter((cost) => cost !== 'UNKNOWN');
  const providerCosts = providers.map((provider) => provider.cost).filter((cost) => cost !== 'UNKNOWN');
  const unique = <T,>(values: T[]) => [...new Set(values)];
  return {
    availability: unique(all.map((item) => item.availability)),
    kind: unique(all.flatMap((item) => item.kinds)),
    cost: unique(ownCosts.length > 0 ? ownCosts : providerCosts),
    region: unique(providers.flatMap((provider) => expandRegions(provider.regions))),
    format: unique(providers.flatMap((provider) => provider.formats)),
    audience: unique(providers.flatMap((provider) => provider.audiences)),
    language: unique(providers.flatMap((provider) => provider.languages)),
  };
}
