import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

test.describe('questionnaire guidé', () => {
  test('propose les solutions de la Loi 25, les gratuites en premier, avec leurs raisons', async ({ page }) => {
    await page.goto('/trouver');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/six questions/);
    await expect(page.locator('form fieldset')).toHaveCount(6);
    await expectNoAxeViolations(page);

    await page.getByRole('checkbox', { name: /Conformité et renseignements personnels/ }).check();
    await page.getByRole('radio', { name: "Aucun budget pour l’instant" }).check();
    await page.getByRole('button', { name: 'Voir les solutions' }).click();

    await expect(page).toHaveURL(/theme=conformite-et-renseignements-personnels/);
    const results = page.locator('#resultats');
    await expect(results.getByRole('link', { name: 'Conformité à la Loi 25 (et à la Loi 27)' })).toBeVisible();
    const first = results.locator('ol > li').first();
    await expect(first.getByRole('heading')).toHaveText('Documentation et outils gratuits');
    await expect(first).toContainText('Coût : gratuit');
    await expect(first).toContainText('Répond à : Conformité à la Loi 25');
    // Every solution of that need, and nothing from other needs.
    await expect(results.locator('ol').first().locator('> li')).toHaveCount(5);
    await expect(results.getByRole('link', { name: 'Juripop' }).first()).toBeVisible();
    await expect(results.getByRole('link', { name: 'Nord Ouvert' }).first()).toBeVisible();
    // The answers are kept in the form.
    await expect(page.getByRole('checkbox', { name: /Conformité et renseignements personnels/ })).toBeChecked();
    await expectNoAxeViolations(page);
  });

  test('le lien des résultats redonne les mêmes résultats ailleurs', async ({ page, browser }) => {
    await page.goto('/trouver?theme=materiel-et-logiciels&aide=SOFTWARE');
    const titles = await page.locator('#resultats ol').first().locator('> li h4').allTextContents();
    expect(titles[0]).toBe('Logiciels à rabais');

    const other = await browser.newContext();
    const fresh = await other.newPage();
    await fresh.goto(page.url());
    await expect(fresh.locator('#resultats ol').first().locator('> li h4')).toHaveText(titles);
    await other.close();
  });

  test('fonctionne sans JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/trouver');
    await page.getByRole('checkbox', { name: /Matériel et logiciels/ }).check();
    await page.getByRole('button', { name: 'Voir les solutions' }).click();
    await expect(page).toHaveURL(/theme=materiel-et-logiciels/);
    await expect(page.locator('#resultats ol').first().locator('> li')).not.toHaveCount(0);
    await context.close();
  });

  test('une adresse trafiquée donne une page utile, pas une erreur', async ({ page }) => {
    const response = await page.goto(`/trouver?theme=%27%3B--&aide=HACK&region=MARS&budget=${'x'.repeat(3000)}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('button', { name: 'Voir les solutions' })).toBeVisible();
  });

  test("dit quoi faire quand rien ne correspond", async ({ page }) => {
    await page.goto('/trouver?theme=referencement&budget=none&aide=HARDWARE&region=LAVAL&format=IN_PERSON');
    await expect(page.locator('#resultats')).toBeVisible();
    // "Savoir à qui s'adresser" has one proposed solution, still listed with its caveats.
    await expect(page.locator('#resultats')).toContainText('Idée, pas encore offerte : personne ne l’offre encore');
    await page.goto('/trouver?theme=inconnu-de-tous');
    await expect(page.getByText('Aucune solution du répertoire ne répond à toutes vos réponses.')).toBeVisible();
    await expect(page.locator('#resultats').getByRole('link', { name: /Parcourez tous les besoins/ })).toHaveAttribute('href', '/besoins');
  });
});
