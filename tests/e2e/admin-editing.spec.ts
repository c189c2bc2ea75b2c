// Editing entries in the admin area: a change is public at the next request, a conflicting
// edit is refused without losing what was typed, an older version can be restored, the
// forms work with the keyboard alone, and the pages are axe-clean.
//
// Other spec files read the seeded inventory (titles, counts of published entries): these
// tests edit only the description of one seeded need (other specs check that it *contains*
// the seeded text) and restore it, and otherwise work on drafts they create themselves.
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { seedNeeds } from './helpers/inventory';

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? '';
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? '';

test.beforeAll(() => {
  if (!adminEmail || !adminPassword) throw new Error('E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD are set by scripts/test.ts: run npm test.');
});

let addressCounter = 0;
/** A distinct visitor address per context, so that the sign-in limit of one test never blocks another. */
function nextAddress(): string {
  addressCounter += 1;
  return `198.51.100.${200 + ((process.pid + addressCounter) % 50)}`;
}

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': nextAddress() });
});

/** Clicks a submit button and waits for the answer (see admin-auth.spec.ts). */
async function submit(page: Page, button: string | RegExp): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: button, exact: typeof button === 'string' }).click(),
  ]);
  await page.waitForFunction(() => !document.querySelector('button[aria-disabled="true"]'));
}

async function signIn(page: Page): Promise<void> {
  await page.goto('/admin/connexion');
  await page.getByLabel('Adresse courriel').fill(adminEmail);
  await page.getByLabel('Mot de passe').fill(adminPassword);
  await submit(page, 'Se connecter');
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
}

async function signedInPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: 'fr-CA', extraHTTPHeaders: { 'x-forwarded-for': nextAddress() } });
  const page = await context.newPage();
  await signIn(page);
  return page;
}

/** Creates a draft need through the form and returns the path of its edit page. */
async function createDraftNeed(page: Page, title: string): Promise<string> {
  await page.goto('/admin/besoins/nouveau');
  await page.getByLabel('Titre', { exact: true }).fill(title);
  await page.getByLabel('Description', { exact: true }).fill(`Description de ${title}.`);
  await submit(page, 'Créer le besoin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByRole('status')).toContainText('Fiche créée');
  return new URL(page.url()).pathname;
}

async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab n'a pas atteint ${target} en ${limit} pressions.`);
}

test('une modification paraît sur le site public à la requête suivante, puis la version d’origine est restaurée', async ({ page }) => {
  test.slow();
  const need = seedNeeds.find((candidate) => candidate.key === 'organisation-du-travail-hybride') ?? seedNeeds[6]!;
  const addition = `Ajout des tests ${Date.now()}.`;
  await signIn(page);
  // Before the edit, the public page is served whole from the route cache.
  await page.goto(`/besoins/${need.key}`);
  expect((await page.goto(`/besoins/${need.key}`))?.headers()['x-nextjs-cache']).toBe('HIT');
  await page.goto('/admin');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Besoins' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Besoins');
  await page.getByRole('main').getByRole('link', { name: need.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(need.title);
  const description = page.getByLabel('Description', { exact: true });
  await expect(description).toHaveValue(need.description);
  await description.fill(`${need.description} ${addition}`);
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('status')).toContainText('Modifications enregistrées');

  // Public at once: the save invalidated the cached data and the cached page.
  await page.goto(`/besoins/${need.key}`);
  await expect(page.getByRole('main')).toContainText(addition);

  // The history shows the change as a word diff, and offers the version before it.
  await page.goto('/admin/besoins');
  await page.getByRole('main').getByRole('link', { name: need.title, exact: true }).click();
  await page.getByRole('link', { name: 'Historique des versions' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Historique : ${need.title}`);
  const latest = page.getByRole('main').locator('ol > li').first();
  await expect(latest.getByRole('heading', { level: 2 })).toContainText('Modification');
  await expect(latest.locator('ins')).toContainText(addition.split(' ')[0]!);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: /Restaurer la version d’avant ce changement/ }).last().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Restaurer une version');
  await expect(page.getByRole('main').locator('del').first()).toContainText(addition.split(' ')[0]!);
  await expectNoAxeViolations(page);
  await submit(page, 'Restaurer cette version');
  await expect(page.getByRole('status')).toContainText('Version restaurée');
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue(need.description);

  await page.goto(`/besoins/${need.key}`);
  await expect(page.getByRole('main')).toContainText(need.description);
  await expect(page.getByRole('main')).not.toContainText(addition);

  await page.goto('/admin/besoins');
  await page.getByRole('main').getByRole('link', { name: need.title, exact: true }).click();
  await page.getByRole('link', { name: 'Historique des versions' }).click();
  await expect(page.getByRole('main').locator('ol > li').first().getByRole('heading', { level: 2 })).toContainText('Restauration');
});

test('une modification concurrente est refusée, le texte tapé est gardé et l’autre version montrée', async ({ page, browser, baseURL }) => {
  test.slow();
  const title = `Besoin conflit e2e ${Date.now()}`;
  await signIn(page);
  const editPath = await createDraftNeed(page, title);
  const other = await signedInPage(browser, baseURL);
  await other.goto(editPath);
  await page.goto(editPath);

  // The other member saves first.
  await other.getByLabel('Titre', { exact: true }).fill(`${title} (version B)`);
  await submit(other, 'Enregistrer');
  await expect(other.getByRole('status')).toContainText('Modifications enregistrées');

  // This one, opened before that save, is refused; nothing typed is lost.
  const typed = `Une longue description tapée par A.\n${'Ligne de texte. '.repeat(200)}`;
  await page.getByLabel('Description', { exact: true }).fill(typed);
  await page.getByLabel('Remarque (facultatif)').fill('Remarque de A');
  await submit(page, 'Enregistrer');
  const summary = page.getByRole('alert').filter({ hasText: 'Vos changements n’ont pas été enregistrés' });
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue(typed);
  await expect(page.getByLabel('Remarque (facultatif)')).toHaveValue('Remarque de A');
  await expect(page.getByLabel('Titre', { exact: true })).toHaveValue(title);
  const panel = page.getByRole('region', { name: /Version enregistrée entre-temps par Admin des tests/ });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText(`${title} (version B)`);
  await expectNoAxeViolations(page);

  // A field to correct after the conflict keeps the version acknowledged: once corrected,
  // the save goes through instead of being refused as a conflict again.
  await page.getByLabel('Titre', { exact: true }).fill('');
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('alert').filter({ hasText: 'corrigez les champs indiqués' })).toBeVisible();
  await expect(page.getByText('Erreur : Entrez un titre.')).toBeVisible();
  await page.getByLabel('Titre', { exact: true }).fill(title);

  // Saving again, knowingly, replaces the other version.
  await submit(page, 'Enregistrer');
  await expect(page.getByRole('status')).toContainText('Modifications enregistrées');
  await expect(page.getByLabel('Description', { exact: true })).toHaveValue(typed.trim());
  await other.context().close();
});

test('un formulaire se remplit et s’envoie au clavier seulement; les erreurs prennent le focus', async ({ page }) => {
  test.slow();
  await signIn(page);
  await page.goto('/admin/besoins/nouveau');
  const titleField = page.getByLabel('Titre', { exact: true });
  // Enter in the empty title sends the form: the summary gets the focus and links to the field.
  await tabTo(page, titleField);
  await Promise.all([page.waitForResponse((response) => response.request().method() === 'POST'), page.keyboard.press('Enter')]);
  const summary = page.getByRole('alert').filter({ hasText: 'corrigez les champs indiqués' });
  await expect(summary).toBeFocused();
  await expect(titleField).toHaveAttribute('aria-describedby', /besoin-titre-erreur/);
  await expect(page.getByText('Erreur : Entrez un titre.')).toBeVisible();

  const title = `Besoin clavier e2e ${Date.now()}`;
  await tabTo(page, summary.getByRole('link', { name: /Titre/ }), 5);
  await page.keyboard.press('Enter');
  await expect(titleField).toBeFocused();
  await page.keyboard.type(title);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Type', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Description', { exact: true })).toBeFocused();
  await page.keyboard.type('Décrit au clavier.');
  // Every control up to the button is reachable in order (solutions and needs are checkboxes).
  await tabTo(page, page.getByRole('button', { name: 'Créer le besoin' }), 200);
  await Promise.all([page.waitForURL(/\/admin\/besoins\/[a-z0-9]+\?etat=create$/), page.keyboard.press('Enter')]);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
});

test('les pages de l’administration des fiches passent axe-core', async ({ page }) => {
  // Fourteen axe runs, some on long forms: seconds each when the machine is busy.
  test.setTimeout(180_000);
  await signIn(page);
  const editPath = await createDraftNeed(page, `Besoin axe e2e ${Date.now()}`);
  for (const path of [
    '/admin',
    '/admin/besoins',
    '/admin/besoins?statut=DRAFT&q=axe',
    '/admin/besoins/nouveau',
    editPath,
    `${editPath}/historique`,
    `${editPath}/retirer`,
    '/admin/journal',
    '/admin/solutions',
    '/admin/solutions/nouveau',
    '/admin/fournisseurs',
    '/admin/fournisseurs/nouveau',
    '/admin/themes',
    '/admin/themes/nouveau',
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    if (process.env.SCREENSHOT_DIR && path === editPath) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/desktop-need.png`, fullPage: true });
    await expectNoAxeViolations(page);
  }
});

// Apart from the test above: each axe run takes seconds on a loaded machine (long forms).
test('les fiches existantes s’ouvrent dans des formulaires qui passent axe-core, et l’archivage dit ce qu’il touche', async ({ page }) => {
  test.slow();
  await signIn(page);
  const editPath = await createDraftNeed(page, `Besoin axe archivé e2e ${Date.now()}`);
  // A seeded solution, provider and theme open in their forms.
  for (const list of ['/admin/solutions', '/admin/fournisseurs', '/admin/themes']) {
    await page.goto(list);
    await page.getByRole('main').getByRole('table').getByRole('link').first().click();
    await expect(page.getByRole('button', { name: 'Enregistrer', exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
  }
  // The confirmation says what archiving affects, then archives.
  await page.goto(`${editPath}/retirer`);
  await expect(page.getByRole('heading', { level: 2, name: 'Ce que cela touche' })).toBeVisible();
  await submit(page, /^Archiver « Besoin axe archivé/);
  await expect(page.getByRole('status')).toContainText('Fiche archivée');
});

test('le formulaire d’un besoin nomme la solution de chaque champ « Ordre »', async ({ page }) => {
  test.slow();
  await signIn(page);
  const withSolutions = seedNeeds.find((candidate) => candidate.solutions.length > 1)!;
  await page.goto('/admin/besoins');
  await page.getByRole('main').getByRole('link', { name: withSolutions.title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(withSolutions.title);
  const orderFields = page.locator('input[name^="solutionPosition."]');
  await expect(page.getByRole('textbox', { name: `Ordre de « ${withSolutions.solutions[0]!.title} »`, exact: true })).toBeVisible();
  await expect(page.getByRole('textbox', { name: /^Ordre de « .+ »$/ })).toHaveCount(await orderFields.count());
  await expectNoAxeViolations(page);
});

test('l’administration des fiches tient sur un téléphone @mobile', async ({ page }) => {
  await signIn(page);
  const editPath = await createDraftNeed(page, `Besoin mobile e2e ${Date.now()}`);
  for (const path of ['/admin', '/admin/besoins', editPath, `${editPath}/historique`, '/admin/fournisseurs/nouveau']) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // Names the elements that stick out, to make a failure easy to fix.
    const culprits = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .slice(0, 5)
        .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
    );
    if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/mobile${path.replaceAll('/', '_')}.png`, fullPage: true });
    expect(overflow, `${path}: ${culprits.join(' | ')}`).toBeLessThanOrEqual(0);
  }
});

test('une fiche supprimée se recrée en brouillon depuis le journal, avec le même identifiant', async ({ page }) => {
  test.slow();
  await signIn(page);
  const title = `Besoin supprimé e2e ${Date.now()}`;
  const editPath = await createDraftNeed(page, title);
  await page.goto(`${editPath}/retirer`);
  await page.getByLabel('Je comprends que la suppression est définitive.').check();
  await submit(page, `Supprimer « ${title} »`);
  // Its history still opens, says so, and is axe-clean.
  await page.goto(`${editPath}/historique`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Historique : ${title}`);
  await expect(page.getByText(/Cette fiche a été supprimée le .+ par /)).toBeVisible();
  await expectNoAxeViolations(page);
  // The journal offers to recreate it; the confirmation page says it comes back as a draft.
  await page.goto('/admin/journal?type=Need');
  await page.getByRole('link', { name: `Recréer cette fiche : ${title}` }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Recréer une fiche supprimée : ${title}`);
  await expect(page.getByText('En brouillon', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await submit(page, 'Recréer cette fiche');
  await expect(page.getByRole('alert').filter({ hasText: 'Cochez la case de confirmation' })).toBeVisible();
  await page.getByLabel(/Je veux recréer cette fiche/).check();
  await submit(page, 'Recréer cette fiche');
  await expect(page).toHaveURL(new RegExp(`${editPath}\\?etat=recree`));
  await expect(page.getByRole('status')).toContainText('Fiche recréée, en brouillon');
  await page.goto(`/admin/besoins?q=${encodeURIComponent(title)}`);
  const row = page.getByRole('main').getByRole('row').filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Brouillon');
});
