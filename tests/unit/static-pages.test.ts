import { describe, expect, it } from 'vitest';
import { FACETS } from '@/lib/facets/facets';
import { PAGE_QUERY_PARAMS, resolveStaticPage, staticPageHeaders, staticPageRewrites } from '@/lib/cache/static-pages';

describe('pages servies depuis le cache de Next', () => {
  it('retrouve la page d’un chemin en cache', () => {
    expect(resolveStaticPage(['accueil'])).toEqual({ name: 'home' });
    expect(resolveStaticPage(['besoins'])).toEqual({ name: 'needs' });
    expect(resolveStaticPage(['fournisseurs', 'la-puce'])).toEqual({ name: 'provider', slug: 'la-puce' });
    expect(resolveStaticPage(['solutions'])).toEqual({ name: 'solutions' });
    for (const segments of [['recherche'], ['accueil', 'x'], ['besoins', 'x', 'y'], ['besoins', 'Majuscules'], ['besoins', 'a b'], ['themes', 'x'], []]) {
      expect(resolveStaticPage(segments), segments.join('/')).toBeNull();
    }
  });

  it('ne met en cache que les requêtes sans panier ni paramètre qui change la page', () => {
    const rewrites = staticPageRewrites();
    expect(rewrites.map((rule) => rule.source)).toEqual(expect.arrayContaining(['/', '/besoins', '/fournisseurs/:slug([a-z0-9]+(?:-[a-z0-9]+)*)']));
    for (const rule of rewrites) {
      expect(rule.destination.startsWith('/statique/')).toBe(true);
      expect(rule.missing).toContainEqual({ type: 'cookie', key: 'panier' });
      expect(rule.missing).toContainEqual({ type: 'header', key: 'next-action' });
      for (const key of PAGE_QUERY_PARAMS) expect(rule.missing).toContainEqual({ type: 'query', key });
    }
    // The same requests, and only those, get the no-cache header.
    expect(staticPageHeaders().map((rule) => [rule.source, rule.missing])).toEqual(rewrites.map((rule) => [rule.source, rule.missing]));
  });

  it('connaît chaque paramètre des filtres : un filtre oublié servirait la page non filtrée', () => {
    const facetParams = Object.values(FACETS).map((facet) => facet.param);
    expect([...PAGE_QUERY_PARAMS].sort()).toEqual(['page', ...facetParams].sort());
  });
});
