// Query strings of the API's lists, read strictly: an unknown parameter or value is a 400
// with the reason (a typo must not silently return everything). The same definitions
// describe the parameters in the OpenAPI document (lib/api/openapi.ts).
import { z } from 'zod';
import { FACETS, UNKNOWN, type FacetKey } from '@/lib/facets/facets';
import { MAX_QUERY_LENGTH, normalizeQuery } from '@/lib/search/normalize';
import { NeedKind, ProviderKind } from '@/lib/generated/prisma/enums';

export const RESOURCES = ['needs', 'solutions', 'providers', 'themes'] as const;
export type Resource = (typeof RESOURCES)[number];

export const DEFAULT_PER_PAGE = 20;
export const MAX_PER_PAGE = 100;

export type ParamError = { parameter: string; detail: string };

/** A filter parameter: its allowed values (codes), or slugs / language codes. */
export type FilterDefinition = {
  description: string;
  values: readonly string[] | 'slug' | 'language';
  /** Same meaning and values as this facet of the site's filters (lib/facets/facets.ts). */
  facet?: FacetKey;
};

const facetValues = (key: FacetKey) => FACETS[key].values ?? 'language';
const facetFilter = (key: FacetKey, description: string): FilterDefinition => ({ description, values: facetValues(key), facet: key });

const solutionFacetFilters = {
  availability: facetFilter('availability', 'Solutions qui existent déjà (EXISTING), idées pas encore offertes (PROPOSED) ou solutions dont l’existence est à confirmer (UNCONFIRMED).'),
  help_kind: facetFilter('kind', 'Type d’aide.'),
  cost: facetFilter('cost', 'Coût (celui de la solution, sinon celui de ses fournisseurs ; UNKNOWN : non précisé).'),
  region: facetFilter('region', 'Région desservie par un fournisseur (ALL_QUEBEC couvre chaque région ; UNKNOWN : non précisée).'),
  format: facetFilter('format', 'Format offert par un fournisseur (UNKNOWN : non précisé).'),
  audience: facetFilter('audience', 'Public visé par un fournisseur (UNKNOWN : non précisé).'),
  language: facetFilter('language', 'Langue d’un fournisseur, code ISO 639-1 (UNKNOWN : non précisée).'),
} satisfies Record<string, FilterDefinition>;

export const FILTERS: Record<Resource, Record<string, FilterDefinition>> = {
  needs: {
    kind: { description: 'Besoin (NEED) ou enjeu (ISSUE).', values: Object.values(NeedKind) },
    theme: { description: 'Identifiant (slug) du thème.', values: 'slug' },
    has_existing_solution: {
      description: 'true : besoins qui ont au moins une solution existante ; false : ceux qui n’en ont aucune.',
      values: ['true', 'false'],
    },
  },
  solutions: {
    ...solutionFacetFilters,
    need: { description: 'Identifiant (slug) d’un besoin auquel la solution est rattachée.', values: 'slug' },
    provider: { description: 'Identifiant (slug) d’un fournisseur de la solution.', values: 'slug' },
  },
  providers: {
    kind: { description: 'Organisme (ORGANIZATION) ou programme (PROGRAM).', values: Object.values(ProviderKind) },
    availability: facetFilter('availability', 'Fournisseurs d’au moins une solution qui existe déjà (EXISTING), une idée pas encore offerte (PROPOSED) ou une solution dont l’existence est à confirmer (UNCONFIRMED).'),
    help_kind: facetFilter('kind', 'Type d’aide d’au moins une de ses solutions.'),
    cost: facetFilter('cost', 'Coût.'),
    region: facetFilter('region', 'Région desservie (ALL_QUEBEC couvre chaque région ; UNKNOWN : non précisée).'),
    format: facetFilter('format', 'Format (UNKNOWN : non précisé).'),
    audience: facetFilter('audience', 'Public visé (UNKNOWN : non précisé).'),
    language: facetFilter('language', 'Langue, code ISO 639-1 (UNKNOWN : non précisée).'),
  },
  themes: {},
};

export const COMMON_PARAMETERS = ['q', 'modified_after', 'page', 'per_page'] as const;

export type ListQuery = {
  /** Normalised search text, or null. */
  q: string | null;
  modifiedAfter: Date | null;
  page: number;
  perPage: number;
  /** Filter parameter -> accepted values (alternatives). */
  filters: Record<string, string[]>;
};

export type ParseResult = { ok: true; query: ListQuery } | { ok: false; errors: ParamError[] };

const slugValue = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const languageValue = /^[a-z]{2,3}$/;
// A date (midnight UTC that day) or a date and time with its offset.
const modifiedAfterSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);
const MAX_VALUES = 40;

function integerParam(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,9}$/.test(raw)) return null;
  const value = Number(raw);
  return value >= min && value <= max ? value : null;
}

/** Repeated parameters and comma-separated values both mean "any of these". */
function valuesOf(params: URLSearchParams, name: string): string[] {
  return params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);
}

function checkValue(definition: FilterDefinition, value: string): boolean {
  if (definition.values === 'slug') return value.length <= 120 && slugValue.test(value);
  if (definition.values === 'language') return value === UNKNOWN || languageValue.test(value);
  return definition.values.includes(value);
}

function allowedText(definition: FilterDefinition): string {
  if (definition.values === 'slug') return 'un identifiant (slug) : lettres minuscules, chiffres et traits d’union';
  if (definition.values === 'language') return 'un code de langue ISO 639-1 (p. ex. fr, en) ou UNKNOWN';
  return `une de ces valeurs : ${definition.values.join(', ')}`;
}

export function parseListQuery(resource: Resource, params: URLSearchParams): ParseResult {
  const errors: ParamError[] = [];
  const filterDefinitions = FILTERS[resource];
  const known = new Set<string>([...COMMON_PARAMETERS, ...Object.keys(filterDefinitions)]);

  for (const name of new Set(params.keys())) {
    if (!known.has(name)) {
      errors.push({ parameter: name, detail: `Paramètre inconnu. Paramètres acceptés ici : ${[...known].join(', ')}.` });
    }
  }
  for (const name of ['q', 'modified_after', 'page', 'per_page']) {
    if (params.getAll(name).length > 1) errors.push({ parameter: name, detail: 'Ce paramètre ne peut être donné qu’une fois.' });
  }

  let q: string | null = null;
  const rawQ = params.get('q');
  if (rawQ !== null) {
    if (Array.from(rawQ).length > MAX_QUERY_LENGTH * 2) {
      errors.push({ parameter: 'q', detail: `La recherche est trop longue (${MAX_QUERY_LENGTH} caractères au plus).` });
    } else {
      q = normalizeQuery(rawQ) || null;
    }
  }

  let modifiedAfter: Date | null = null;
  const rawModified = params.get('modified_after');
  if (rawModified !== null) {
    const parsed = modifiedAfterSchema.safeParse(rawModified);
    if (parsed.success) {
      modifiedAfter = new Date(/^\d{4}-\d{2}-\d{2}$/.test(parsed.data) ? `${parsed.data}T00:00:00Z` : parsed.data);
    } else {
      errors.push({
        parameter: 'modified_after',
        detail: 'Date attendue au format ISO 8601 : AAAA-MM-JJ (minuit UTC) ou AAAA-MM-JJThh:mm:ssZ (ou avec un décalage, p. ex. -05:00).',
      });
    }
  }

  let page = 1;
  const rawPage = params.get('page');
  if (rawPage !== null) {
    const value = integerParam(rawPage, 1, 100_000);
    if (value === null) errors.push({ parameter: 'page', detail: 'Nombre entier attendu, à partir de 1.' });
    else page = value;
  }

  let perPage = DEFAULT_PER_PAGE;
  const rawPerPage = params.get('per_page');
  if (rawPerPage !== null) {
    const value = integerParam(rawPerPage, 1, MAX_PER_PAGE);
    if (value === null) errors.push({ parameter: 'per_page', detail: `Nombre entier attendu, de 1 à ${MAX_PER_PAGE}.` });
    else perPage = value;
  }

  const filters: Record<string, string[]> = {};
  for (const [name, definition] of Object.entries(filterDefinitions)) {
    const values = valuesOf(params, name);
    if (params.has(name) && values.length === 0) {
      errors.push({ parameter: name, detail: `Valeur manquante : ${allowedText(definition)}.` });
      continue;
    }
    if (values.length === 0) continue;
    if (values.length > MAX_VALUES) {
      errors.push({ parameter: name, detail: `Au plus ${MAX_VALUES} valeurs.` });
      continue;
    }
    const refused = values.filter((value) => !checkValue(definition, value));
    if (refused.length > 0) {
      errors.push({ parameter: name, detail: `Valeur refusée : ${refused.join(', ')}. Attendu : ${allowedText(definition)}.` });
      continue;
    }
    filters[name] = [...new Set(values)];
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, query: { q, modifiedAfter, page, perPage, filters } };
}
