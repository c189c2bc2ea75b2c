// The API's lists answer from lookups derived once per records object (lib/api/list.ts), and
// the records are built by grouping each relation once (lib/api/records.ts). Both must answer
// exactly what a plain scan of the dataset answers: checked here against straightforward
// reference scans, on a generated dataset with the awkward cases (no region, all Québec,
// a provider named twice in a solution, several roles, links both ways, sub-points).
import { describe, expect, it } from 'vitest';
import { Audience, Availability, CostOption, HelpKind, NeedKind, ProviderKind, ProviderRole, Region, ServiceFormat } from '@/lib/generated/prisma/enums';
import { applyFacets, expandRegions, type FacetSelection, type FacetValues } from '@/lib/facets/facets';
import { foldForSorting } from '@/lib/format';
import { findRecord, indexRecords, listPage } from '@/lib/api/list';
import { FILTERS, parseListQuery, type ListQuery, type Resource } from '@/lib/api/query';
import { toRecords, type Records } from '@/lib/api/records';
import type { NeedRecord, ProviderRecord, SolutionRecord } from '@/lib/api/schemas';
import type { Dataset, DatasetProvider, DatasetSolution } from '@/lib/export/types';
import { createRandom } from '@/scripts/lib/synthetic-dataset';

const SITE = 'https://repertoire.example.org';

function generatedDataset(seed: number): Dataset {
  const random = createRandom(seed);
  const pick = <T,>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  const some = <T,>(values: readonly T[], max: number): T[] => [...new Set(Array.from({ length: Math.floor(random() * (max + 1)) }, () => pick(values)))];
  const date = () => new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 700) * 86_400_000).toISOString();
  const dates = () => ({ createdAt: date(), updatedAt: date(), verifiedAt: random() < 0.5 ? date() : null, toVerify: random() < 0.2, verifyNote: '' });

  const themes = Array.from({ length: 4 }, (_, n) => ({
    id: `t${n}`, slug: `theme-${n}`, name: `Thème ${n} numérique`, description: n % 2 ? 'Sécurité des données' : '', position: n, createdAt: date(), updatedAt: date(),
  }));
  const providers: DatasetProvider[] = Array.from({ length: 120 }, (_, n) => ({
    id: `p${n}`, slug: `fournisseur-${n}`, name: `Fournisseur ${n}`, alternateName: '', kind: pick(Object.values(ProviderKind)), description: '',
    website: '', email: '', phone: '', streetAddress: '', municipality: '', postalCode: '', verifiedBy: 'NONE',
    regions: random() < 0.1 ? [Region.ALL_QUEBEC] : some(Object.values(Region), 3),
    audiences: some(Object.values(Audience), 2), cost: pick(Object.values(CostOption)), formats: some(Object.values(ServiceFormat), 2),
    languages: some(['fr', 'en', 'es'], 2), ...dates(),
  }));
  const solutions: DatasetSolution[] = Array.from({ length: 60 }, (_, n) => ({
    id: `s${n}`, slug: `solution-${n}`, title: `Solution ${n}`, description: '', availability: pick(Object.values(Availability)),
    kinds: some(Object.values(HelpKind), 2), cost: pick(Object.values(CostOption)), inferredFields: n % 3 === 0 ? ['KINDS'] : [], parentSlug: n > 5 && random() < 0.2 ? `solution-${n % 5}` : null,
    needSlugs: some(Array.from({ length: 30 }, (_, k) => `besoin-${k}`), 2),
    // The same provider may come back with another role, or the same one twice.
    providers: Array.from({ length: Math.floor(random() * 5) }, () => ({ providerSlug: `fournisseur-${Math.floor(random() * 40)}`, role: pick(Object.values(ProviderRole)), isRoleInferred: n % 4 === 0 })),
    ...dates(),
  }));
  const needs = Array.from({ length: 30 }, (_, n) => ({
    id: `n${n}`, slug: `besoin-${n}`, kind: pick(Object.values(NeedKind)), title: `Besoin ${n}`, description: '', note: '', position: n,
    themeSlug: random() < 0.8 ? pick(themes).slug : null,
    solutionSlugs: solutions.filter((solution) => solution.needSlugs.includes(`besoin-${n}`)).map((solution) => solution.slug),
    ...dates(),
  }));
  const needLinks = Array.from({ length: 25 }, () => ({ fromSlug: pick(needs).slug, toSlug: pick(needs).slug, note: 'Lié à…' }));
  return { themes, needs, needLinks, solutions, providers, lastModified: date() };
}

// The lists as plain scans of the records (what lib/api/list.ts did for every request).
function referencePage(resource: Resource, records: Records, query: ListQuery, rankedSlugs: readonly string[] | null) {
  const unique = <T,>(values: T[]): T[] => [...new Set(values)];
  const matchesAny = (values: string[], wanted: string[] | undefined) => !wanted || values.some((value) => wanted.includes(value));
  const { filters } = query;
  let items = records[resource] as { slug: string; updated_at: string }[];
  if (query.q !== null) {
    if (resource === 'themes') {
      items = records.themes.filter((theme) => foldForSorting(`${theme.name} ${theme.description}`).includes(foldForSorting(query.q!)));
    } else {
      const rank = new Map((rankedSlugs ?? []).map((slug, index) => [slug, index]));
      items = items.filter((item) => rank.has(item.slug)).sort((a, b) => rank.get(a.slug)! - rank.get(b.slug)!);
    }
  }
  if (query.modifiedAfter) items = items.filter((item) => new Date(item.updated_at).getTime() > query.modifiedAfter!.getTime());
  items = items.filter((item) => {
    switch (resource) {
      case 'needs': {
        const need = item as NeedRecord;
        return matchesAny([need.kind], filters.kind) && matchesAny(need.theme ? [need.theme.slug] : [], filters.theme) &&
          matchesAny([String(need.existing_solution_count > 0)], filters.has_existing_solution);
      }
      case 'solutions': {
        const solution = item as SolutionRecord;
        return matchesAny(solution.needs.map((n) => n.slug), filters.need) && matchesAny(solution.providers.map((p) => p.slug), filters.provider);
      }
      case 'providers':
        return matchesAny([(item as ProviderRecord).kind], filters.kind);
      default:
        return true;
    }
  });
  const selection: FacetSelection = {};
  for (const [name, definition] of Object.entries(FILTERS[resource])) if (definition.facet && filters[name]) selection[definition.facet] = filters[name];
  if (Object.keys(selection).length > 0) {
    const providers = new Map(records.providers.map((provider) => [provider.slug, provider]));
    const solutions = new Map(records.solutions.map((solution) => [solution.slug, solution]));
    const valuesOf = (item: { slug: string }): FacetValues => {
      if (resource === 'solutions') {
        const solution = item as SolutionRecord;
        const linked = solution.providers.map((link) => providers.get(link.slug)).filter((p): p is ProviderRecord => p !== undefined);
        return {
          availability: [solution.availability], kind: solution.kinds,
          cost: solution.cost !== 'UNKNOWN' ? [solution.cost] : unique(linked.map((p) => p.cost).filter((cost) => cost !== 'UNKNOWN')),
          region: unique(linked.flatMap((p) => expandRegions(p.regions))), format: unique(linked.flatMap((p) => p.formats)),
          audience: unique(linked.flatMap((p) => p.audiences)), language: unique(linked.flatMap((p) => p.languages)),
        };
      }
      const provider = item as ProviderRecord;
      const offered = provider.solutions.map((link) => solutions.get(link.slug)).filter((s): s is SolutionRecord => s !== undefined);
      return {
        availability: unique(offered.map((s) => s.availability)), kind: unique(offered.flatMap((s) => s.kinds)), cost: [provider.cost],
        region: expandRegions(provider.regions), format: provider.formats, audience: provider.audiences, language: provider.languages,
      };
    };
    items = applyFacets(items, valuesOf, selection, []).items;
  }
  const start = (query.page - 1) * query.perPage;
  return {
    total: items.length, page: query.page, per_page: query.perPage, total_pages: Math.ceil(items.length / query.perPage),
    items: items.slice(start, start + query.perPage),
  };
}

function parsed(resource: Resource, search: string): ListQuery {
  const result = parseListQuery(resource, new URLSearchParams(search));
  if (!result.ok) throw new Error(`${search}: ${JSON.stringify(result.errors)}`);
  return result.query;
}

/** Every filter value alone, pairs of values, several filters together, pages, dates and searches. */
function queriesFor(resource: Resource, records: Records): string[] {
  const slugsOf = (name: string) =>
    (name === 'theme' ? records.themes : name === 'need' ? records.needs : records.providers).slice(0, 6).map((item) => item.slug);
  const queries = ['', 'per_page=7&page=2', 'page=999', 'modified_after=2025-09-01', 'modified_after=2026-01-15T10:00:00-05:00'];
  const perFilter: string[][] = [];
  for (const [name, definition] of Object.entries(FILTERS[resource])) {
    const values = definition.values === 'slug' ? slugsOf(name) : definition.values === 'language' ? ['fr', 'en', 'de', 'UNKNOWN'] : [...definition.values];
    perFilter.push(values.map((value) => `${name}=${value}`));
    for (const value of values) queries.push(`${name}=${value}&per_page=100`);
    queries.push(`${name}=${values.slice(0, 3).join(',')}&per_page=5&page=2`);
  }
  for (let n = 0; n + 1 < perFilter.length; n += 1) {
    queries.push(`${perFilter[n]![0]}&${perFilter[n + 1]![1] ?? perFilter[n + 1]![0]}&per_page=100`);
    queries.push(`${perFilter[n]!.slice(0, 2).join('&')}&${perFilter[n + 1]![0]}&modified_after=2025-06-01&per_page=100`);
  }
  if (resource === 'themes') queries.push('q=numerique', 'q=SÉCURITÉ', 'q=absent');
  else queries.push('q=x&per_page=100', 'q=x&per_page=3&page=2', 'q=x&modified_after=2025-09-01', ...perFilter.map((values) => `q=x&${values[0]}&per_page=100`));
  return queries;
}

describe('API lists from the derived lookups', () => {
  for (const seed of [1, 2, 3]) {
    it(`answer what a scan of the records answers (generated dataset ${seed})`, () => {
      const records = toRecords(generatedDataset(seed), SITE);
      for (const resource of ['needs', 'solutions', 'providers', 'themes'] as const) {
        const slugs = (records[resource] as { slug: string }[]).map((item) => item.slug);
        // Search hits best first, with an unknown slug and one listed twice.
        const ranked = [...slugs.filter((_, n) => n % 3 === 0).reverse(), 'inconnu', slugs[3]!];
        for (const search of queriesFor(resource, records)) {
          const query = parsed(resource, search);
          const hits = query.q !== null && resource !== 'themes' ? ranked : null;
          expect(listPage(resource, records, query, hits), `${resource}?${search}`).toEqual(referencePage(resource, records, query, hits));
        }
      }
    });
  }

  it('find one entry by slug, and derive the lookups once per records object', () => {
    const records = toRecords(generatedDataset(4), SITE);
    expect(findRecord('providers', records, 'fournisseur-7')).toBe(records.providers.find((item) => item.slug === 'fournisseur-7'));
    expect(findRecord('themes', records, 'theme-2')?.slug).toBe('theme-2');
    expect(findRecord('needs', records, 'inconnu')).toBeUndefined();
    expect(indexRecords(records)).toBe(indexRecords(records));
    expect(indexRecords(toRecords(generatedDataset(4), SITE))).not.toBe(indexRecords(records));
  });
});

describe('API records built by grouping', () => {
  it('link entries as a scan of the dataset does', () => {
    const dataset = generatedDataset(5);
    const records = toRecords(dataset, SITE);
    const order: Record<string, number> = { OFFERS: 0, FUNDS: 1, PARTNERS: 2, CITED: 3, APPROACHED: 4 };
    const sorted = <T extends string>(roles: T[]) => [...new Set(roles)].sort((a, b) => order[a]! - order[b]!);
    for (const provider of records.providers) {
      const expected = dataset.solutions
        .map((solution) => {
          const links = solution.providers.filter((link) => link.providerSlug === provider.slug);
          return { solution, roles: sorted(links.map((link) => link.role)), inferred: sorted(links.filter((link) => link.isRoleInferred).map((link) => link.role)) };
        })
        .filter(({ roles }) => roles.length > 0)
        .map(({ solution, roles, inferred }) => ({ slug: solution.slug, title: solution.title, availability: solution.availability, roles, inferred_roles: inferred }));
      expect(provider.solutions, provider.slug).toEqual(expected);
    }
    expect(records.providers.some((provider) => provider.solutions.some((link) => link.roles.length > 1))).toBe(true);
    for (const theme of records.themes) {
      expect(theme.needs.map((need) => need.slug)).toEqual(dataset.needs.filter((need) => need.themeSlug === theme.slug).map((need) => need.slug));
    }
    const positionOf = new Map(dataset.needs.map((need) => [need.slug, need.position]));
    for (const need of records.needs) {
      const expected = [
        ...dataset.needLinks.filter((link) => link.fromSlug === need.slug).map((link) => ({ slug: link.toSlug, direction: 'to' })),
        ...dataset.needLinks.filter((link) => link.toSlug === need.slug).map((link) => ({ slug: link.fromSlug, direction: 'from' })),
      ].sort((a, b) => positionOf.get(a.slug)! - positionOf.get(b.slug)!);
      expect(need.related.map(({ slug, direction }) => ({ slug, direction })), need.slug).toEqual(expected);
    }
    for (const solution of records.solutions) {
      const children = dataset.solutions
        .filter((child) => child.parentSlug === solution.slug)
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((child) => child.slug);
      expect(solution.children.map((child) => child.slug)).toEqual(children);
    }
  });
});
