import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { allSolutions, seedNeeds, seedProviders } from './helpers/inventory';

// Each solution once, with the needs that list it and the solution it details.
const solutions = seedNeeds.flatMap((need) => allSolutions(need.solutions));
const uniqueSolutions = [...new Map(solutions.map((solution) => [solution.key, solution])).values()];
const needsOf = (key: string) => seedNeeds.filter((need) => allSolutions(need.solutions).some((s) => s.key === key));
const parentOf = (key: string) => solutions.find((solution) => (solution.children ?? []).some((child) => child.key === key));
const BADGES = { EXISTING: /^\W*Existe déjà$/, UNCONFIRMED: /^\W*Existence à confirmer$/, PROPOSED: /^\W*Idée, pas encore offerte$/ } as const;
const SECTIONS = { EXISTING: 'section#existantes', UNCONFIRMED: 'section#a-confirmer', PROPOSED: 'section#proposees' } as const;
function providerName(key: string): string {
  const name = seedProviders.find((provider) => provider.key === key)?.name;
  if (!name) throw new Error(`Fournisseur inconnu dans le fichier d'inventaire : ${key}`);
  return name;
}

test.describe('pages des solutions', () => {
  for (const solution of uniqueSolutions) {
    test(`page de la solution « ${solution.key} »`, async ({ page }) => {
      const response = await page.goto(`/solutions/${solution.key}`);
      expect(response?.status()).toBe(200);
      const main = page.getByRole('main');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(solution.title);
      await expect(page).toHaveTitle(`${solution.title} · Répertoire numérique communautaire`);
      await expect(main.getByText(BADGES[solution.availability]).first()).toBeVisible();

      const providers = main.getByRole('region', { name: 'Fournisseurs' });
      for (const link of solution.providers) {
        await expect(providers.getByRole('link', { name: providerName(link.provider), exact: true })).toHaveAttribute(
          'href',
          `/fournisseurs/${link.provider}`,
        );
      }
      if (solution.providers.length === 0) await expect(providers).toContainText(/Personne n’offre encore cette solution|L’inventaire ne nomme aucun fournisseur/);

      const needs = main.getByRole('region', { name: 'Elle répond à ces besoins' });
      for (const need of needsOf(solution.key)) {
        await expect(needs.getByRole('link', { name: need.title, exact: true })).toHaveAttribute('href', `/besoins/${need.key}`);
      }

      const parent = parentOf(solution.key);
      if (parent) {
        await expect(main.getByRole('link', { name: parent.title, exact: true }).first()).toHaveAttribute('href', `/solutions/${parent.key}`);
      }
      for (const child of solution.children ?? []) {
        await expect(main.getByRole('region', { name: 'Précisions' }).getByRole('link', { name: child.title, exact: true })).toHaveAttribute(
          'href',
          `/solutions/${child.key}`,
        );
      }

      // The seed holds no verification date: every page says so, plainly.
      await expect(main.getByText(/^Dernière vérification :/)).toHaveCount(1);
      await expect(main.getByText('Personne n’a encore vérifié cette fiche : ce qu’elle dit a pu changer.')).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test('une fiche nomme chaque fournisseur avec son rôle et renvoie à ses coordonnées', async ({ page }) => {
    await page.goto('/solutions/tech-accelerate');
    const providers = page.getByRole('region', { name: 'Fournisseurs' }).getByRole('listitem');
    await expect(providers).toHaveCount(2);
    // Who offers comes before partners; a role the source does not state says so.
    await expect(providers.nth(0).getByText('NTEN offre cette solution.', { exact: true })).toBeVisible();
    await expect(providers.nth(1)).toContainText('est partenaire de cette solution, déduit par l’équipe.');
    await expect(providers.nth(0)).toContainText(/Coordonnées|Site Web/);
    await expect(providers.nth(0)).toContainText('Fiche du fournisseur jamais vérifiée.');
    await expect(page.getByRole('region', { name: 'En bref' })).toContainText('Gratuit');
  });

  for (const path of ['/solutions/nexiste-pas', '/solutions/Tech-Accelerate', '/solutions/%00%27%3B--', `/solutions/${'a'.repeat(500)}`]) {
    test(`répond 404 en français pour ${path.slice(0, 40)}`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page introuvable');
      await expect(page.locator('link[rel="canonical"]')).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
  }
});

test.describe('liste des solutions', () => {
  test('mène à chaque solution, existante ou proposée', async ({ page }) => {
    const response = await page.goto('/solutions');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Solutions de A à Z');
    for (const solution of uniqueSolutions) {
      const section = page.locator(SECTIONS[solution.availability]);
      await expect(section.getByRole('heading', { name: solution.title, exact: true })).toBeVisible();
      await expect(section.getByRole('link', { name: solution.title, exact: true }).first()).toHaveAttribute(
        'href',
        `/solutions/${solution.key}`,
      );
    }
    await expectNoAxeViolations(page);
  });
});

test.describe('liens vers les fiches des solutions', () => {
  test('depuis un besoin, chaque titre de solution mène à sa fiche', async ({ page }) => {
    const need = seedNeeds.find((candidate) => candidate.key === 'conformite-loi-25') ?? seedNeeds[0]!;
    await page.goto(`/besoins/${need.key}`);
    for (const solution of allSolutions(need.solutions)) {
      await expect(page.getByRole('heading', { name: solution.title, exact: true }).getByRole('link')).toHaveAttribute(
        'href',
        `/solutions/${solution.key}`,
      );
    }
    await page.getByRole('heading', { name: allSolutions(need.solutions)[0]!.title, exact: true }).getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/solutions/${allSolutions(need.solutions)[0]!.key}$`));
  });

  test("depuis un fournisseur aussi, et la fiche du fournisseur montre sa vérification", async ({ page }) => {
    await page.goto('/fournisseurs/nord-ouvert');
    for (const key of ['atelier-sur-la-politique-de-confidentialite', 'conformite-dans-le-cadre-de-dataide']) {
      await expect(page.locator(`main h3 a[href="/solutions/${key}"]`)).toBeVisible();
    }
    await expect(page.getByText(/^Dernière vérification :/)).toHaveCount(1);
    await expect(page.getByText('Personne n’a encore vérifié cette fiche : ce qu’elle dit a pu changer.')).toBeVisible();
  });
});

test.describe('solutions sans JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('la fiche est complète et ses liens fonctionnent', async ({ page }) => {
    await page.goto('/solutions/faire-connaitre-les-initiatives-existantes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText("Faire connaître les initiatives d'accompagnement existantes");
    const cited = page.getByRole('region', { name: 'Fournisseurs' }).getByRole('listitem');
    await expect(cited).toHaveCount(8);
    for (const item of await cited.all()) await expect(item).toContainText('est cité en exemple par l’inventaire.');
    await page.locator('main a[href="/solutions/reseau-d-accompagnateurs-au-numerique"]').first().click();
    await expect(page).toHaveURL(/\/solutions\/reseau-d-accompagnateurs-au-numerique$/);
  });
});

test.describe('solutions sur téléphone @mobile', () => {
  test("les fiches tiennent dans la largeur de l'écran @mobile", async ({ page }) => {
    for (const path of ['/solutions', '/solutions/faire-connaitre-les-initiatives-existantes', '/solutions/tech-accelerate']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
