import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import { FACETS } from '@/lib/facets/facets';
import { PAGE_QUERY_PARAMS, resolveStaticPage, staticPageHeaders, staticPageRewrites } from '@/lib/cache/static-pages';

describe('pages servies depuis le cache de Next', () => {
  it('retrouve la page d’un chemin en cache', () => {
    expect(resolveStaticPage(['accueil'])).toEqual({ name: 'home' });
    expect(resolveStaticPage(['besoins'])).toEqual({ name: 'needs' });
    expect(resolveStaticPage(['fournisseurs', 'la-puce'])).toEqual({ name: 'provider', slug: 'la-puce' });
    expect(resolveStaticPage(['solutions'])).toEqual({ name: 'solutions' });
    expect(resolveStaticPage(['introuvable'])).toEqual({ name: 'not-found' });
    for (const segments of [['recherche'], ['accueil', 'x'], ['besoins', 'x', 'y'], ['besoins', 'Majuscules'], ['besoins', 'a b'], ['themes', 'x'], []]) {
      expect(resolveStaticPage(segments), segments.join('/')).toBeNull();
    }
  });

  it('ne met en cache que les requêtes sans panier ni paramètre qui change la page', () => {
    const rewrites = staticPageRewrites();
    expect(rewrites.map((rule) => rule.source)).toEqual(expect.arrayContaining(['/', '/besoins', '/fournisseurs/:slug([a-z0-9]+(?:-[a-z0-9]+)*)']));
    for (const rule of rewrites) {
      expect(rule.destination.startsWith('/statique/')).toBe(true);
      if (rule.destination === '/statique/introuvable') continue;
      expect(rule.missing).toContainEqual({ type: 'cookie', key: 'panier' });
      expect(rule.missing).toContainEqual({ type: 'header', key: 'next-action' });
      for (const key of PAGE_QUERY_PARAMS) expect(rule.missing).toContainEqual({ type: 'query', key });
    }
    // The same requests, and only those, get the no-cache header.
    expect(staticPageHeaders().map((rule) => [rule.source, rule.missing])).toEqual(rewrites.map((rule) => [rule.source, rule.missing]));
  });

  it('envoie à la page introuvable en cache, pour tout le monde, une adresse de fiche qui ne peut pas en être une', () => {
    // Matched as Next matches rewrites (path-to-regexp, without regard to case).
    const rulesFor = (pathname: string) =>
      staticPageRewrites()
        .filter((rule) => getPathMatch(rule.source)(pathname))
        .map((rule) => ({ destination: rule.destination, anyone: rule.missing === undefined }));
    for (const pathname of ['/besoins/%00%27%3B--', '/solutions/a--b', '/fournisseurs/-la-puce', '/solutions/nom_avec_souligne']) {
      expect(rulesFor(pathname), pathname).toEqual([{ destination: '/statique/introuvable', anyone: true }]);
    }
    for (const pathname of ['/besoins/la-puce', '/solutions/nexiste-pas', '/fournisseurs/Tech-Accelerate']) {
      // The anonymous visit goes to the cached page of that slug (which says whether it exists).
      expect(rulesFor(pathname), pathname).toEqual([{ destination: `/statique/${pathname.split('/')[1]}/:slug`, anyone: false }]);
    }
    expect(rulesFor('/besoins/la-puce/autre')).toEqual([]);
  });

  it('connaît chaque paramètre des filtres : un filtre oublié servirait la page non filtrée', () => {
    const facetParams = Object.values(FACETS).map((facet) => facet.param);
    expect([...PAGE_QUERY_PARAMS].sort()).toEqual(['page', ...facetParams].sort());
  });
});
