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
