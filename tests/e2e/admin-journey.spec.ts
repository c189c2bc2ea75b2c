// Issue 4's "Done when", in the browser: a new member is invited, signs in, fixes a public
// entry and sees it public at once, then is locked out at their very next request; saving
// through the solution and theme forms (links with a role, history, restore, a draft never
// public until it is published); a conflicting edit of a provider refused without loss.
//
// Other specs read the seeded inventory (names, counts of published entries). These tests
// change only fields no other spec reads (the phone of "Relief Affaires", the description
// of the theme "Adhésion au virage numérique") and restore them through the history page;
// everything else is a draft created here with a unique name. The one solution published
// here is archived a few seconds later: counts of published solutions are only off while
// it is public.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { adminAccount, freshPage, nextAddress, requireAdminAccount, signedInAdminPage, signIn, signInAsAdmin, submit } from './helpers/admin';
import { seedNeeds, seedProviders } from './helpers/inventory';

type SeedTheme = { key: string; name: string; description: string };
const seedThemes = (JSON.parse(readFileSync(path.join(process.cwd(), 'prisma', 'seed', 'inventaire-2023.json'), 'utf8')) as { themes: SeedTheme[] }).themes;

const seeded = <T extends { key: string }>(list: T[], key: string): T => {
  const found = list.find((entry) => entry.key === key);
  if (!found) throw new Error(`« ${key} » n'est plus dans prisma/seed/inventaire-2023.json : choisissez une autre fiche.`);
  return found;
};

/** Lowercase letters and digits only: names built from it have a predictable slug. */
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 4).toString(36)}`;

test.beforeAll(requireAdminAccount);

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': nextAddress() });
});

/** The history's newest record: its heading, author and diff. */
function latestRecord(page: Page) {
  return page.getByRole('main').locator('ol > li').first();
}

/**
 * From an entry's history page, restores the version from before its newest change: the
 * record before it if there is one, else the "before" side of the newest (and only) record.
 */
async function restoreVersionBeforeLatestChange(page: Page): Promise<void> {
  const records = page.getByRole('main').locator('ol > li');
  const previous = records.nth(1).getByRole('link', { name: /^Restaurer cette version/ });
  if ((await records.count()) > 1 && (await previous.count()) > 0) await previous.click();
  else await records.first().getByRole('link', { name: /^Restaurer la version d’avant ce changement/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Restaurer une version');
  await submit(page, 'Restaurer cette version');
  await expect(page.getByRole('status')).toContainText('Version restaurée');
}

test('un membre invité se connecte, corrige une fiche publique visible aussitôt, puis perd l’accès dès sa requête suivante', async ({ page, browser, baseURL }) => {
  // Three browsers, two Argon2 password hashes and a few dozen steps: about a minute on a busy machine.
  test.setTimeout(180_000);
  const stamp = unique();
  const name = `Membre parcours ${stamp}`;
  const email = `membre-${stamp}@exemple.org`;
  const password = 'une phrase de passe pour le parcours';
  const provider = seeded(seedProviders, 'relief-affaires');
  const digits = String(Date.now()).slice(-4);
  const phone = `418 555-${digits} poste 12`;
  const refusedPhone = `418 555-${digits} poste 34`;

  // The admin invites a new member with the Édition role and gets the one-time link.
  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Membres' }).click();
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.getByLabel('Adresse courriel').fill(email);
  await page.getByLabel(/^Édition/).check();
  await submit(page, 'Créer le lien d’invitation');
  const linkField = page.getByLabel('Lien à transmettre');
  await expect(linkField).toHaveValue(/\/admin\/invitation\/[A-Za-z0-9_-]{43}$/);
  const invitationPath = new URL(await linkField.inputValue()).pathname;
  await expect(page.getByRole('main').getByRole('listitem').filter({ hasText: email })).toContainText('Édition');

  // The member opens it in a browser of their own, chooses a password, and signs in.
  const member = await freshPage(browser, baseURL);
  await member.goto(invitationPath);
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Bienvenue dans l’administration du répertoire');
  await member.getByLabel('Votre nom').fill(name);
  await member.getByLabel('Mot de passe', { exact: true }).fill(password);
  await member.getByLabel('Mot de passe, une deuxième fois').fill(password);
  await submit(member, 'Enregistrer mon mot de passe');
  await expect(member).toHaveURL(/\/admin\/connexion\?etat=mot-de-passe$/);
  await signIn(member, email, password, name);

  // They fix the phone of a published provider through its form.
  await member.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Fournisseurs' }).click();
  await member.getByLabel('Texte', { exact: true }).fill(provider.name);
  await Promise.all([member.waitForURL(/\/admin\/fournisseurs\?q=/), member.getByRole('button', { name: 'Filtrer' }).click()]);
  await member.getByRole('main').getByRole('link', { name: provider.name, exact: true }).click();
  await expect(member.getByRole('heading', { level: 1 })).toHaveText(provider.name);
  const editPath = new URL(member.url()).pathname;
  const phoneField = member.getByLabel('Téléphone (facultatif)');
  const originalPhone = await phoneField.inputValue();
  expect(originalPhone).not.toBe(phone);
  await phoneField.fill(phone);
  await submit(member, 'Enregistrer');
  await expect(member.getByRole('status')).toContainText('Modifications enregistrées. Le site public montre déjà cette version.');
  await expect(phoneField).toHaveValue(phone);

  // Public at once, for anybody: a visitor without an account sees the new number.
  const visitor = await freshPage(browser, baseURL);
  await visitor.goto(`/fournisseurs/${provider.key}`);
  await expect(visitor.getByRole('main').getByRole('link', { name: phone })).toHaveAttribute('href', `tel:418555${digits}12`);

  // The member starts another change; meanwhile the admin deactivates them.
  await member.goto(editPath);
  await phoneField.fill(refusedPhone);
  await page.goto('/admin/membres');
  await page.getByRole('main').getByRole('link', { name, exact: true }).click();
  await submit(page, `Désactiver ${name}`);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('Membre désactivé');

  // The member's very next request, that save, is refused: back to the sign-in page.
  await Promise.all([member.waitForURL(/\/admin\/connexion\?raison=session$/), member.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
  await expect(member.getByRole('main').getByRole('status')).toContainText('Votre session a pris fin');
  await visitor.reload();
  await expect(visitor.getByRole('main')).toContainText(phone);
  await expect(visitor.getByRole('main')).not.toContainText(refusedPhone);
  // And every page after it.
  await member.goto(editPath);
  await expect(member).toHaveURL(/\/admin\/connexion\?raison=session$/);

  // The history names the member; the admin restores the version from before their change.
  await page.goto(`${editPath}/historique`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Historique : ${provider.name}`);
  await expect(latestRecord(page).getByRole('heading', { level: 2 })).toContainText('Modification');
  await expect(latestRecord(page)).toContainText(`par ${name}`);
  await expect(latestRecord(page).locator('ins')).toContainText(phone);
  await restoreVersionBeforeLatestChange(page);
  await expect(page.getByLabel('Téléphone (facultatif)')).toHaveValue(originalPhone);
  await visitor.reload();
  await expect(visitor.getByRole('main')).not.toContainText(phone);

  await member.context().close();
  await visitor.context().close();
});

test('une solution en brouillon, liée à un besoin et à un fournisseur avec un rôle, ne paraît au public qu’une fois publiée', async ({ page, browser, baseURL }) => {
  test.slow();
  const stamp = unique();
  const title = `Solution parcours ${stamp}`;
  const slug = `solution-parcours-${stamp}`;
  const description = `Un accompagnement créé par les tests (${stamp}).`;
  const need = seeded(seedNeeds, 'manque-de-temps-et-epuisement');
  const provider = seeded(seedProviders, 'techno-culture-club');

  await signInAsAdmin(page);
  await page.goto('/admin/solutions/nouveau');
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await page.getByLabel('Description', { exact: true }).fill(description);
  await page.getByLabel(need.title, { exact: true }).check();
  await page.getByLabel('Fournisseur', { exact: true }).selectOption({ label: provider.name });
  await page.getByLabel('Rôle', { exact: true }).selectOption({ label: 'finance' });
  await submit(page, 'Créer la solution');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('status')).toContainText('Fiche créée');
  await expect(page.getByText(/^Brouillon · version 1 ·/)).toBeVisible();
  await expect(page.getByLabel(need.title, { exact: true })).toBeChecked();
  await expect(page.getByLabel(`${provider.name} (finance)`, { exact: true })).toBeChecked();
  await expect(page.getByRole('link', { name: 'Voir sur le site public' })).toHaveCount(0);
  const editPath = new URL(page.url()).pathname;

  // The history shows the creation, by whom, with the links.
  await page.getByRole('link', { name: 'Historique des versions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Historique : ${title}`);
  await expect(page.getByRole('main').locator('ol > li')).toHaveCount(1);
  await expect(latestRecord(page).getByRole('heading', { level: 2 })).toHaveText('Création — version 1 (version actuelle)');
  await expect(latestRecord(page)).toContainText(`par ${adminAccount.name}`);
  for (const text of [title, need.title, provider.name]) await expect(latestRecord(page)).toContainText(text);
  await expectNoAxeViolations(page);

  // A draft is nowhere public: not its own page (404), not its need's, not its provider's, not the API.
  const visitor = await freshPage(browser, baseURL);
  const missing = await visitor.goto(`/solutions/${slug}`);
  expect(missing?.status()).toBe(404);
  expect((await visitor.request.get(`/api/v1/solutions/${slug}`)).status()).toBe(404);
  for (const publicPath of [`/besoins/${need.key}`, `/fournisseurs/${provider.key}`, '/solutions']) {
    await visitor.goto(publicPath);
    await expect(visitor.getByRole('main'), publicPath).not.toContainText(title);
  }
  // Nor in the search (whose answers the server keeps until the next edit: asked twice here).
  const searchPath = `/recherche?q=${stamp}`;
  for (let n = 0; n < 2; n += 1) {
    await visitor.goto(searchPath);
    await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Aucun résultat');
  }

  // Published: public at once, on its page, its need's and its provider's (with the role).
  await page.goto(editPath);
  await page.getByLabel('État', { exact: true }).selectOption('PUBLISHED');
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('status')).toContainText('la fiche est publiée. Le site public montre déjà cette version.');
  await expect(page.getByRole('link', { name: 'Voir sur le site public' })).toHaveAttribute('href', `/solutions/${slug}`);
  const published = await visitor.goto(`/solutions/${slug}`);
  expect(published?.status()).toBe(200);
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(visitor.getByRole('main')).toContainText(description);
  await visitor.goto(`/besoins/${need.key}`);
  await expect(visitor.getByRole('main').getByRole('link', { name: title, exact: true })).toHaveAttribute('href', `/solutions/${slug}`);
  await visitor.goto(`/fournisseurs/${provider.key}`);
  const offer = visitor.getByRole('main').getByRole('listitem').filter({ has: visitor.getByRole('heading', { name: title, exact: true }) });
  await expect(offer).toContainText(' finance cette solution.');
  await visitor.goto(searchPath);
  await expect(visitor.getByRole('main').getByRole('link', { name: title, exact: true }).first()).toHaveAttribute('href', `/solutions/${slug}`);

  // Archived right away (other specs count published solutions): the confirmation names what it touches.
  await page.goto(`${editPath}/retirer`);
  const impact = page.getByRole('region', { name: 'Ce que cela touche' });
  await expect(impact).toContainText(need.title);
  await expect(impact).toContainText(provider.name);
  await submit(page, `Archiver « ${title} »`);
  await expect(page.getByRole('status')).toContainText('Fiche archivée');
  const archived = await visitor.goto(`/solutions/${slug}`);
  expect(archived?.status()).toBe(404);
  await visitor.goto(`/besoins/${need.key}`);
  await expect(visitor.getByRole('main')).not.toContainText(title);
  await visitor.goto(searchPath);
  await expect(visitor.getByRole('heading', { level: 1 })).toContainText('Aucun résultat');

  // The history keeps each step, newest first.
  await page.goto(`${editPath}/historique`);
  await expect(page.getByRole('main').locator('ol > li').getByRole('heading', { level: 2 })).toHaveText([
    /^Archivage — version 3/,
    /^Publication — version 2/,
    /^Création — version 1/,
  ]);
  await visitor.context().close();
});

test('la description d’un thème modifiée paraît au public, puis la version d’origine est restaurée', async ({ page, browser, baseURL }) => {
  test.slow();
  const theme = seeded(seedThemes, 'adhesion-au-virage-numerique');
  const addition = `Précision des tests ${unique()}.`;

  await signInAsAdmin(page);
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Thèmes' }).click();
  await page.getByRole('main').getByRole('link', { name: theme.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(theme.name);
  const description = page.getByLabel('Description (facultatif)');
  await expect(description).toHaveValue(theme.description);
  await description.fill(`${theme.description} ${addition}`);
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('status')).toContainText('Modifications enregistrées');
  await expect(description).toHaveValue(`${theme.description} ${addition}`);
  const editPath = new URL(page.url()).pathname;

  // The matching form lists the themes with their description.
  const visitor = await freshPage(browser, baseURL);
  await visitor.goto('/trouver');
  await expect(visitor.getByRole('main')).toContainText(addition);

  await page.getByRole('link', { name: 'Historique des versions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Historique : ${theme.name}`);
  await expect(latestRecord(page).getByRole('heading', { level: 2 })).toContainText('Modification');
  await expect(latestRecord(page).locator('ins')).toContainText(addition.split(' ')[0]!);
  await restoreVersionBeforeLatestChange(page);
  await expect(page).toHaveURL(new RegExp(`${editPath}\\?etat=restore$`));
  await expect(page.getByLabel('Description (facultatif)')).toHaveValue(theme.description);

  await visitor.reload();
  await expect(visitor.getByRole('main')).toContainText(theme.description);
  await expect(visitor.getByRole('main')).not.toContainText(addition);
  await page.goto(`${editPath}/historique`);
  await expect(latestRecord(page).getByRole('heading', { level: 2 })).toContainText('Restauration d’une version');
  await visitor.context().close();
});

test('deux personnes modifient le même fournisseur : la seconde est refusée, son texte gardé et l’autre version montrée', async ({ page, browser, baseURL }) => {
  test.slow();
  const name = `Fournisseur conflit ${unique()}`;
  await signInAsAdmin(page);
  await page.goto('/admin/fournisseurs/nouveau');
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await submit(page, 'Créer le fournisseur');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
  await expect(page.getByRole('status')).toContainText('Fiche créée');
  const editPath = new URL(page.url()).pathname;

  // Both open the form at version 1; the other person saves first.
  const other = await signedInAdminPage(browser, baseURL);
  await other.goto(editPath);
  await page.goto(editPath);
  await other.getByLabel('Nom', { exact: true }).fill(`${name} (version B)`);
  await other.getByLabel('Téléphone (facultatif)').fill('514 555-0101');
  await submit(other, 'Enregistrer');
  await expect(other.getByRole('status')).toContainText('Modifications enregistrées');

  // This save, from the older version, is refused; nothing typed is lost.
  const typed = `Une description tapée pendant que l’autre enregistrait.\n${'Une ligne de plus. '.repeat(100)}`;
  await page.getByLabel('Description (facultatif)').fill(typed);
  await page.getByLabel('Téléphone (facultatif)').fill('514 555-0199 poste 7');
  await page.getByRole('group', { name: 'Régions desservies' }).getByLabel('Montréal').check();
  await submit(page, 'Enregistrer');
  const summary = page.getByRole('alert').filter({ hasText: 'Vos changements n’ont pas été enregistrés' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Description (facultatif)')).toHaveValue(typed);
  await expect(page.getByLabel('Téléphone (facultatif)')).toHaveValue('514 555-0199 poste 7');
  await expect(page.getByRole('group', { name: 'Régions desservies' }).getByLabel('Montréal')).toBeChecked();
  await expect(page.getByLabel('Nom', { exact: true })).toHaveValue(name);

  // The other version is shown beside it, field by field.
  const panel = page.getByRole('region', { name: new RegExp(`^Version enregistrée entre-temps par ${adminAccount.name}`) });
  await expect(panel).toContainText(`${name} (version B)`);
  await expect(panel).toContainText('514 555-0101');
  await expect(panel).toContainText('514 555-0199 poste 7');
  await expectNoAxeViolations(page);

  // Nothing of this attempt was written: the history holds the creation and the other save only.
  await other.goto(`${editPath}/historique`);
  await expect(other.getByRole('main').locator('ol > li')).toHaveCount(2);
  await expect(latestRecord(other)).not.toContainText('514 555-0199');

  // A field to correct after the conflict is only that: once fixed, the save goes through,
  // knowingly replacing the other version (not refused as a conflict a second time).
  await page.getByLabel('Téléphone (facultatif)').fill('pas un numéro');
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('alert').filter({ hasText: 'corrigez les champs indiqués' })).toBeVisible();
  await expect(page.getByText('Erreur : Entrez un numéro de téléphone valide')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Vos changements n’ont pas été enregistrés : une autre personne' })).toHaveCount(0);
  await expect(page.getByLabel('Description (facultatif)')).toHaveValue(typed);
  await page.getByLabel('Téléphone (facultatif)').fill('514 555-0199 poste 7');
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('status')).toContainText('Modifications enregistrées');
  await expect(page.getByText(/· version 3 ·/)).toBeVisible();
  await expect(page.getByLabel('Description (facultatif)')).toHaveValue(typed.trim());
  await expect(page.getByLabel('Téléphone (facultatif)')).toHaveValue('514 555-0199 poste 7');
  await other.context().close();
});

test('l’adresse d’un fournisseur se saisit dans son formulaire, paraît sur sa page, dans l’API et sur la feuille du panier, la rue seulement si elle est publique', async ({ page, browser, baseURL }) => {
  test.slow();
  const stamp = unique();
  const name = `Organisme adresse ${stamp}`;
  const slug = `organisme-adresse-${stamp}`;
  const street = '1234, rue Exemple, bureau 200';

  await signInAsAdmin(page);
  await page.goto('/admin/fournisseurs/nouveau');
  await page.getByLabel('Nom', { exact: true }).fill(name);
  await page.getByLabel('Numéro et rue (facultatif)', { exact: true }).fill(street);
  await page.getByLabel('Municipalité (facultatif)', { exact: true }).fill('Montréal');
  await page.getByLabel('Code postal (facultatif)', { exact: true }).fill('h2x1y4');
  await expect(page.getByLabel('Afficher le numéro et la rue sur le site public', { exact: true })).not.toBeChecked();
  await page.getByLabel('État', { exact: true }).selectOption('PUBLISHED');
  await submit(page, 'Créer le fournisseur');
  await expect(page.getByRole('status')).toContainText('Fiche créée');
  // Checked and written the Canadian way.
  await expect(page.getByLabel('Code postal (facultatif)', { exact: true })).toHaveValue('H2X 1Y4');
  await expect(page.getByLabel('Numéro et rue (facultatif)', { exact: true })).toHaveValue(street);
  const editPath = new URL(page.url()).pathname;

  // Public: the municipality and the postal code, not the street.
  const visitor = await freshPage(browser, baseURL);
  await visitor.goto(`/fournisseurs/${slug}`);
  const facts = visitor.getByRole('main').locator('dl').first();
  await expect(facts).toContainText('AdresseMontréal, H2X 1Y4');
  await expect(visitor.getByRole('main')).not.toContainText('rue Exemple');
  const record = (await (await visitor.request.get(`/api/v1/providers/${slug}`)).json()) as Record<string, unknown>;
  expect(record).toMatchObject({ street_address: '', municipality: 'Montréal', postal_code: 'H2X 1Y4' });
  expect(record).not.toHaveProperty('is_street_public');

  // Made public: the street shows on the page, in the API and on the basket's sheet.
  await page.goto(editPath);
  await page.getByLabel('Afficher le numéro et la rue sur le site public', { exact: true }).check();
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('status')).toContainText('Modifications enregistrées');
  await visitor.goto(`/fournisseurs/${slug}`);
  await expect(visitor.getByRole('main').locator('dl').first()).toContainText(`Adresse${street}, Montréal, H2X 1Y4`);
  expect(await (await visitor.request.get(`/api/v1/providers/${slug}`)).json()).toMatchObject({ street_address: street });
  await visitor.goto(`/panier?liste=p:${slug}`);
  const sheet = visitor.getByRole('main').locator('.basket-facts');
  await expect(sheet).toContainText(`Adresse${street}`);
  await expect(sheet).toContainText('MunicipalitéMontréal');
  await expect(sheet).toContainText('Code postalH2X 1Y4');

  // The history names the change in French.
  await page.goto(`${editPath}/historique`);
  await expect(latestRecord(page)).toContainText('Rue publique');
  await expect(page.getByRole('main').locator('ol > li').last()).toContainText('H2X 1Y4');

  // Archived right away (other specs count published providers).
  await page.goto(`${editPath}/retirer`);
  await submit(page, `Archiver « ${name} »`);
  await expect(page.getByRole('status')).toContainText('Fiche archivée');
  await visitor.context().close();
});
