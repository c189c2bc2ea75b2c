import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { allSolutions, seedNeeds, seedProviders } from './helpers/inventory';

test.describe('accueil', () => {
  test("présente le répertoire et mène aux besoins et aux fournisseurs", async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Répertoire numérique communautaire/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByRole('link', { name: /Parcourir les besoins/ })).toHaveAttribute('href', '/besoins');
    await expect(page.getByRole('main').getByRole('link', { name: /fournisseurs de A à Z/ })).toHaveAttribute('href', '/fournisseurs');
    // Every need is reachable from the home page.
    for (const need of seedNeeds) {
      await expect(page.getByRole('main').getByRole('link', { name: need.title, exact: true })).toHaveAttribute('href', `/besoins/${need.key}`);
    }
    await expectNoAxeViolations(page);
  });

  test("le lien d'évitement mène au contenu au clavier", async ({ page }) => {
    await page.goto('/');
    await page.keyboard.press('Tab');
    const skipLink = page.getByRole('link', { name: 'Aller au contenu' });
    await expect(skipLink).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('#contenu')).toBeFocused();
  });
});

test.describe('inventaire des besoins', () => {
  test("montre chaque besoin dans l'ordre de la source, avec ses solutions et ses liens", async ({ page }) => {
    await page.goto('/besoins');
    const headings = page.getByRole('main').getByRole('heading', { level: 2 });
    await expect(headings).toHaveText(seedNeeds.map((need) => need.title));

    for (const need of seedNeeds) {
      const section = page.locator(`section#${need.key}`);
      await expect(section).toContainText(need.description);
      for (const solution of allSolutions(need.solutions)) {
        await expect(section.getByRole('heading', { name: solution.title, exact: true })).toBeVisible();
      }
      for (const link of need.related) {
        const target = seedNeeds.find((candidate) => candidate.key === link.need);
        await expect(section.getByRole('link', { name: target?.title, exact: true }).first()).toHaveAttribute('href', `/besoins/${link.need}`);
      }
    }
    const existingCount = seedNeeds.flatMap((need) => allSolutions(need.solutions)).filter((s) => s.availability === 'EXISTING').length;
    const proposedCount = seedNeeds.flatMap((need) => allSolutions(need.solutions)).filter((s) => s.availability === 'PROPOSED').length;
    const unconfirmedCount = seedNeeds.flatMap((need) => allSolutions(need.solutions)).filter((s) => s.availability === 'UNCONFIRMED').length;
    await expect(page.getByRole('main').getByText(/^\W*Existe déjà$/)).toHaveCount(existingCount);
    await expect(page.getByRole('main').getByText(/^\W*Idée, pas encore offerte$/)).toHaveCount(proposedCount);
    await expect(page.getByRole('main').getByText(/^\W*Existence à confirmer$/)).toHaveCount(unconfirmedCount);
    await expectNoAxeViolations(page);
  });

  for (const need of seedNeeds) {
    test(`page du besoin « ${need.key} »`, async ({ page }) => {
      const response = await page.goto(`/besoins/${need.key}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(need.title);
      await expect(page.getByRole('main')).toContainText(need.description);
      for (const solution of allSolutions(need.solutions)) {
        await expect(page.getByRole('heading', { name: solution.title, exact: true })).toBeVisible();
        for (const { provider } of solution.providers) {
          await expect(page.locator(`a[href="/fournisseurs/${provider}"]`).first()).toBeVisible();
        }
      }
      await expect(page.getByText(/Dernière vérification/)).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('fournisseurs', () => {
  test('liste chaque fournisseur de A à Z', async ({ page }) => {
    await page.goto('/fournisseurs');
    const links = page.getByRole('main').locator('section a[href^="/fournisseurs/"]');
    await expect(links).toHaveCount(seedProviders.length);
    const names = await links.allTextContents();
    const folded = names.map((name) => name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toUpperCase());
    expect(folded).toEqual([...folded].sort((a, b) => a.localeCompare(b, 'fr-CA')));
    await expectNoAxeViolations(page);
  });

  for (const provider of seedProviders) {
    test(`page du fournisseur « ${provider.key} »`, async ({ page }) => {
      const response = await page.goto(`/fournisseurs/${provider.key}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(provider.name);
      const offered = seedNeeds.flatMap((need) => allSolutions(need.solutions)).filter((solution) =>
        solution.providers.some((link) => link.provider === provider.key),
      );
      for (const solution of offered) {
        await expect(page.getByRole('heading', { name: solution.title, exact: true })).toBeVisible();
      }
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('pages introuvables', () => {
  for (const path of ['/nexiste-pas', '/besoins/nexiste-pas', '/fournisseurs/nexiste-pas', '/fournisseurs/%00%27%3B--']) {
    test(`répond 404 en français pour ${path}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
      await expect(page.getByRole('link', { name: /Revenir à l’accueil/ })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('sans JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test("l'inventaire et les fiches s'affichent en entier", async ({ page }) => {
    await page.goto('/besoins');
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toHaveCount(seedNeeds.length);
    const first = seedNeeds[0]!;
    await page.locator(`main a[href="/besoins/${first.key}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/besoins/${first.key}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(first.title);
  });
});

test.describe('sur téléphone @mobile', () => {
  test("les pages tiennent dans la largeur de l'écran @mobile", async ({ page }) => {
    for (const path of ['/', '/besoins', `/besoins/${seedNeeds[0]!.key}`, '/fournisseurs', `/fournisseurs/${seedProviders[0]!.key}`]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
