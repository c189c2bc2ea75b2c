import { describe, expect, it } from 'vitest';
import { UNKNOWN, applyFacets, countSelected, expandRegions, parseFacetSelection, type FacetValues } from '@/lib/facets/facets';

type Item = { name: string; values: FacetValues };
const items: Item[] = [
  { name: 'gratuit-montreal', values: { cost: ['FREE'], region: ['MONTREAL'], kind: ['TRAINING'] } },
  { name: 'payant-montreal', values: { cost: ['PAID'], region: ['MONTREAL'], kind: ['TRAINING', 'COACHING'] } },
  { name: 'gratuit-laval', values: { cost: ['FREE'], region: ['LAVAL'], kind: ['LEGAL'] } },
  { name: 'inconnu', values: { cost: ['UNKNOWN'], kind: ['LEGAL'] } },
];
const run = (selection: Parameters<typeof applyFacets>[2]) => applyFacets(items, (item) => item.values, selection, ['cost', 'region', 'kind']);
const countsOf = (result: ReturnType<typeof run>, key: string) =>
  Object.fromEntries(result.groups.find((group) => group.key === key)?.options.map((option) => [option.value, option.count]) ?? []);

describe('filtres à facettes', () => {
  it('sans filtre, garde tout et compte chaque valeur, y compris « non précisé »', () => {
    const result = run({});
    expect(result.items).toHaveLength(4);
    expect(countsOf(result, 'cost')).toEqual({ FREE: 2, PAID: 1, UNKNOWN: 1 });
    expect(countsOf(result, 'region')).toEqual({ MONTREAL: 2, LAVAL: 1, [UNKNOWN]: 1 });
  });

  it('combine les facettes (ET) et les valeurs d’une facette (OU)', () => {
    expect(run({ cost: ['FREE'], region: ['MONTREAL'] }).items.map((item) => item.name)).toEqual(['gratuit-montreal']);
    expect(run({ region: ['MONTREAL', 'LAVAL'] }).items.map((item) => item.name)).toEqual(['gratuit-montreal', 'payant-montreal', 'gratuit-laval']);
  });

  it('compte chaque option comme si on l’ajoutait aux autres filtres', () => {
    const result = run({ cost: ['FREE'] });
    // Region counts respect the cost filter; cost counts ignore their own facet.
    expect(countsOf(result, 'region')).toEqual({ MONTREAL: 1, LAVAL: 1 });
    expect(countsOf(result, 'cost')).toEqual({ FREE: 2, PAID: 1, UNKNOWN: 1 });
    expect(result.groups.find((group) => group.key === 'cost')?.options.find((option) => option.value === 'FREE')?.isSelected).toBe(true);
  });

  it('compte une entrée une fois par valeur, même listée deux fois, et trie les langues (vocabulaire ouvert)', () => {
    const listed: Item[] = [
      { name: 'doublons', values: { region: ['MONTREAL', 'MONTREAL', 'LAVAL'], language: ['fr', 'fr', 'en'] } },
      { name: 'sans-langue', values: { region: ['LAVAL'] } },
      { name: 'allemand', values: { region: [], language: ['de'] } },
    ];
    const result = applyFacets(listed, (item) => item.values, {}, ['region', 'language']);
    expect(countsOf(result, 'region')).toEqual({ MONTREAL: 1, LAVAL: 2, [UNKNOWN]: 1 });
    const languages = result.groups.find((group) => group.key === 'language')?.options.map((option) => [option.value, option.count]);
    expect(languages).toEqual([['de', 1], ['en', 1], ['fr', 1], [UNKNOWN, 1]]);
    // The same values object counted again (memoized per entry by callers) gives the same counts.
    expect(countsOf(applyFacets(listed, (item) => item.values, {}, ['region', 'language']), 'region')).toEqual({ MONTREAL: 1, LAVAL: 2, [UNKNOWN]: 1 });
  });

  it('garde visible une option choisie même à zéro', () => {
    const result = run({ cost: ['PAID'], kind: ['LEGAL'] });
    expect(result.items).toEqual([]);
    const paid = result.groups.find((group) => group.key === 'cost')?.options.find((option) => option.value === 'PAID');
    expect(paid).toMatchObject({ count: 0, isSelected: true });
  });

  it('lit les filtres de l’adresse et ignore le reste', () => {
    const selection = parseFacetSelection({ cout: ['FREE', 'GRATIS', 'FREE'], region: 'MONTREAL', langue: ['fr', '<script>', 'en'], aide: "'; --" });
    expect(selection).toEqual({ cost: ['FREE'], region: ['MONTREAL'], language: ['fr', 'en'] });
    expect(countSelected(selection)).toBe(4);
  });

  it('un fournisseur de tout le Québec dessert chaque région', () => {
    const regions = expandRegions(['ALL_QUEBEC']);
    expect(regions).toContain('ESTRIE');
    expect(regions).toContain('ALL_QUEBEC');
    expect(regions).not.toContain('ONLINE');
    expect(expandRegions(['LAVAL'])).toEqual(['LAVAL']);
  });
});
