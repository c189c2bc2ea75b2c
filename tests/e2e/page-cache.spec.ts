// Public pages served whole from Next's route cache (lib/cache/static-pages.ts): what an
// anonymous visitor gets is the cached page; a basket or a filter renders per request, so
// nobody sees someone else's basket or an unfiltered list. Invalidation by an edit is
// checked in admin-editing.spec.ts.
import { expect, test } from '@playwright/test';
import { allSolutions, seedNeeds, seedProviders } from './helpers/inventory';

const need = seedNeeds.find((entry) => entry.solutions.length > 1)!;
const solution = allSolutions(need.solutions)[0]!;
const provider = seedProviders.find((entry) => entry.key === 'juripop')!;
const cachedPaths = ['/', '/besoins', `/besoins/${need.key}`, '/solutions', `/solutions/${solution.key}`, '/fournisseurs', `/fournisseurs/${provider.key}`];

test('un·e visiteur·euse anonyme reçoit les pages principales depuis le cache, que personne ne garde périmées', async ({ request }) => {
  for (const path of cachedPaths) {
    await request.get(path);
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['x-nextjs-cache'], path).toBe('HIT');
    // Not Next's s-maxage: a shared cache must ask again after an edit.
    expect(response.headers()['cache-control'], path).toBe('no-cache');
    expect(await response.text(), path).toContain('Panier <span aria-hidden="true">(<!-- -->0<!-- -->)');
  }
});

test('un panier ou un filtre fait rendre la page pour la personne, pas servir celle du cache', async ({ page }) => {
  const path = `/fournisseurs/${provider.key}`;
  await page.goto(path);
  await page.getByRole('main').getByRole('button', { name: `Ajouter au panier : ${provider.name}` }).first().click();
  await expect(page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: /Panier/ })).toContainText('(1)');

  const withBasket = await page.goto(path);
  expect(withBasket?.headers()['x-nextjs-cache']).toBeUndefined();
  await expect(page.getByRole('main').getByRole('button', { name: `Retirer du panier : ${provider.name}` }).first()).toBeVisible();

  // Another visitor, without a basket, still gets the cached page with an empty basket.
  const other = await page.context().browser()!.newContext({ baseURL: new URL(page.url()).origin });
  const otherPage = await other.newPage();
  await otherPage.goto(path);
  const anonymous = await otherPage.goto(path);
  expect(anonymous?.headers()['x-nextjs-cache']).toBe('HIT');
  await expect(otherPage.getByRole('main').getByRole('button', { name: `Ajouter au panier : ${provider.name}` }).first()).toBeVisible();

  // A filter is read from the query string: rendered per request, and applied.
  const filtered = await otherPage.goto('/fournisseurs?aide=FUNDING');
  expect(filtered?.headers()['x-nextjs-cache']).toBeUndefined();
  await expect(otherPage.getByRole('status').first()).toBeVisible();
  await other.close();
});

test('l’adresse interne des pages en cache renvoie à la vraie adresse, et une fiche inconnue reste introuvable', async ({ request }) => {
  const internal = await request.get(`/statique/besoins/${need.key}`, { maxRedirects: 0 });
  expect(internal.status()).toBe(307);
  expect(internal.headers().location).toBe(`/besoins/${need.key}`);
  const home = await request.get('/statique/accueil', { maxRedirects: 0 });
  expect(home.headers().location).toBe('/');

  for (let attempt = 0; attempt < 2; attempt += 1) {
    const missing = await request.get('/fournisseurs/cette-fiche-n-existe-pas');
    expect(missing.status()).toBe(404);
    expect(await missing.text()).toContain('introuvable');
  }
});
