// One page of a list of the API: filters, search order, `modified_after`, pagination.
// Pure: the records come from the cached dataset, the search order (when `q` is given)
// from lib/search through the data layer.
//
// A list request must not walk the whole directory in depth (10,000 providers): what every
// request would derive from all the records — each entry's facet values, its date, its
// position by slug — is derived once per records object (the records are kept decoded per
// data generation, lib/data/export.ts), and a request only tests those values and copies out
// the page it answers.
import { FACET_KEYS, UNKNOWN, applyFacets, expandRegions, type FacetKey, type FacetSelection, type FacetValues } from '@/lib/facets/facets';
import { foldForSorting } from '@/lib/format';
import type { NeedRecord, PageOf, ProviderRecord, SolutionRecord } from '@/lib/api/schemas';
import type { Records } from '@/lib/api/records';
import { FILTERS, type ListQuery, type Resource } from '@/lib/api/query';

export type RecordOf<R extends Resource> = Records[R][number];

/** What the lists need about the records of one resource, by position in the records. */
type ResourceIndex<T> = {
  items: readonly T[];
  /** 0, 1, …, items.length - 1: the answer's order without `q`. */
  allPositions: readonly number[];
  /** Slug -> position (the first entry with that slug). */
  positionOf: ReadonlyMap<string, number>;
  /** `updated_at` in milliseconds (modified_after). */
  updatedAt: readonly number[];
  /** The site's facet values of each entry (providers and solutions; the others have no facets). */
  facets: readonly FacetValues[];
  /** Facet -> value -> positions of the entries that have it (UNKNOWN: none given), e.g. region -> MONTREAL -> […]. */
  facetPositions: ReadonlyMap<FacetKey, ReadonlyMap<string, readonly number[]>>;
  /** Folded name and description of each theme (themes are searched here, not by lib/search). */
  searchText: readonly string[];
};

export type RecordsIndex = { [R in Resource]: ResourceIndex<RecordOf<R>> };

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

const bySlug = <T extends { slug: string }>(items: readonly T[]) => new Map(items.map((item) => [item.slug, item]));

/** Which entries have each value of each facet, read as applyFacets reads them (no value: UNKNOWN). */
function positionsByFacetValue(facets: readonly FacetValues[]): Map<FacetKey, Map<string, number[]>> {
  const byKey = new Map<FacetKey, Map<string, number[]>>(FACET_KEYS.map((key) => [key, new Map()]));
  facets.forEach((values, position) => {
    for (const key of FACET_KEYS) {
      const given = values[key];
      const own = given && given.length > 0 ? given : [UNKNOWN];
      const byValue = byKey.get(key)!;
      for (const [order, value] of own.entries()) {
        if (own.indexOf(value) !== order) continue; // listed twice: the entry once
        const positions = byValue.get(value);
        if (positions) positions.push(position);
        else byValue.set(value, [position]);
      }
    }
  });
  return byKey;
}

function resourceIndex<T extends { slug: string; updated_at: string }>(
  items: readonly T[],
  extra: Partial<Pick<ResourceIndex<T>, 'facets' | 'searchText'>> = {},
): ResourceIndex<T> {
  const positionOf = new Map<string, number>();
  items.forEach((item, position) => {
    if (!positionOf.has(item.slug)) positionOf.set(item.slug, position);
  });
  const facets = extra.facets ?? [];
  return {
    items,
    allPositions: items.map((_, position) => position),
    positionOf,
    updatedAt: items.map((item) => new Date(item.updated_at).getTime()),
    facets,
    facetPositions: positionsByFacetValue(facets),
    searchText: extra.searchText ?? [],
  };
}

function buildIndex(records: Records): RecordsIndex {
  const providers = bySlug(records.providers);
  const solutions = bySlug(records.solutions);
  return {
    themes: resourceIndex(records.themes, {
      searchText: records.themes.map((theme) => foldForSorting(`${theme.name} ${theme.description}`)),
    }),
    needs: resourceIndex(records.needs),
    solutions: resourceIndex(records.solutions, {
      facets: records.solutions.map((solution) => solutionFacetValues(solution, providers)),
    }),
    providers: resourceIndex(records.providers, {
      facets: records.providers.map((provider) => providerFacetValues(provider, solutions)),
    }),
  };
}

// Keyed by the records object itself: a new generation of the data is a new object, and the
// old one's index goes with it.
const indexes = new WeakMap<Records, RecordsIndex>();

/** The lookups of `records`, derived on first use and kept as long as `records` is. */
export function indexRecords(records: Records): RecordsIndex {
  let index = indexes.get(records);
  if (!index) {
    index = buildIndex(records);
    indexes.set(records, index);
  }
  return index;
}

/** The record of `resource` with this slug, without scanning the list. */
export function findRecord<R extends Resource>(resource: R, records: Records, slug: string): RecordOf<R> | undefined {
  const index = indexRecords(records)[resource] as ResourceIndex<RecordOf<R>>;
  const position = index.positionOf.get(slug);
  return position === undefined ? undefined : index.items[position];
}

function matchesAny(values: readonly string[], wanted: readonly string[]): boolean {
  return values.some((value) => wanted.includes(value));
}

/** Filters of a resource that are not facets of the site, as tests on a record (only those asked for). */
function otherFilters(resource: Resource, query: ListQuery): ((item: never) => boolean)[] {
  const { filters } = query;
  const tests: ((item: never) => boolean)[] = [];
  const add = <T,>(wanted: string[] | undefined, valuesOf: (item: T) => readonly string[]) => {
    if (wanted) tests.push((item: T) => matchesAny(valuesOf(item), wanted));
  };
  switch (resource) {
    case 'needs':
      add(filters.kind, (need: NeedRecord) => [need.kind]);
      add(filters.theme, (need: NeedRecord) => (need.theme ? [need.theme.slug] : []));
      add(filters.has_existing_solution, (need: NeedRecord) => [String(need.existing_solution_count > 0)]);
      break;
    case 'solutions':
      add(filters.need, (solution: SolutionRecord) => solution.needs.map((need) => need.slug));
      add(filters.provider, (solution: SolutionRecord) => solution.providers.map((provider) => provider.slug));
      break;
    case 'providers':
      add(filters.kind, (provider: ProviderRecord) => [provider.kind]);
      break;
    case 'themes':
      break;
  }
  return tests;
}

/** Positions of the records in the answer's order: all of them, or the search's hits best first. */
function candidatePositions(
  index: ResourceIndex<unknown>,
  resource: Resource,
  query: ListQuery,
  rankedSlugs: readonly string[] | null,
): readonly number[] {
  if (query.q === null) return index.allPositions;
  if (resource === 'themes') {
    const needle = foldForSorting(query.q);
    return index.searchText.flatMap((text, position) => (text.includes(needle) ? [position] : []));
  }
  // A slug listed twice ranks where it was last listed (as a Map built from the list says).
  const rank = new Map((rankedSlugs ?? []).map((slug, order) => [slug, order]));
  return [...rank.entries()]
    .sort(([, a], [, b]) => a - b)
    .flatMap(([slug]) => {
      const position = index.positionOf.get(slug);
      return position === undefined ? [] : [position];
    });
}

/**
 * `positions` narrowed to the entries that meet every chosen facet, from the positions listed
 * per facet value (a few thousand for one region) rather than by testing all 10,000 entries.
 */
function narrowByFacets(index: ResourceIndex<unknown>, selection: FacetSelection, positions: readonly number[]): readonly number[] {
  let allowed: Uint8Array | null = null;
  for (const key of FACET_KEYS) {
    const chosen = selection[key];
    if (!chosen || chosen.length === 0) continue;
    const met = new Uint8Array(index.items.length);
    for (const value of chosen) for (const position of index.facetPositions.get(key)?.get(value) ?? []) met[position] = 1;
    if (allowed) for (let position = 0; position < met.length; position += 1) allowed[position] = allowed[position]! & met[position]!;
    else allowed = met;
  }
  const kept = allowed;
  return kept ? positions.filter((position) => kept[position] === 1) : positions;
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
  const index = indexRecords(records)[resource] as ResourceIndex<RecordOf<R>>;
  let positions = candidatePositions(index, resource, query, rankedSlugs);

  // The cheapest test first: whole facet values at once.
  const selection = facetSelectionOf(resource, query.filters);
  const hasFacets = Object.keys(selection).length > 0;
  if (hasFacets) positions = narrowByFacets(index, selection, positions);

  if (query.modifiedAfter) {
    const after = query.modifiedAfter.getTime();
    positions = positions.filter((position) => index.updatedAt[position]! > after);
  }

  const tests = otherFilters(resource, query) as ((item: RecordOf<R>) => boolean)[];
  if (tests.length > 0) positions = positions.filter((position) => tests.every((test) => test(index.items[position]!)));

  if (hasFacets) {
    // The index narrowed, lib/facets decides: the facets' meaning stays in one place.
    positions = applyFacets(positions, (position) => index.facets[position]!, selection, []).items;
  }

  const total = positions.length;
  const start = (query.page - 1) * query.perPage;
  return {
    total,
    page: query.page,
    per_page: query.perPage,
    total_pages: Math.ceil(total / query.perPage),
    items: positions.slice(start, start + query.perPage).map((position) => index.items[position]!),
  };
}

