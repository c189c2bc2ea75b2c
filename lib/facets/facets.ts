// Faceted filtering shared by the provider list, need pages and search results.
// Within one facet the chosen values are alternatives (OR); facets combine (AND).
// Each option's count is what the list would hold if that option were added, given the
// other facets' choices (disjunctive faceting), so a count never promises an empty page.
import { z } from 'zod';
import { Audience, Availability, CostOption, HelpKind, Region, ServiceFormat } from '@/lib/generated/prisma/enums';
import {
  audienceLabels,
  availabilityLabels,
  costLabels,
  formatLabels,
  helpKindLabels,
  languageLabel,
  regionLabels,
} from '@/lib/labels';

/** Value of an entry that says nothing for a facet (e.g. no region given). */
export const UNKNOWN = 'UNKNOWN';

type FacetDefinition = {
  /** Query-string parameter, in French since it shows in shared links. */
  param: string;
  label: string;
  /** Allowed values in display order, or null for open vocabularies (languages). */
  values: readonly string[] | null;
  labelOf(value: string): string;
};

const enumLabel = (labels: Record<string, string>) => (value: string) =>
  value === UNKNOWN ? 'Non précisé' : (labels[value] ?? value);

export const FACETS = {
  availability: {
    param: 'statut',
    label: 'Statut',
    values: Object.values(Availability),
    labelOf: enumLabel(availabilityLabels),
  },
  kind: { param: 'aide', label: 'Type d’aide', values: Object.values(HelpKind), labelOf: enumLabel(helpKindLabels) },
  cost: {
    param: 'cout',
    label: 'Coût',
    values: Object.values(CostOption),
    labelOf: (value: string) => (value === CostOption.UNKNOWN ? 'Non précisé' : costLabels[value as CostOption]),
  },
  region: {
    param: 'region',
    label: 'Région',
    values: [...Object.values(Region), UNKNOWN],
    labelOf: enumLabel(regionLabels),
  },
  format: { param: 'format', label: 'Format', values: [...Object.values(ServiceFormat), UNKNOWN], labelOf: enumLabel(formatLabels) },
  audience: { param: 'pour', label: 'Pour qui', values: [...Object.values(Audience), UNKNOWN], labelOf: enumLabel(audienceLabels) },
  language: {
    param: 'langue',
    label: 'Langue',
    values: null,
    labelOf: (value: string) => (value === UNKNOWN ? 'Non précisé' : languageLabel(value)),
  },
} as const satisfies Record<string, FacetDefinition>;

export type FacetKey = keyof typeof FACETS;
export const FACET_KEYS = Object.keys(FACETS) as FacetKey[];

export type FacetValues = Partial<Record<FacetKey, string[]>>;
export type FacetSelection = Partial<Record<FacetKey, string[]>>;

export type FacetOption = { value: string; label: string; count: number; isSelected: boolean };
export type FacetGroup = { key: FacetKey; param: string; label: string; options: FacetOption[] };

const languageCode = z.string().regex(/^[a-z]{2,3}$/);

/** Reads the facets present in a query string; unknown or malformed values are dropped. */
export function parseFacetSelection(
  searchParams: Record<string, string | string[] | undefined>,
  keys: readonly FacetKey[] = FACET_KEYS,
): FacetSelection {
  const selection: FacetSelection = {};
  for (const key of keys) {
    const facet: FacetDefinition = FACETS[key];
    const raw = searchParams[facet.param];
    const values = (raw === undefined ? [] : Array.isArray(raw) ? raw : [raw]).slice(0, 40);
    const allowed = values.filter((value) =>
      facet.values ? facet.values.includes(value) : value === UNKNOWN || languageCode.safeParse(value).success,
    );
    if (allowed.length > 0) selection[key] = [...new Set(allowed)];
  }
  return selection;
}

export function countSelected(selection: FacetSelection): number {
  return Object.values(selection).reduce((sum, values) => sum + (values?.length ?? 0), 0);
}

function valuesOf(values: FacetValues, key: FacetKey): readonly string[] {
  const own = values[key];
  return own && own.length > 0 ? own : [UNKNOWN];
}

/** The facets whose choice this entry does not satisfy: none = kept; exactly one = counted in that facet. */
function unmetFacets(values: FacetValues, chosenFacets: readonly [FacetKey, string[]][]): FacetKey[] {
  const unmet: FacetKey[] = [];
  for (const [key, chosen] of chosenFacets) {
    const own = valuesOf(values, key);
    if (!chosen.some((value) => own.includes(value))) {
      unmet.push(key);
      // Two unmet facets: neither the list nor any count includes this entry.
      if (unmet.length > 1) break;
    }
  }
  return unmet;
}

// Counting is the hot part of /recherche's filters (thousands of matches, seven facets, up to
// eighteen regions each): values are counted by small integer ids, and each entry's values are
// deduplicated once, kept with its FacetValues object (which callers memoize per entry).
const idByValue = new Map<string, number>();
const valueById: string[] = [];
const distinctIds = new WeakMap<FacetValues, Partial<Record<FacetKey, readonly number[]>>>();

function idOf(value: string): number {
  let id = idByValue.get(value);
  if (id === undefined) {
    id = valueById.length;
    valueById.push(value);
    idByValue.set(value, id);
  }
  return id;
}

/** The ids of an entry's values for one facet, each once (UNKNOWN when it has none). */
function distinctIdsOf(values: FacetValues, key: FacetKey): readonly number[] {
  let byKey = distinctIds.get(values);
  if (!byKey) {
    byKey = {};
    distinctIds.set(values, byKey);
  }
  let ids = byKey[key];
  if (!ids) {
    ids = [...new Set(valuesOf(values, key))].map(idOf);
    byKey[key] = ids;
  }
  return ids;
}

/**
 * Filters `items` by `selection` and counts every option of the facets in `keys`.
 * One pass over the items (it runs on 10,000 providers per request): each entry is kept when it
 * meets every chosen facet, and counts in a facet's options when it meets all the others.
 */
export function applyFacets<T>(
  items: readonly T[],
  valuesOfItem: (item: T) => FacetValues,
  selection: FacetSelection,
  keys: readonly FacetKey[] = FACET_KEYS,
): { items: T[]; groups: FacetGroup[] } {
  const chosenFacets = FACET_KEYS.flatMap((key): [FacetKey, string[]][] => {
    const chosen = selection[key];
    return chosen && chosen.length > 0 ? [[key, chosen]] : [];
  });
  // For each facet, how many entries have each value id.
  const counts = new Map<FacetKey, number[]>(keys.map((key) => [key, []]));
  const count = (key: FacetKey, values: FacetValues): void => {
    const byId = counts.get(key);
    if (!byId) return;
    for (const id of distinctIdsOf(values, key)) byId[id] = (byId[id] ?? 0) + 1;
  };

  const kept: T[] = [];
  for (const item of items) {
    const values = valuesOfItem(item);
    const unmet = chosenFacets.length === 0 ? [] : unmetFacets(values, chosenFacets);
    if (unmet.length === 0) {
      kept.push(item);
      for (const key of keys) count(key, values);
    } else if (unmet.length === 1) {
      count(unmet[0]!, values);
    }
  }

  const groups = keys.map((key): FacetGroup => {
    const facet: FacetDefinition = FACETS[key];
    const facetCounts = new Map<string, number>();
    (counts.get(key) ?? []).forEach((total, id) => {
      if (total > 0) facetCounts.set(valueById[id]!, total);
    });
    const chosen = selection[key] ?? [];
    const order = facet.values ?? [...facetCounts.keys()].sort((a, b) => (a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : a.localeCompare(b)));
    const options = order
      .filter((value) => (facetCounts.get(value) ?? 0) > 0 || chosen.includes(value))
      .map((value) => ({ value, label: facet.labelOf(value), count: facetCounts.get(value) ?? 0, isSelected: chosen.includes(value) }));
    return { key, param: facet.param, label: facet.label, options };
  });

  // A group that offers only « Non précisé » filters nothing useful: it is shown only once chosen.
  return { items: kept, groups: groups.filter((group) => group.options.some((option) => option.value !== UNKNOWN || option.isSelected)) };
}

/** A provider serving "Tout le Québec" serves each region too. */
export function expandRegions(regions: readonly Region[]): string[] {
  if (!regions.includes(Region.ALL_QUEBEC)) return [...regions];
  return [...new Set([...regions, ...Object.values(Region).filter((region) => region !== Region.ONLINE)])];
}
