// The find-help journey of issue 3 in one go, as a community worker would do it:
// search → filter → add to the basket → share → open the link elsewhere → print.
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

test('chercher, filtrer, garder, partager et imprimer', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByRole('search').getByLabel('Rechercher').fill('loi 25');
  await page.getByRole('search').getByLabel('Rechercher').press('Enter');
  await expect(page).toHaveURL(/\/recherche\?q=loi\+25/);
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'Juripop', exact: true }).first()).toBeVisible();
  await expect(main.getByRole('link', { name: 'Nord Ouvert', exact: true }).first()).toBeVisible();

  await page.getByText('Filtrer', { exact: true }).click();
  await page.getByRole('checkbox', { name: /^Juridique/ }).check();
  await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
  await expect(page).toHaveURL(/aide=LEGAL/);

  // Open the legal-advice solution and keep it, then keep its provider too.
  await main.getByRole('link', { name: /Conseils juridiques sur la conformité à la Loi 25/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Conseils juridiques sur la conformité à la Loi 25');
  await page.getByRole('button', { name: /Ajouter au panier/ }).first().click();
  await expect(page.getByRole('button', { name: /Retirer du panier/ }).first()).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Juripop', exact: true }).first().click();
  await page.getByRole('button', { name: 'Ajouter au panier : Juripop' }).click();
  await expect(page.getByRole('link', { name: /Panier \(2/ })).toBeVisible();

  await page.getByRole('link', { name: /Panier \(2/ }).click();
  const names = ['Conseils juridiques sur la conformité à la Loi 25', 'Juripop'];
  for (const name of names) await expect(page.getByRole('main').getByRole('heading', { name, exact: true })).toBeVisible();
  await expect(page).toHaveTitle(/Mon panier/);
  await expectNoAxeViolations(page);

  // The share link rebuilds the same list in a browser that has never seen this basket.
  const shared = await page.getByLabel('Lien à partager').inputValue();
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await other.goto(shared.replace(/^https?:\/\/[^/]+/, ''));
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Liste partagée');
  for (const name of names) await expect(other.getByRole('main').getByRole('heading', { name, exact: true })).toBeVisible();

  // Printed there: the list without menus or buttons.
  await other.emulateMedia({ media: 'print' });
  await expect(other.getByRole('navigation')).toHaveCount(0);
  await expect(other.getByRole('button')).toHaveCount(0);
  for (const name of names) await expect(other.getByRole('main').getByRole('heading', { name, exact: true })).toBeVisible();
  await elsewhere.close();
});

test('garder une solution directement depuis les résultats de recherche, sans JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/recherche?q=techsup');
  await page.getByRole('button', { name: 'Ajouter au panier : TechSoup Canada' }).click();
  // Back on the same results, at the provider, now in the basket.
  await expect(page).toHaveURL(/\/recherche\?q=techsup#fournisseur-techsoup-canada$/);
  await expect(page.getByRole('button', { name: 'Retirer du panier : TechSoup Canada' })).toBeVisible();
  await page.goto('/panier');
  await expect(page.getByRole('main').getByRole('heading', { name: 'TechSoup Canada', exact: true })).toBeVisible();
  await context.close();
});
