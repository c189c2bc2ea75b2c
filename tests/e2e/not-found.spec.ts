// « Page introuvable » without JavaScript: a wrong address under /besoins/, /solutions/ or
// /fournisseurs/ (an old link, a typo) answers 404 with the whole page, header and search box
// included, as an address that matches no route does. The API keeps answering problem+json.
// (components/layout/page-not-found.tsx explains how, and the one case Next leaves at 200.)
// The same pages with JavaScript, axe included: public-pages.spec.ts and solutions.spec.ts.
import { expect, test, type Page } from '@playwright/test';

async function expectWholeNotFoundPage(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr-CA');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
  await expect(page.getByRole('main')).toContainText("Cette page n’existe pas ou n’est plus publiée.");
  await expect(page.getByRole('link', { name: /Revenir à l’accueil/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' })).toBeVisible();
  await expect(page.getByRole('search', { name: 'Rechercher dans le répertoire' }).getByRole('searchbox')).toBeVisible();
  await expect(page.locator('meta[name="robots"]').first()).toHaveAttribute('content', /noindex/);
}

test.describe('pages introuvables sans JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  const addresses = [
    '/besoins/ce-besoin-nexiste-pas',
    '/solutions/cette-solution-nexiste-pas',
    '/fournisseurs/ce-fournisseur-nexiste-pas',
    '/solutions/%00%27%3B--',
    '/fournisseurs/nom_avec_souligne',
    '/nexiste-pas',
  ];
  for (const address of addresses) {
    test(`404 et page complète pour ${address}`, async ({ page }) => {
      // Twice: the first visit renders the page, the second may come from the route cache.
      for (let visit = 0; visit < 2; visit += 1) {
        const response = await page.goto(address);
        expect(response?.status(), `visite ${visit + 1}`).toBe(404);
        await expectWholeNotFoundPage(page);
      }
    });
  }

  test('avec un panier (page rendue à la demande), la page introuvable est complète aussi', async ({ page, baseURL }) => {
    await page.context().addCookies([{ name: 'panier', value: 's:tech-accelerate', url: baseURL ?? '' }]);
    const response = await page.goto('/besoins/ce-besoin-nexiste-pas?aide=FORMATION');
    expect(response?.status()).toBeLessThan(500);
    await expectWholeNotFoundPage(page);
    await expect(page.getByRole('link', { name: /Panier/ })).toContainText('(1');
  });
});

test('l’API répond toujours 404 en problem+json', async ({ request }) => {
  const response = await request.get('/api/v1/solutions/cette-solution-nexiste-pas');
  expect(response.status()).toBe(404);
  expect(response.headers()['content-type']).toContain('application/problem+json');
  const body = (await response.json()) as { status: number; title: string };
  expect(body.status).toBe(404);
  expect(body.title).toMatch(/introuvable/);
});
