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
  test("montre chaque besoin dans l'ordre de la source, avec ses comptes et un lien vers sa page", async ({ page }) => {
    await page.goto('/besoins');
    const main = page.getByRole('main');
    const headings = main.getByRole('heading', { level: 2 });
    await expect(headings).toHaveText(seedNeeds.map((need) => need.title));

    const plural = (count: number, one: string, many: string) => `${count} ${count > 1 ? many : one}`;
    for (const need of seedNeeds) {
      const entry = page.locator(`li#${need.key}`);
      await expect(entry.getByRole('link', { name: need.title, exact: true })).toHaveAttribute('href', `/besoins/${need.key}`);
      const solutions = [...new Map(allSolutions(need.solutions).map((solution) => [solution.key, solution])).values()];
      const existing = solutions.filter((solution) => solution.availability === 'EXISTING').length;
      const proposed = solutions.filter((solution) => solution.availability === 'PROPOSED').length;
      const providers = new Set(solutions.flatMap((solution) => solution.providers.map((link) => link.provider))).size;
      await expect(entry).toContainText(plural(existing, 'solution qui existe déjà', 'solutions qui existent déjà'));
      await expect(entry).toContainText(plural(proposed, 'idée pas encore offerte', 'idées pas encore offertes'));
      await expect(entry).toContainText(plural(providers, 'fournisseur', 'fournisseurs'));
      await expect(entry.getByText('Aucune solution n’existe encore.')).toHaveCount(existing === 0 ? 1 : 0);
      // The details stay on the need's own page.
      await expect(entry).not.toContainText(need.description);
    }
    const gaps = seedNeeds.filter((need) => !allSolutions(need.solutions).some((solution) => solution.availability === 'EXISTING')).length;
    await expect(page.locator('#sommaire-besoins')).toContainText(`${seedNeeds.length} besoins et enjeux en tout.`);
    await expect(page.locator('#sommaire-besoins')).toContainText(
      gaps === 0 ? 'Chacun a au moins une solution qui existe déjà.' : `Parmi eux, ${gaps} ${gaps > 1 ? 'n’ont' : 'n’a'} encore aucune solution`,
    );
    await expectNoAxeViolations(page);
  });

  test('la page de chaque besoin montre ses solutions par statut et ses besoins liés', async ({ page }) => {
    for (const need of seedNeeds) {
      await page.goto(`/besoins/${need.key}`);
      const main = page.getByRole('main');
      await expect(main).toContainText(need.description);
      for (const link of need.related) {
        const target = seedNeeds.find((candidate) => candidate.key === link.need);
        await expect(main.getByRole('link', { name: target?.title, exact: true }).first()).toHaveAttribute('href', `/besoins/${link.need}`);
      }
      const solutions = allSolutions(need.solutions);
      for (const [availability, label] of [['EXISTING', /^\W*Existe déjà$/], ['PROPOSED', /^\W*Idée, pas encore offerte$/], ['UNCONFIRMED', /^\W*Existence à confirmer$/]] as const) {
        await expect(main.getByText(label), `${need.key} ${availability}`).toHaveCount(solutions.filter((s) => s.availability === availability).length);
      }
    }
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
