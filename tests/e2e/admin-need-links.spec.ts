// The need form's links, without JavaScript: solutions and needs picked from the lists of
// « Ajouter des solutions » and « Lier à d’autres besoins » are linked on save, kept in order
// and unlinked by unticking them. The need is a draft created here with a unique title: no
// other spec sees it.
import { expect, test } from '@playwright/test';
import { freshPage, nextAddress, requireAdminAccount, signInAsAdmin, submit } from './helpers/admin';
import { allSolutions, seedNeeds } from './helpers/inventory';

test.beforeAll(requireAdminAccount);

test('les listes à cocher du formulaire d’un besoin lient des solutions et des besoins, sans JavaScript', async ({ browser, baseURL }) => {
  test.slow();
  const page = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': nextAddress() });
  const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const title = `Besoin des tests ${stamp}`;
  const [needWithSolutions] = seedNeeds.filter((need) => need.solutions.length > 0);
  const solution = allSolutions(needWithSolutions!.solutions)[0]!;
  const related = seedNeeds.find((need) => need.key !== needWithSolutions!.key)!;

  await signInAsAdmin(page);
  await page.goto('/admin/besoins/nouveau');
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await page.getByLabel('Description', { exact: true }).fill(`Créé par les tests (${stamp}).`);
  const addSolutions = page.getByRole('group', { name: 'Ajouter des solutions' });
  await expect(addSolutions).toContainText('Cochez-les : elles s’ajoutent à la fin');
  await addSolutions.getByLabel(solution.title, { exact: true }).check();
  await page.getByRole('group', { name: 'Lier à d’autres besoins' }).getByLabel(related.title, { exact: true }).check();
  await submit(page, 'Créer le besoin');
  await expect(page.getByRole('status')).toContainText('Fiche créée');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

  // Once linked, they are listed with the need's own links (with their order and note), not to add.
  const linkedSolutions = page.getByRole('group', { name: 'Solutions de ce besoin, dans l’ordre' });
  await expect(linkedSolutions.getByLabel(solution.title, { exact: true })).toBeChecked();
  await expect(linkedSolutions.getByLabel(`Ordre de « ${solution.title} »`)).toHaveValue(/^\d+$/);
  await expect(page.getByRole('group', { name: 'Ajouter des solutions' }).getByLabel(solution.title, { exact: true })).toHaveCount(0);
  const linkedNeeds = page.getByRole('group', { name: 'Ce besoin est lié à' });
  await expect(linkedNeeds.getByLabel(related.title, { exact: true })).toBeChecked();
  await expect(page.getByRole('group', { name: 'Lier à d’autres besoins' }).getByLabel(related.title, { exact: true })).toHaveCount(0);

  // Unticked, the link goes; the solution itself stays in the list to add.
  await linkedSolutions.getByLabel(solution.title, { exact: true }).uncheck();
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('status')).toContainText('Modifications enregistrées');
  await expect(page.getByRole('group', { name: 'Solutions de ce besoin, dans l’ordre' })).toContainText('Aucune solution liée pour l’instant.');
  await expect(page.getByRole('group', { name: 'Ajouter des solutions' }).getByLabel(solution.title, { exact: true })).not.toBeChecked();
  await page.context().close();
});
