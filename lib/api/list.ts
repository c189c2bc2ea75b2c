// One page of a list of the API: filters, search order, `modified_after`, pagination.
// Pure: the records come from the cached dataset, the search order (when `q` is given)
// from lib/search through the data layer.
import { applyFacets, expandRegions, type FacetSelection, type FacetValues } from '@/lib/facets/facets';
import { foldForSorting } from '@/lib/format';
import type { NeedRecord, PageOf, ProviderRecord, SolutionRecord, ThemeRecord } from '@/lib/api/schemas';
import type { Records } from '@/lib/api/records';
import { FILTERS, type ListQuery, type Resource } from '@/lib/api/query';

export type RecordOf<R extends Resource> = Records[R][number];

const unique = <T,>(values: T[]): T[] => [...new Set(values)];

/** The facet selection carried by the query's facet parameters (lib/facets semantics). */
function facetSelectionOf(resource: Resource, filters: ListQuery['filters']): FacetSelection {
  const selection: FacetSelection = {};
  for (const [name, definition] of Object.entries(FILTERS[resource])) {
    const values = filters[name];
    if (definition.facet && values) selection[definition.facet] = values;
  }
  return selection;
}

function solutionFacetValues(solution: SolutionRecord, providers: Map<string, ProviderRecord>): FacetValues {
  const linked = solution.providers.map((link) => providers.get(link.slug)).filter((p): p is ProviderRecord => p !== undefined);
  const providerCosts = linked.map((provider) => provider.cost).filter((cost) => cost !== 'UNKNOWN');
  return {
    availability: [solution.availability],
    kind: solution.kinds,
    cost: solution.cost !== 'UNKNOWN' ? [solution.cost] : unique(providerCosts),
    region: unique(linked.flatMap((provider) => expandRegions(provider.regions))),
    format: unique(linked.flatMap((provider) => provider.formats)),
    audience: unique(linked.flatMap((provider) => provider.audiences)),
    language: unique(linked.flatMap((provider) => provider.languages)),
  };
}

function providerFacetValues(provider: ProviderRecord, solutions: Map<string, SolutionRecord>): FacetValues {
  const offered = provider.solutions.map((link) => solutions.get(link.slug)).filter((s): s is SolutionRecord => s !== undefined);
  return {
    availability: unique(offered.map((solution) => solution.availability)),
    kind: unique(offered.flatMap((solution) => solution.kinds)),
    cost: [provider.cost],
    region: expandRegions(provider.regions),
    format: provider.formats,
    audience: provider.audiences,
    language: provider.languages,
  };
}

function matchesAny(values: readonly string[] | undefined, wanted: readonly string[] | undefined): boolean {
  if (!wanted) return true;
  return (values ?? []).some((value) => wanted.includes(value));
}

/** Filters of a resource that are not facets of the site. */
function otherFilters(resource: Resource, query: ListQuery) {
  const { filters } = query;
  switch (resource) {
    case 'needs':
      return (need: NeedRecord) =>
        matchesAny([need.kind], filters.kind) &&
        matchesAny(need.theme ? [need.theme.slug] : [], filters.theme) &&
        matchesAny([String(need.existing_solution_count > 0)], filters.has_existing_solution);
    case 'solutions':
      return (solution: SolutionRecord) =>
        matchesAny(
          solution.needs.map((need) => need.slug),
          filters.need,
        ) && matchesAny(
          solution.providers.map((provider) => provider.slug),
          filters.provider,
        );
    case 'providers':
      return (provider: ProviderRecord) => matchesAny([provider.kind], filters.kind);
    case 'themes':
      return () => true;
  }
}

function themeMatches(theme: ThemeRecord, q: string): boolean {
  const needle = foldForSorting(q);
  return foldForSorting(`${theme.name} ${theme.description}`).includes(needle);
}

/**
 * The records of `resource` that match `query`, one page of them. `rankedSlugs`: the search
 * results for `q`, best first (themes are matched here, by their name and description).
 */
export function listPage<R extends Resource>(
  resource: R,
  records: Records,
  query: ListQuery,
  rankedSlugs: readonly string[] | null,
): PageOf<RecordOf<R>> {
  let items = records[resource] as RecordOf<R>[];

  if (query.q !== null) {
    if (resource === 'themes') {
      items = items.filter((item) => themeMatches(item as ThemeRecord, query.q!));
    } else {
      const rank = new Map((rankedSlugs ?? []).map((slug, index) => [slug, index]));
      items = items.filter((item) => rank.has(item.slug)).sort((a, b) => rank.get(a.slug)! - rank.get(b.slug)!);
    }
  }

  if (query.modifiedAfter) {
    const after = query.modifiedAfter.getTime();
    items = items.filter((item) => new Date(item.updated_at).getTime() > after);
  }

  const other = otherFilters(resource, query) as (item: RecordOf<R>) => boolean;
  items = items.filter(other);

  const selection = facetSelectionOf(resource, query.filters);
  if (Object.keys(selection).length > 0) {
    const providers = new Map(records.providers.map((provider) => [provider.slug, provider]));
    const solutions = new Map(records.solutions.map((solution) => [solution.slug, solution]));
    const valuesOf = (item: RecordOf<R>): FacetValues =>
      resource === 'solutions'
        ? solutionFacetValues(item as SolutionRecord, providers)
        : providerFacetValues(item as ProviderRecord, solutions);
    items = applyFacets(items, valuesOf, selection, []).items;
  }

  const total = items.length;
  const start = (query.page - 1) * query.perPage;
  return {
    total,
    page: query.page,
    per_page: query.perPage,
    total_pages: Math.ceil(total / query.perPage),
    items: items.slice(start, start + query.perPage),
  };
}
