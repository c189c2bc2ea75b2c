import { expect, test, type Page } from '@playwright/test';
import { allSolutions, seedNeeds, seedProviders } from './helpers/inventory';

const solutions = [...new Map(seedNeeds.flatMap((need) => allSolutions(need.solutions)).map((s) => [s.key, s])).values()];

async function jsonLdOf(page: Page): Promise<Record<string, unknown>[]> {
  const texts = await page.locator('script[type="application/ld+json"]').allTextContents();
  return texts.map((text) => JSON.parse(text) as Record<string, unknown>);
}

test.describe('sitemap.xml', () => {
  test('est du XML valide et liste chaque page publiée', async ({ page, request }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('xml');
    const xml = await response.text();

    // The browser's own XML parser: a malformed document yields a <parsererror>.
    const locs = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length > 0) return null;
      if (doc.documentElement.localName !== 'urlset') return null;
      return [...doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', 'loc')].map((node) => node.textContent ?? '');
    }, xml);
    expect(locs, 'sitemap.xml doit être un <urlset> XML valide').not.toBeNull();

    const urls = (locs ?? []).map((loc) => new URL(loc));
    expect(new Set(urls.map((url) => url.origin)).size).toBe(1);
    const paths = urls.map((url) => url.pathname);
    expect(new Set(paths).size, 'aucune adresse en double').toBe(paths.length);
    const expected = [
      '/',
      '/besoins',
      '/fournisseurs',
      '/solutions',
      ...seedNeeds.map((need) => `/besoins/${need.key}`),
      ...seedProviders.map((provider) => `/fournisseurs/${provider.key}`),
      ...solutions.map((solution) => `/solutions/${solution.key}`),
    ];
    for (const path of expected) expect(paths, path).toContain(path);
  });
});

test.describe('robots.txt', () => {
  test("autorise tout le site public, réserve /admin et /api et indique le sitemap", async ({ request }) => {
    const response = await request.get('/robots.txt');
    expect(response.status()).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/^User-Agent: \*$/m);
    expect(text).toMatch(/^Allow: \/$/m);
    expect(text).toMatch(/^Disallow: \/admin$/m);
    expect(text).toMatch(/^Disallow: \/api$/m);
    expect(text).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
  });
});

test.describe('métadonnées des pages', () => {
  const need = seedNeeds[0]!;
  const provider = seedProviders[0]!;
  const solution = solutions[0]!;
  const pages = [
    { path: '/', title: 'Répertoire numérique communautaire' },
    { path: '/besoins', title: 'Besoins et solutions' },
    { path: '/solutions', title: 'Solutions de A à Z' },
    { path: `/besoins/${need.key}`, title: need.title },
    { path: `/fournisseurs/${provider.key}`, title: provider.name },
    { path: `/solutions/${solution.key}`, title: solution.title },
  ];
  for (const { path, title } of pages) {
    test(`titre, description, URL canonique et Open Graph de ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page).toHaveTitle(title === 'Répertoire numérique communautaire' ? title : `${title} · Répertoire numérique communautaire`);
      const head = page.locator('head');
      await expect(head.locator('meta[name="description"]')).toHaveAttribute('content', /\S{10,}/);
      const canonical = await head.locator('link[rel="canonical"]').getAttribute('href');
      expect(canonical, 'URL canonique absolue').toMatch(/^https?:\/\//);
      expect(new URL(canonical ?? '').pathname).toBe(path);
      await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', title);
      await expect(head.locator('meta[property="og:url"]')).toHaveAttribute('content', canonical ?? '');
      await expect(head.locator('meta[property="og:locale"]')).toHaveAttribute('content', 'fr_CA');
      await expect(head.locator('meta[property="og:site_name"]')).toHaveAttribute('content', 'Répertoire numérique communautaire');
      await expect(head.locator('meta[property="og:description"]')).toHaveAttribute('content', /\S{10,}/);
    });
  }
});

test.describe('données structurées (JSON-LD)', () => {
  test('chaque fournisseur est une Organization', async ({ page }) => {
    // One page per provider (27): more than the default 30 s on a busy machine.
    test.slow();
    for (const provider of seedProviders) {
      await page.goto(`/fournisseurs/${provider.key}`);
      const [data, ...others] = await jsonLdOf(page);
      expect(others).toEqual([]);
      expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'Organization', name: provider.name });
    }
  });

  test("chaque solution existante est un Service avec ceux qui l'offrent ; une solution proposée ou à confirmer n'en est pas un", async ({ page }) => {
    // One page per solution (the whole inventory's): more than the default 30 s on a busy machine.
    test.slow();
    for (const solution of solutions) {
      await page.goto(`/solutions/${solution.key}`);
      const data = await jsonLdOf(page);
      if (solution.availability !== 'EXISTING') {
        expect(data, solution.key).toEqual([]);
        continue;
      }
      expect(data).toHaveLength(1);
      expect(data[0]).toMatchObject({ '@context': 'https://schema.org', '@type': 'Service', name: solution.title });
      const offerers = solution.providers.filter((link) => (link as { role?: string }).role === 'OFFERS').map((link) => link.provider);
      const named = ((data[0]?.provider ?? []) as { url: string }[]).map((entry) => new URL(entry.url).pathname);
      expect(named.sort()).toEqual(offerers.map((key) => `/fournisseurs/${key}`).sort());
    }
  });

  test("la liste des besoins est une ItemList dans l'ordre de l'inventaire", async ({ page }) => {
    await page.goto('/besoins');
    const [data] = await jsonLdOf(page);
    expect(data).toMatchObject({ '@type': 'ItemList', numberOfItems: seedNeeds.length });
    const items = (data?.itemListElement ?? []) as { position: number; name: string; url: string }[];
    expect(items.map((item) => item.name)).toEqual(seedNeeds.map((need) => need.title));
    expect(items.map((item) => new URL(item.url).pathname)).toEqual(seedNeeds.map((need) => `/besoins/${need.key}`));
  });
});
