import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

const providerLinks = (page: Page) => page.getByRole('main').locator('section a[href^="/fournisseurs/"]');

async function countInLabel(page: Page, name: RegExp): Promise<number> {
  const label = await page.getByRole('checkbox', { name }).locator('xpath=..').textContent();
  return Number(/\((\d+)\)/.exec(label ?? '')?.[1]);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`filtres des fournisseurs ${javaScriptEnabled ? 'avec' : 'sans'} JavaScript`, () => {
    test.use({ javaScriptEnabled });

    test("les comptes annoncés sont ceux qu'on obtient, les filtres se combinent et vivent dans l'adresse", async ({ page }) => {
      await page.goto('/fournisseurs');
      const total = await providerLinks(page).count();
      await page.getByText('Filtrer', { exact: true }).click();

      const fundingCount = await countInLabel(page, /^Financement/);
      expect(fundingCount).toBeGreaterThan(0);
      expect(fundingCount).toBeLessThan(total);
      await page.getByRole('checkbox', { name: /^Financement/ }).check();
      await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
      await expect(page).toHaveURL(/aide=FUNDING/);
      await expect(providerLinks(page)).toHaveCount(fundingCount);
      await expect(page.getByRole('status')).toHaveText(`${fundingCount} sur ${total} correspondent à vos filtres.`);

      // A second facet narrows further; its count was computed with the first one applied.
      const existingCount = await countInLabel(page, /^Existe déjà/);
      await page.getByRole('checkbox', { name: /^Existe déjà/ }).check();
      await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
      await expect(page).toHaveURL(/aide=FUNDING.*statut=EXISTING|statut=EXISTING.*aide=FUNDING/);
      await expect(providerLinks(page)).toHaveCount(existingCount);

      await page.goBack();
      await expect(providerLinks(page)).toHaveCount(fundingCount);
      await page.getByRole('link', { name: 'Retirer tous les filtres' }).click();
      await expect(providerLinks(page)).toHaveCount(total);
    });
  });
}

test('la page filtrée reste accessible', async ({ page }) => {
  await page.goto('/fournisseurs?aide=FUNDING&cout=UNKNOWN&region=UNKNOWN');
  await expectNoAxeViolations(page);
});

test('des filtres inventés ne cassent rien', async ({ page }) => {
  const response = await page.goto('/fournisseurs?aide=PIRATE&cout=%27%3B--&langue=%3Cscript%3E');
  expect(response?.status()).toBe(200);
  await expect(providerLinks(page).first()).toBeVisible();
});

test.describe("filtres d'une page de besoin", () => {
  test('ne garde que les solutions voulues, sans JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/besoins/conformite-loi-25');
    const solutions = page.getByRole('main').locator('section ul > li');
    const total = await solutions.count();
    await page.getByText('Filtrer', { exact: true }).click();
    const legalCount = await countInLabel(page, /^Juridique/);
    expect(legalCount).toBeGreaterThan(0);
    expect(legalCount).toBeLessThan(total);
    await page.getByRole('checkbox', { name: /^Juridique/ }).check();
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await expect(page).toHaveURL(/\/besoins\/conformite-loi-25\?aide=LEGAL/);
    await expect(solutions).toHaveCount(legalCount);
    await expect(page.getByRole('status')).toContainText(`sur ${total}`);
    await expect(page.getByText('Aucune solution de cette section ne correspond à vos filtres.')).toBeVisible();
    await context.close();
  });
});

test.describe('filtres des résultats de recherche', () => {
  test('filtrent solutions et fournisseurs, gardent la requête et se transmettent aux pages par type', async ({ page }) => {
    await page.goto('/recherche?q=loi%2025');
    const solutionLinks = page.getByRole('main').locator('a[href^="/solutions/"]');
    const before = await solutionLinks.count();
    await page.getByText('Filtrer', { exact: true }).click();
    const legal = await countInLabel(page, /^Juridique/);
    expect(legal).toBeGreaterThan(0);
    await page.getByRole('checkbox', { name: /^Juridique/ }).check();
    await page.getByRole('button', { name: 'Appliquer les filtres' }).click();
    await expect(page).toHaveURL(/q=loi\+25.*aide=LEGAL/);
    await expect(page.getByRole('main').getByRole('searchbox')).toHaveValue('loi 25');
    const after = await solutionLinks.count();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    // Juripop offers legal advice on Loi 25: it stays.
    await expect(page.getByRole('main').getByRole('link', { name: 'Juripop', exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('un filtre qui exclut tout le dit, sans erreur', async ({ page }) => {
    const response = await page.goto('/recherche?q=loi%2025&aide=HARDWARE');
    expect(response?.status()).toBe(200);
    await expect(page.getByText('Aucun résultat ne correspond à ces filtres', { exact: false })).toHaveCount(0);
    // Needs are not filtered: the Loi 25 need is still listed.
    await expect(page.getByRole('main').locator('a[href="/besoins/conformite-loi-25"]').first()).toBeVisible();
  });
});
