// /admin/recherche without JavaScript: the searches that found nothing (only those searched on
// 3 different days), « Ajouter un synonyme » pre-filled from one, a refused group keeping what was
// typed with a French error, a saved group searched with at the next search, edited, deleted;
// axe-clean pages. scripts/test.ts leaves two empty searches in the database (3 days and 2 days).
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { freshPage, requireAdminAccount, signInAsAdmin } from './helpers/admin';

test.beforeAll(requireAdminAccount);

test('sans JavaScript : recherches sans résultat, ajout pré-rempli, refus, enregistrement, suppression', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const page = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Recherche', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Recherche : synonymes et recherches sans résultat');

  const empty = page.getByRole('table', { name: /Recherches sans résultat/ });
  await expect(empty.getByRole('row', { name: /zigouigoui zorglub/ })).toContainText('6');
  await expect(page.getByRole('main')).not.toContainText('cherché deux jours');

  // « Suggérer une fiche » opens the public form with the search in its message.
  await empty.getByRole('link', { name: 'Suggérer une fiche pour « zigouigoui zorglub »' }).click();
  await expect(page.getByLabel('Ce qui est offert')).toHaveValue('Recherche restée sans résultat : « zigouigoui zorglub ». ');
  await page.goBack();

  // « Ajouter un synonyme » opens the form with the query as a term.
  await empty.getByRole('link', { name: 'Ajouter un synonyme pour « zigouigoui zorglub »' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ajouter un groupe de synonymes');
  await expect(page.getByLabel('Termes', { exact: true })).toHaveValue('zigouigoui zorglub');

  // A one-way group without targets, and a hostile note kept as typed.
  await page.getByLabel(/Dans un sens/).check();
  await page.getByLabel('Note (facultatif)').fill('<b>note</b> gardée');
  await page.getByRole('button', { name: 'Ajouter le groupe' }).click();
  await expect(page.getByRole('alert')).toContainText('le groupe n’a pas été enregistré');
  await expect(page.getByText('Erreur : Indiquez au moins un terme que la recherche doit trouver aussi.')).toBeVisible();
  await expect(page.getByLabel('Termes', { exact: true })).toHaveValue('zigouigoui zorglub');
  await expect(page.getByLabel('Note (facultatif)')).toHaveValue('<b>note</b> gardée');
  await expect(page.getByLabel(/Dans un sens/)).toBeChecked();

  await page.getByLabel(/Termes à chercher aussi/).fill('Insertech');
  await page.getByRole('button', { name: 'Ajouter le groupe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'groupe ajouté' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groupe « zigouigoui zorglub »');
  await expect(page.getByRole('region', { name: 'Historique' })).toContainText('Ajouté par Admin des tests : zigouigoui zorglub → Insertech');
  const groupUrl = page.url().replace(/\?.*$/, '');

  // The next search uses it, and says why the result is there.
  const visitor = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  await visitor.goto('/recherche?q=zigouigoui+zorglub');
  await expect(visitor.getByRole('link', { name: 'Insertech', exact: true }).first()).toBeVisible();

  // Edited to a term found in nearly every entry: refused, nothing lost.
  await page.getByLabel(/Termes à chercher aussi/).fill('numérique');
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('alert')).toContainText('le groupe n’a pas été enregistré');
  await expect(page.getByText(/trop général/).first()).toBeVisible();
  await expect(page.getByLabel(/Termes à chercher aussi/)).toHaveValue('numérique');

  await page.goto(groupUrl);
  await page.getByRole('button', { name: 'Supprimer le groupe « zigouigoui zorglub »' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'groupe supprimé' })).toBeVisible();
  await visitor.goto('/recherche?q=zigouigoui+zorglub');
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Aucun résultat');

  // The journal still leads to the deleted group: its history, and a way to add it back as it was.
  await page.goto('/admin/journal');
  await page.locator(`main a[href="${new URL(groupUrl).pathname}"]`).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Groupe « zigouigoui zorglub » (supprimé)');
  await expect(page.getByRole('main')).toContainText('La recherche ne s’en sert plus.');
  await expect(page.getByRole('region', { name: 'Historique' })).toContainText('Supprimé par Admin des tests : zigouigoui zorglub → Insertech');
  const recreate = page.getByRole('region', { name: 'Recréer ce groupe' });
  await expect(recreate.getByLabel('Termes', { exact: true })).toHaveValue('zigouigoui zorglub');
  await expect(recreate.getByLabel(/Termes à chercher aussi/)).toHaveValue('Insertech');
  await expect(recreate.getByLabel('Note (facultatif)')).toHaveValue('<b>note</b> gardée');
  await recreate.getByRole('button', { name: 'Recréer le groupe' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'groupe ajouté' })).toBeVisible();
  expect(page.url().replace(/\?.*$/, '')).not.toBe(groupUrl);
  await visitor.goto('/recherche?q=zigouigoui+zorglub');
  await expect(visitor.getByRole('link', { name: 'Insertech', exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Supprimer le groupe « zigouigoui zorglub »' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'groupe supprimé' })).toBeVisible();
  await visitor.context().close();
  await page.context().close();
});

// axe-core runs in the page: these pages are checked with JavaScript on, in each state the
// test above goes through.
test('les pages de /admin/recherche passent axe-core', async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const page = await freshPage(browser, baseURL);
  await signInAsAdmin(page);
  await page.goto('/admin/recherche');
  await expect(page.getByRole('table', { name: /Recherches sans résultat/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('/admin/recherche?periode=90');
  await expectNoAxeViolations(page);
  await page.goto('/admin/recherche/nouveau?terme=zigouigoui%20zorglub');
  await expect(page.getByLabel('Termes', { exact: true })).toHaveValue('zigouigoui zorglub');
  await expectNoAxeViolations(page);
  await page.getByLabel(/Dans un sens/).check();
  await page.getByRole('button', { name: 'Ajouter le groupe' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'le groupe' })).toContainText('le groupe n’a pas été enregistré');
  await expectNoAxeViolations(page);
  await page.goto('/admin/recherche?filtre=burnout');
  await page.getByRole('link', { name: /^Modifier le groupe/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Groupe «');
  await expectNoAxeViolations(page);
  await page.context().close();
});

test('la liste des groupes se filtre par un terme, sans JavaScript', async ({ browser, baseURL }) => {
  const page = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  await signInAsAdmin(page);
  await page.goto('/admin/recherche');
  await page.getByLabel('Trouver un groupe par un de ses termes').fill('burnout');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  const groups = page.getByRole('table', { name: 'Groupes de synonymes, par premier terme' });
  await expect(groups.getByRole('row')).not.toHaveCount(1);
  await expect(groups).toContainText('burnout');
  await page.context().close();
});

test('le portrait dit, en nombres seulement, ce que les gens cherchent sans trouver (sans JavaScript, axe-core)', async ({ browser, baseURL }) => {
  const page = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  await page.goto('/portrait');
  const section = page.getByRole('region', { name: 'Ce que les gens cherchent sans trouver' });
  await expect(section).toContainText('Nous la refaisons donc aujourd’hui');
  const table = section.getByRole('table', { name: /par thème/ });
  // « burnout » (3 searches on 3 days) now finds the need about exhaustion, through a synonym.
  await expect(table.getByRole('row', { name: /Temps, épuisement/i })).toContainText('3');
  // Never the words: neither the query counted, nor the one seen on 2 days only.
  await expect(section).not.toContainText('burnout');
  await expect(page.getByRole('main')).not.toContainText('zigouigoui');
  await expect(page.getByRole('main')).not.toContainText('cherché deux jours');
  await page.context().close();

  const withScript = await freshPage(browser, baseURL);
  await withScript.goto('/portrait');
  await expectNoAxeViolations(withScript);
  await withScript.context().close();
});

test('une recherche sans résultat du site est comptée, sans le numéro de téléphone tapé avec', async ({ browser, baseURL }) => {
  const visitor = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  await visitor.goto('/recherche?q=Wxyzzy+PLOUF+514-555-1234');
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Aucun résultat');
  await visitor.context().close();

  const page = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  await signInAsAdmin(page);
  const row = page.getByRole('table', { name: /Recherches sans résultat/ }).getByRole('row', { name: /wxyzzy plouf/ });
  // Counted once the page was sent (after()): seen on 3 days before, today makes 4.
  await expect(async () => {
    await page.goto('/admin/recherche');
    await expect(row.getByRole('cell').nth(2)).toHaveText('4', { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(row.getByRole('cell').nth(1)).toHaveText('4');
  await expect(page.getByRole('main')).not.toContainText('514');
  await page.context().close();
});
