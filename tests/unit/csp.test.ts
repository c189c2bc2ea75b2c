// The Content-Security-Policy pieces (lib/security/csp.mjs): the nonce the page cache
// writes into a page's script tags, the policies, and proxy.ts's test of which requests the page cache
// serves (it must agree with the rewrites exactly, or a cached page would be sent with a
// nonce its scripts do not carry).
import * as pageStaticInfo from 'next/dist/build/analysis/get-page-static-info';
import { getMiddlewareRouteMatcher } from 'next/dist/shared/lib/router/utils/middleware-route-matcher';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { describe, expect, it } from 'vitest';
import { PAGE_QUERY_PARAMS, isPageCacheRequest, staticPageRewrites, type RequestShape } from '@/lib/cache/static-pages';
import { contentSecurityPolicy, floorPolicy, newNonce, withScriptNonce } from '@/lib/security/csp.mjs';
import { config } from '@/proxy';

// How Next turns a proxy's `config.matcher` into what it matches requests with (not in its types).
const { getMiddlewareMatchers } = pageStaticInfo as unknown as { getMiddlewareMatchers: (matcher: unknown, nextConfig: object) => never };

function directives(policy: string): Map<string, string> {
  return new Map(policy.split(';').map((part) => {
    const [name = '', ...values] = part.trim().split(/\s+/);
    return [name, values.join(' ')] as const;
  }));
}

describe('withScriptNonce', () => {
  it('puts the nonce first on every script tag, and on nothing else', () => {
    const html = [
      '<!DOCTYPE html><html><head><script src="/_next/static/chunks/a.js" async=""></script>',
      '<script type="application/ld+json">{"name":"\\u003cscript\\u003e"}</script></head><body>',
      '<p title="&lt;script&gt;">&lt;script&gt;x&lt;/script&gt;</p><noscript>sans JavaScript</noscript>',
      '<script>self.__next_f.push([1,"a\\u003c/script\\u003e"])</script>',
      '<script nonce="old">(self.__next_f=self.__next_f||[]).push([0])</script>',
      '</body></html>',
    ].join('');
    expect(withScriptNonce(html, 'n0nce+/==')).toBe(
      [
        '<!DOCTYPE html><html><head><script nonce="n0nce+/==" src="/_next/static/chunks/a.js" async=""></script>',
        '<script nonce="n0nce+/==" type="application/ld+json">{"name":"\\u003cscript\\u003e"}</script></head><body>',
        '<p title="&lt;script&gt;">&lt;script&gt;x&lt;/script&gt;</p><noscript>sans JavaScript</noscript>',
        '<script nonce="n0nce+/==">self.__next_f.push([1,"a\\u003c/script\\u003e"])</script>',
        '<script nonce="n0nce+/==" nonce="old">(self.__next_f=self.__next_f||[]).push([0])</script>',
        '</body></html>',
      ].join(''),
    );
  });
});

describe('policies', () => {
  it('hold a page’s scripts to its nonce, and keep every other directive tight', () => {
    const nonce = newNonce();
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(nonce);
    const page = directives(contentSecurityPolicy({ scriptSources: [`'nonce-${nonce}'`] }));
    expect(page.get('script-src')).toBe(`'self' 'nonce-${nonce}'`);
    for (const policy of [page, directives(floorPolicy())]) {
      expect(policy.get('default-src')).toBe("'self'");
      expect(policy.get('object-src')).toBe("'none'");
      expect(policy.get('base-uri')).toBe("'self'");
      expect(policy.get('form-action')).toBe("'self'");
      expect(policy.get('frame-ancestors')).toBe("'none'");
      expect(policy.get('connect-src')).toBe("'self'");
    }
    expect(directives(floorPolicy()).get('script-src')).toBe("'self' 'unsafe-inline'");
    expect(directives(contentSecurityPolicy({ scriptSources: [], isDevelopment: true })).get('script-src')).toBe("'self' 'unsafe-eval'");
  });
});

describe('isPageCacheRequest', () => {
  const rewrites = staticPageRewrites().map((rule) => ({ ...rule, match: getPathMatch(rule.source, { strict: true, removeUnnamedParams: true }) }));
  const shape = (pathname: string, present: { cookies?: string[]; headers?: string[]; query?: string[] } = {}): RequestShape => ({
    pathname,
    hasCookie: (name) => present.cookies?.includes(name) ?? false,
    hasHeader: (name) => present.headers?.includes(name) ?? false,
    hasQuery: (key) => present.query?.includes(key) ?? false,
  });
  /** What Next's rewrites decide: a source matches and none of its `missing` is present. */
  const rewritten = (request: RequestShape) =>
    rewrites.some(
      (rule) =>
        rule.match(request.pathname) !== false &&
        (rule.missing ?? []).every(({ type, key }) => !(type === 'cookie' ? request.hasCookie(key) : type === 'header' ? request.hasHeader(key) : request.hasQuery(key))),
    );

  it('agrees with the rewrites on paths and on every condition', () => {
    const paths = [
      '/', '/besoins', '/solutions', '/fournisseurs', '/besoins/formation-de-base', '/fournisseurs/la-puce', '/solutions/a1-b2',
      '/BESOINS', '/Fournisseurs/La-Puce', '/besoins/', '/besoins/a_b', '/besoins/a--b', '/besoins/-a', '/besoins/a/b', '/besoinsx',
      '/recherche', '/panier', '/admin', '/admin/connexion', '/themes/x', '/statique/accueil', '/donnees', '/trouver',
    ];
    const conditions = [{}, { cookies: ['panier'] }, { cookies: ['autre'] }, { headers: ['next-action'] }, { headers: ['content-type'] }, { headers: ['rsc'] }, { query: ['page'] }, { query: ['aide'] }, { query: ['utm_source'] }];
    for (const path of paths) {
      for (const condition of conditions) {
        const request = shape(path, condition);
        expect(isPageCacheRequest(request), `${path} ${JSON.stringify(condition)}`).toBe(rewritten(request));
      }
    }
    expect(isPageCacheRequest(shape('/besoins/formation-de-base'))).toBe(true);
    expect(isPageCacheRequest(shape('/recherche'))).toBe(false);
  });

  it('lets every page rendered per request reach proxy.ts, and keeps the cached pages away from it', () => {
    // Next's own reading of proxy.ts's matcher, as at build time.
    const reachesProxy = getMiddlewareRouteMatcher(getMiddlewareMatchers(config.matcher, {}));
    const ask = (pathname: string, present: { cookies?: string[]; headers?: string[]; query?: string[] } = {}) => {
      const headers: Record<string, string> = Object.fromEntries((present.headers ?? []).map((name) => [name, 'x']));
      if (present.cookies) headers.cookie = present.cookies.map((name) => `${name}=x`).join('; ');
      const query = Object.fromEntries((present.query ?? []).map((key) => [key, '1']));
      return { proxy: reachesProxy(pathname, { headers } as never, query), cached: isPageCacheRequest(shape(pathname, present)) };
    };
    const paths = ['/', '/besoins', '/solutions', '/fournisseurs', '/besoins/formation-de-base', '/fournisseurs/la-puce', '/BESOINS', '/besoins/a_b',
      '/besoins/a/b', '/recherche', '/panier', '/trouver', '/portrait', '/donnees', '/suggerer', '/confidentialite', '/admin', '/admin/membres', '/nexiste-pas'];
    const conditions = [{}, { cookies: ['panier'] }, { headers: ['next-action'] }, { headers: ['content-type'] }, ...PAGE_QUERY_PARAMS.map((key) => ({ query: [key] }))];
    for (const path of paths) {
      for (const condition of conditions) {
        const { proxy, cached } = ask(path, condition);
        expect(proxy || cached, `${path} ${JSON.stringify(condition)} reaches neither the proxy nor the cache`).toBe(true);
      }
    }
    for (const path of ['/', '/besoins', '/besoins/formation-de-base', '/fournisseurs/la-puce']) expect(ask(path).proxy, path).toBe(false);
    // Not pages: Next's files, the API, downloads.
    for (const path of ['/_next/static/chunks/a.js', '/api/v1/needs', '/robots.txt', '/donnees/fournisseurs.csv']) expect(ask(path).proxy, path).toBe(false);
  });
});
