import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

// « x » with the non-breaking spaces French quotation marks take (\s matches them).
const quotedPattern = (text: string) => new RegExp(`«\\s${text}\\s»`);

function headerSearchBox(page: Page) {
  return page.getByRole('banner').getByRole('search', { name: 'Rechercher dans le répertoire' }).getByRole('searchbox', { name: 'Rechercher' });
}

async function searchFromHeader(page: Page, query: string): Promise<void> {
  const box = headerSearchBox(page);
  await box.fill(query);
  await box.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/recherche\\?q=${encodeURIComponent(query).replace(/%20/g, '\\+')}$`));
}

async function expectLoiResults(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\d+ résultats pour «\sloi 25\s»$/);
  await expect(page).toHaveTitle(/résultats pour «\sloi 25\s»/);
  const main = page.getByRole('main');
  await expect(main.locator('section#besoins').getByRole('link', { name: /^Conformité à la Loi 25/ })).toHaveAttribute('href', '/besoins/conformite-loi-25');
  await expect(main.locator('section#solutions a[href="/solutions/conseils-juridiques-sur-la-loi-25"]')).toBeVisible();
  const providers = main.locator('section#fournisseurs');
  await expect(providers.getByRole('heading', { level: 3, name: 'Juripop', exact: true }).getByRole('link')).toHaveAttribute('href', '/fournisseurs/juripop');
  await expect(providers.getByRole('heading', { level: 3, name: 'Nord Ouvert', exact: true }).getByRole('link')).toHaveAttribute('href', '/fournisseurs/nord-ouvert');
  // Matched words are highlighted with <mark>, built by React from markers (never HTML from the database).
  await expect(main.locator('mark', { hasText: /^loi$/i }).first()).toBeVisible();
}

test.describe('recherche', () => {
  test("depuis la boîte de l'en-tête de l'accueil jusqu'aux résultats", async ({ page }) => {
    await page.goto('/');
    await searchFromHeader(page, 'loi 25');
    await expectLoiResults(page);
    // The page's own form keeps the query for a new search.
    await expect(page.getByRole('main').getByRole('searchbox', { name: /mot-clé/ })).toHaveValue('loi 25');
    await expectNoAxeViolations(page);
  });

  test('trouve par synonyme les mots de tous les jours, et dit pourquoi', async ({ page }) => {
    await page.goto('/recherche?q=ordi+usag%C3%A9');
    const main = page.getByRole('main');
    const hit = main.locator('#solution-materiel-informatique-valorise');
    await expect(hit.getByRole('link', { name: /Matériel informatique valorisé/i })).toBeVisible();
    await expect(hit.getByTestId('raison-resultat')).toHaveText(/^Trouvée par synonyme \(«\sordi usagé\s» → «\smatériel informatique valorisé\s»\)\.$/);
    // The synonym's words are highlighted where they are.
    await expect(hit.locator('mark').first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('la boîte de recherche est sur chaque page publique', async ({ page }) => {
    for (const path of ['/', '/besoins', '/fournisseurs', '/fournisseurs/juripop', '/besoins/conformite-loi-25', '/recherche', '/nexiste-pas']) {
      await page.goto(path);
      await expect(headerSearchBox(page), path).toBeVisible();
    }
  });

  test('regroupe par type avec les comptes et mène à un type à la fois', async ({ page }) => {
    await page.goto('/recherche?q=num%C3%A9rique');
    const nav = page.getByRole('navigation', { name: 'Résultats par type' });
    await expect(nav.getByRole('link', { name: /^Solutions \(\d+\)$/ })).toHaveAttribute('href', '#solutions');
    await page.getByRole('link', { name: /^Voir les \d+ solutions$/ }).click();
    await expect(page).toHaveURL(/\/recherche\?q=num%C3%A9rique&type=solutions$/);
    await expect(page).toHaveTitle(/— solutions/);
    await expect(page.getByRole('main').locator('section#besoins')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Résultats par type' }).getByRole('link', { name: /^Tous les résultats/ })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('une page vide aide à chercher', async ({ page }) => {
    const response = await page.goto('/recherche');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/^Rechercher/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rechercher dans le répertoire');
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: quotedPattern('loi 25') })).toHaveAttribute('href', '/recherche?q=loi+25');
    await expect(main.getByRole('link', { name: /Répondez à quelques questions/ })).toHaveAttribute('href', '/trouver');
    await expect(main.getByRole('heading', { name: 'Les besoins par thème' })).toBeVisible();
    await expect(main.locator('a[href="/besoins/conformite-loi-25"]')).toBeVisible();
    await expectNoAxeViolations(page);

    await main.getByRole('link', { name: quotedPattern('loi 25') }).click();
    await expectLoiResults(page);
  });

  test('une recherche infructueuse propose des pistes, jamais une erreur', async ({ page }) => {
    const response = await page.goto('/recherche?q=formaton+numeriqe');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Aucun résultat pour «\sformaton numeriqe\s»$/);
    await expect(page).toHaveTitle(/Aucun résultat/);
    const suggestion = page.getByRole('main').getByRole('link', { name: quotedPattern('formation numérique') });
    await expect(page.getByText('Vouliez-vous dire :')).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: /Répondez à quelques questions/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await suggestion.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^\d+ résultats? pour «\sformation numérique\s»$/);
  });

  test("retrouve un nom malgré une faute de frappe, et le dit", async ({ page }) => {
    await page.goto('/recherche?q=techsup');
    await expect(page.getByRole('main').getByRole('link', { name: 'TechSoup Canada', exact: true })).toHaveAttribute('href', '/fournisseurs/techsoup-canada');
    await expect(page.getByText(/noms qui s’en approchent/)).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: quotedPattern('techsoup') })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  for (const [label, query] of [
    ['une injection SQL', `'; DROP TABLE "Need";--`],
    ['du HTML', '<script>alert(1)</script><b>loi</b>'],
    ['un octet NUL', 'loi\u000025'],
    ['des émojis', '🙂👩‍💻'],
    ['10 ko de texte', 'formation '.repeat(1_000)],
    ['de la ponctuation seule', '!!! ??? ...'],
  ] as const) {
    test(`répond normalement à ${label}`, async ({ page }) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      const response = await page.goto(`/recherche?q=${encodeURIComponent(query)}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(/résultats? pour «/);
      await expect(page.locator('main script, main b')).toHaveCount(0);
      expect(dialogs).toEqual([]);
    });
  }
});

test.describe('recherche sans JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test("la boîte de l'en-tête envoie le formulaire et les résultats s'affichent", async ({ page }) => {
    await page.goto('/fournisseurs');
    await searchFromHeader(page, 'loi 25');
    await expectLoiResults(page);

    // And the page's own form, for a new search.
    const box = page.getByRole('main').getByRole('searchbox', { name: /mot-clé/ });
    await box.fill('insertek');
    await box.press('Enter');
    await expect(page).toHaveURL(/\/recherche\?q=insertek$/);
    await expect(page.getByRole('main').getByRole('link', { name: 'Insertech', exact: true }).first()).toBeVisible();
  });
});

test.describe('recherche sur téléphone @mobile', () => {
  test("la boîte de l'en-tête fonctionne et les pages tiennent dans l'écran @mobile", async ({ page }) => {
    await page.goto('/');
    await expect(headerSearchBox(page)).toBeVisible();
    await searchFromHeader(page, 'loi 25');
    await expectLoiResults(page);
    for (const path of ['/recherche?q=loi+25', '/recherche', '/recherche?q=xyzzy', `/recherche?q=${'x'.repeat(300)}`, '/recherche?q=techsup']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.goto('/recherche?q=loi+25');
    await expectNoAxeViolations(page);
  });
});
