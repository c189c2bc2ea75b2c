// What the public pages say of the inventory's uncertain words (issue 12, items 15–20): a
// solution that may exist is « à confirmer », an organisation only approached or cited is not
// said to offer anything, what the team inferred says so, « la ligne précédente » names its
// need, and a person's name from the source is never shown.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { allSolutions, seedNeeds } from './helpers/inventory';

const source = readFileSync(path.join(process.cwd(), 'prisma', 'seed', 'source', 'inventaire-besoins-2023.txt'), 'utf8');
// The person the source names, read from the source itself (the tests do not repeat the name).
const personNamed = /évoqué par (\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+) de /u.exec(source)?.[1] ?? '';
const solutions = seedNeeds.flatMap((need) => allSolutions(need.solutions));
const titleOf = (key: string) => solutions.find((solution) => solution.key === key)!.title;

/** The list item of a solution on a need page, found by its heading. */
function solutionItem(scope: Locator, key: string): Locator {
  return scope.getByRole('listitem').filter({ has: scope.page().getByRole('heading', { name: titleOf(key), exact: true }) }).first();
}

test.describe('les mots de l’inventaire, sans en dire plus', () => {
  test('la page de la Loi 25 : à confirmer, approché, déduit par l’équipe', async ({ page }) => {
    await page.goto('/besoins/conformite-loi-25');
    const main = page.getByRole('main');
    await expect(main).toContainText('3 solutions qui existent déjà, 2 dont l’existence est à confirmer, 0 idée pas encore offerte, ');

    // 15 and 16: neither existing nor proposed.
    const toConfirm = main.getByRole('region', { name: 'Solutions dont l’existence est à confirmer' });
    const proposed = main.getByRole('region', { name: 'Idées, pas encore offertes' });
    const existing = main.getByRole('region', { name: 'Solutions qui existent déjà' });
    for (const key of ['conformite-dans-le-cadre-de-dataide', 'conseils-juridiques-sur-la-loi-25']) {
      const item = solutionItem(toConfirm, key);
      await expect(item).toContainText('Existence à confirmer');
      await expect(proposed.getByRole('heading', { name: titleOf(key), exact: true })).toHaveCount(0);
      await expect(existing.getByRole('heading', { name: titleOf(key), exact: true })).toHaveCount(0);
    }
    await expect(proposed).toContainText('Le milieu n’a encore nommé aucune idée pour ce besoin.');
    const dataide = solutionItem(toConfirm, 'conformite-dans-le-cadre-de-dataide');
    await expect(dataide).toContainText('Potentiellement couvert par Nord Ouvert dans le cadre de Dataide.');
    await expect(dataide).toContainText("Existence à confirmer : l'inventaire écrit « Potentiellement couvert");
    // 18: the funding role is the team's reading, and so are the kinds of help.
    await expect(dataide).toContainText('Dataide (finance cette solution, déduit par l’équipe)');
    await expect(dataide).toContainText('(déduit par l’équipe)');

    // 16: Juripop was approached; the page does not say it offers the service.
    const juripop = solutionItem(toConfirm, 'conseils-juridiques-sur-la-loi-25');
    await expect(juripop).toContainText('Juripop (a été approché par des organismes)');
    await expect(juripop).toContainText('À vérifier : ');

    await expect(main).toContainText('« Déduit par l’équipe » : l’inventaire de la Table ne le dit pas.');
    await expectNoAxeViolations(page);
  });

  test('la solution de Juripop dit son statut, et que Juripop a seulement été approché', async ({ page }) => {
    await page.goto('/solutions/conseils-juridiques-sur-la-loi-25');
    const main = page.getByRole('main');
    await expect(main.getByText(/^\W*Existence à confirmer$/)).toBeVisible();
    await expect(main.getByRole('region', { name: 'En bref' })).toContainText('L’inventaire dit seulement que cette solution existe peut-être : vérifiez avant de compter dessus.');
    const providers = main.getByRole('region', { name: 'Fournisseurs' });
    await expect(providers).toContainText('Juripop a été approché par des organismes.');
    await expect(providers).not.toContainText('offre cette solution');
  });

  test('17 : faire connaître les initiatives est une proposition, les organismes y sont cités en exemple', async ({ page }) => {
    await page.goto('/besoins/formation-du-personnel-au-numerique');
    const proposed = page.getByRole('main').getByRole('region', { name: 'Idées, pas encore offertes' });
    const promote = solutionItem(proposed, 'faire-connaitre-les-initiatives-existantes');
    await expect(promote).toContainText('Idée, pas encore offerte');
    await expect(promote).toContainText('La Puce (est cité en exemple par l’inventaire)');
    await expect(promote).toContainText('Hub01 (est cité en exemple par l’inventaire)');
    await expect(page.getByRole('main').getByRole('region', { name: 'Solutions qui existent déjà' })).toContainText(
      'Le répertoire ne connaît encore aucune solution qui existe déjà pour ce besoin.',
    );
  });

  test('18 : le coût « Subventionné » d’une proposition et les rôles déduits le disent', async ({ page }) => {
    await page.goto('/solutions/subventionner-l-accompagnement');
    await expect(page.getByRole('region', { name: 'En bref' })).toContainText('Subventionné (déduit par l’équipe)');
    await expect(page.getByRole('region', { name: 'En bref' })).toContainText('Financement (déduit par l’équipe)');
    await page.goto('/solutions/programmes-de-virage-numerique');
    await expect(page.getByRole('region', { name: 'Fournisseurs' })).toContainText('finance cette solution, déduit par l’équipe.');
    await page.goto('/fournisseurs/programme-numerique-collectif');
    await expect(page.getByRole('main')).toContainText('Programme numérique collectif finance cette solution, déduit par l’équipe.');
  });

  test('19 : « la ligne précédente » nomme le besoin dont il s’agit', async ({ page }) => {
    await page.goto('/besoins/identifier-ses-besoins-numeriques');
    const related = page.getByRole('region', { name: 'Besoins et enjeux liés' });
    await expect(related.getByRole('link', { name: 'Accompagnement personnalisé', exact: true })).toHaveAttribute('href', '/besoins/accompagnement-personnalise');
    // The inventory's note, quoted as the source's words (the browser draws the « »).
    await expect(related.locator('q[data-source="inventaire"]')).toHaveText("Lié à la ligne précédente [de l'inventaire : Accompagnement personnalisé].");
    await expect(page.getByRole('main')).toContainText('Entre crochets dans les mots de l’inventaire : un ajout de l’équipe du site.');
  });

  test('20 : le nom d’une personne n’est publié nulle part ; son lien avec l’organisme l’est', async ({ page, request }) => {
    expect(personNamed).not.toBe('');
    await page.goto('/besoins/acces-au-materiel-et-aux-logiciels');
    const main = page.getByRole('main');
    await expect(main).toContainText('fonds de développement évoqué par [une personne représentant Centraide Québec] (vérifier).');
    await expect(main).not.toContainText(personNamed);
    for (const url of ['/solutions/subventions-pour-materiel-licences-et-accompagnement', '/fournisseurs/centraide-quebec', '/recherche?q=Centraide']) {
      await page.goto(url);
      await expect(page.locator('body'), url).not.toContainText(personNamed);
    }
    for (const file of ['/donnees/repertoire.json', '/donnees/inventaire.csv', '/donnees/repertoire-hsds.json']) {
      expect(await (await request.get(file)).text(), file).not.toContain(personNamed);
    }
  });

  test('le portrait compte à part les solutions à confirmer et dit ce qui est déduit', async ({ page }) => {
    await page.goto('/portrait');
    const unconfirmed = solutions.filter((solution) => solution.availability === 'UNCONFIRMED');
    expect(unconfirmed.map((solution) => solution.key).sort()).toEqual(['conformite-dans-le-cadre-de-dataide', 'conseils-juridiques-sur-la-loi-25']);
    const figures = page.locator('.key-figures');
    const figure = (label: RegExp) => figures.locator('div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');
    await expect(figure(/dont l’existence est à confirmer/)).toHaveText(String(unconfirmed.length));
    await expect(figure(/idées pas encore offertes/)).toHaveText(String(solutions.filter((solution) => solution.availability === 'PROPOSED').length));

    const gap = page.getByRole('region', { name: /Solutions dont l’existence est à confirmer/ });
    for (const solution of unconfirmed) await expect(gap.getByRole('link', { name: solution.title, exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: /Idées, pas encore offertes/ }).getByRole('link', { name: titleOf('conformite-dans-le-cadre-de-dataide') })).toHaveCount(0);

    const coverage = page.getByRole('table', { name: /Pour chaque besoin/ });
    const loi25 = coverage.getByRole('row').filter({ has: page.getByRole('link', { name: 'Conformité à la Loi 25 (et à la Loi 27)', exact: true }) });
    // Existing, to confirm, proposed.
    await expect(loi25.getByRole('cell').nth(0)).toHaveText('3');
    await expect(loi25.getByRole('cell').nth(1)).toHaveText('2');
    await expect(loi25.getByRole('cell').nth(2)).toHaveText('0');
    await expect(page.getByRole('main')).toContainText(`Les types d’aide de ${solutions.length} solutions sur ${solutions.length} sont déduits par l’équipe du répertoire`);
    await expectNoAxeViolations(page);
  });
});
