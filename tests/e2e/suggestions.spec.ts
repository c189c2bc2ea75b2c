// Public suggestions: a visitor reports an error from a provider page (without and with
// JavaScript), suggests a resource with the keyboard only; an admin accepts a suggestion
// and finds the draft; axe-clean pages; no horizontal scroll on a phone.
//
// Each test sends its own X-Forwarded-For address: the per-sender limit (5 per hour) of
// one test never blocks another. Error reports are left pending (never accepted here), so
// that the seeded entries other specs read stay as they are.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { seedProviders } from './helpers/inventory';

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? '';
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? '';

test.beforeAll(() => {
  if (!adminEmail || !adminPassword) throw new Error('E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD are set by scripts/test.ts: run npm test.');
});

let addressCounter = 0;
/** A distinct visitor address per context (TEST-NET-3 range, never routed). */
function nextAddress(): string {
  addressCounter += 1;
  return `203.0.113.${100 + ((process.pid * 7 + addressCounter * 13) % 150)}`;
}

async function freshPage(browser: Browser, baseURL: string | undefined, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-CA',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    extraHTTPHeaders: { 'x-forwarded-for': nextAddress() },
  });
  return context.newPage();
}

/** Clicks a submit button and waits for the answer (see admin-auth.spec.ts). */
async function submit(page: Page, button: string | RegExp): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await page.waitForFunction(() => !document.querySelector('button[aria-disabled="true"]'));
}

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto('/admin/connexion');
  await page.getByLabel('Adresse courriel').fill(adminEmail);
  await page.getByLabel('Mot de passe').fill(adminPassword);
  await submit(page, 'Se connecter');
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
}

const provider = seedProviders[3]!;
const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': nextAddress() });
});

test.describe('signaler une erreur', () => {
  for (const javaScriptEnabled of [false, true]) {
    test(`depuis la page d'un fournisseur, ${javaScriptEnabled ? 'avec' : 'sans'} JavaScript`, async ({ browser, baseURL }) => {
      const page = await freshPage(browser, baseURL, { javaScriptEnabled });
      await page.goto(`/fournisseurs/${provider.key}`);
      await page.getByRole('link', { name: 'Signaler une erreur dans cette fiche' }).click();
      await expect(page).toHaveURL(new RegExp(`/suggerer\\?type=fournisseur&slug=${provider.key}$`));
      await expect(page.getByRole('heading', { level: 1, name: 'Signaler une erreur' })).toBeVisible();
      await expect(page.getByRole('link', { name: provider.name })).toHaveAttribute('href', `/fournisseurs/${provider.key}`);

      // Nothing typed: the error is beside the field.
      await submit(page, 'Envoyer le signalement');
      await expect(page.getByRole('alert').filter({ hasText: 'corrigez les champs indiqués' })).toBeVisible();
      const message = page.getByLabel('Qu’est-ce qui est inexact ou manquant ?');
      await expect(message).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#suggestion-message-erreur')).toContainText('Dites-nous ce qui est inexact');

      // An email without the consent box: refused beside the email field, everything kept.
      const text = `Le numéro de téléphone a changé <b>${unique()}</b>`;
      await message.fill(text);
      await page.getByLabel('Adresse courriel (facultatif)').fill('personne@exemple.org');
      await submit(page, 'Envoyer le signalement');
      await expect(page.locator('#suggestion-courriel-erreur')).toContainText('cochez la case');
      await expect(page.getByLabel('Qu’est-ce qui est inexact ou manquant ?')).toHaveValue(text);
      await expect(page.getByLabel('Adresse courriel (facultatif)')).toHaveValue('personne@exemple.org');
      // axe-core runs in the page: only with JavaScript.
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await page.getByLabel(/J’accepte qu’on me contacte/).check();
      await Promise.all([page.waitForURL(/\/suggerer\/merci\?signalement=1$/), page.getByRole('button', { name: 'Envoyer le signalement' }).click()]);
      await expect(page.getByRole('heading', { level: 1, name: 'Merci pour votre signalement' })).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Ce qui se passe ensuite' })).toBeVisible();
      await expect(page).toHaveTitle(/Merci pour votre suggestion/);
      await page.context().close();
    });
  }

  test('un lien vers une fiche inconnue mène au formulaire de suggestion, avec une explication', async ({ page }) => {
    await page.goto('/suggerer?type=fournisseur&slug=nexiste-vraiment-pas');
    await expect(page.getByRole('heading', { level: 1, name: 'Suggérer une solution ou un fournisseur' })).toBeVisible();
    await expect(page.getByText('La fiche que vous vouliez signaler est introuvable')).toBeVisible();
  });
});

test.describe('suggérer une ressource', () => {
  test('au clavier seulement, puis la page de remerciement dit la suite', async ({ page }) => {
    await page.goto('/suggerer');
    await expect(page.getByRole('heading', { level: 1, name: 'Suggérer une solution ou un fournisseur' })).toBeVisible();
    await expectNoAxeViolations(page);

    const name = page.getByLabel('Nom de la solution ou du fournisseur');
    for (let presses = 0; presses < 60 && !(await name.evaluate((element) => element === document.activeElement)); presses += 1) {
      await page.keyboard.press('Tab');
    }
    await expect(name).toBeFocused();
    await page.keyboard.type(`Clavier ${unique()}`);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Ce qui est offert')).toBeFocused();
    await page.keyboard.type('Des ateliers pour les organismes.');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Site Web (facultatif)')).toBeFocused();
    await page.keyboard.type('ateliers.example.org');
    // Région, email, consent, then the button: the honeypot is not in the way.
    for (let presses = 0; presses < 4; presses += 1) await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Envoyer la suggestion' })).toBeFocused();
    await Promise.all([page.waitForURL(/\/suggerer\/merci$/), page.keyboard.press('Enter')]);
    await expect(page.getByRole('heading', { level: 1, name: 'Merci pour votre suggestion' })).toBeVisible();
    await expect(page).toHaveTitle(/Merci pour votre suggestion/);
    await expectNoAxeViolations(page);
  });

  test('le pied de page mène au formulaire', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Faire une suggestion' }).click();
    await expect(page).toHaveURL(/\/suggerer$/);
  });

  test('sur un téléphone, pas de défilement horizontal @mobile', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/suggerer', `/suggerer?type=fournisseur&slug=${provider.key}`]) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('file des suggestions (administration)', () => {
  test('un admin accepte une nouvelle ressource et trouve le brouillon', async ({ browser, baseURL, page }) => {
    // Two browsers, a sign-in and three axe runs: over 30 s when the machine is busy.
    test.slow();
    // A visitor, in their own browser, suggests a resource.
    const visitor = await freshPage(browser, baseURL, { javaScriptEnabled: false });
    const resourceName = `Ressource des tests ${unique()}`;
    await visitor.goto('/suggerer');
    await visitor.getByLabel('Nom de la solution ou du fournisseur').fill(resourceName);
    await visitor.getByLabel('Ce qui est offert').fill(`Accompagnement numérique <script>alert(1)</script> ${'mot-sans-espace-'.repeat(12)}`);
    await visitor.getByLabel('Site Web (facultatif)').fill('https://ressource.example.org');
    await visitor.getByLabel('Région desservie (facultatif)').selectOption('ESTRIE');
    await visitor.getByLabel('Adresse courriel (facultatif)').fill('visiteur@exemple.org');
    await visitor.getByLabel(/J’accepte qu’on me contacte/).check();
    await Promise.all([visitor.waitForURL(/\/suggerer\/merci$/), visitor.getByRole('button', { name: 'Envoyer la suggestion' }).click()]);
    await visitor.context().close();

    // The admin finds it in the queue, pending first.
    await signInAsAdmin(page);
    await page.goto('/admin/suggestions?statut=a-traiter');
    await expect(page.getByRole('heading', { level: 1, name: 'Suggestions du public' })).toBeVisible();
    await expect(page.getByRole('link', { name: /^À traiter/ })).toHaveAttribute('aria-current', 'page');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: resourceName }).click();

    await expect(page.getByRole('heading', { level: 1, name: resourceName })).toBeVisible();
    // The visitor's text is shown as text, never as markup.
    await expect(page.getByText('Accompagnement numérique <script>alert(1)</script>', { exact: false })).toBeVisible();
    await expect(page.getByRole('link', { name: 'visiteur@exemple.org' })).toBeVisible();
    await expect(page.getByText('Estrie')).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel('Note interne (facultatif)').fill('Ajout proposé par un visiteur.');
    await submit(page, 'Accepter et créer le brouillon');
    await expect(page.getByRole('alert').filter({ hasText: 'Suggestion acceptée' })).toContainText(`un brouillon « ${resourceName} » a été créé`);
    const draftLink = page.getByRole('link', { name: `Compléter le brouillon « ${resourceName} »` });
    await expect(draftLink).toHaveAttribute('href', /^\/admin\/fournisseurs\/[a-z0-9]+$/);

    // The page now shows the decision and the draft; the email is gone.
    await page.reload();
    await expect(page.getByText(`Fournisseur « ${resourceName} » (brouillon)`)).toBeVisible();
    await expect(page.getByRole('link', { name: 'visiteur@exemple.org' })).toHaveCount(0);
    await expect(page.getByText('Aucun, ou effacé à la décision')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Accepter et créer le brouillon' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    // On a phone, long words and addresses wrap: no horizontal scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 800 });

    // A draft is not public.
    const slug = resourceName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const publicPage = await page.request.get(`/fournisseurs/${slug}`);
    expect(publicPage.status()).toBe(404);

    // It is listed under "Acceptées".
    await page.goto('/admin/suggestions?statut=acceptees');
    await expect(page.getByRole('link', { name: resourceName })).toBeVisible();
  });

  test('sans JavaScript, un membre refuse une suggestion avec une raison', async ({ browser, baseURL }) => {
    const page = await freshPage(browser, baseURL, { javaScriptEnabled: false });
    const resourceName = `Hors sujet ${unique()}`;
    await page.goto('/suggerer');
    await page.getByLabel('Nom de la solution ou du fournisseur').fill(resourceName);
    await page.getByLabel('Ce qui est offert').fill('Une boutique de vélos.');
    await Promise.all([page.waitForURL(/\/suggerer\/merci$/), page.getByRole('button', { name: 'Envoyer la suggestion' }).click()]);

    await signInAsAdmin(page);
    await page.goto('/admin/suggestions');
    await page.getByRole('link', { name: resourceName }).click();
    await page.getByLabel('Raison du refus (facultatif)').fill('Hors sujet : pas une ressource numérique.');
    await page.getByRole('button', { name: 'Refuser la suggestion' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Suggestion refusée' })).toBeVisible();
    await expect(page.getByText('Hors sujet : pas une ressource numérique.').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Refuser la suggestion' })).toHaveCount(0);
    await page.goto('/admin/suggestions?statut=refusees');
    await expect(page.getByRole('link', { name: resourceName })).toBeVisible();
    await page.context().close();
  });

  test('une décision refusée garde la note et le choix; la note publique d’un signalement part vide', async ({ browser, baseURL, page }) => {
    const visitor = await freshPage(browser, baseURL, { javaScriptEnabled: false });
    const resourceName = `Note trop longue ${unique()}`;
    await visitor.goto('/suggerer');
    await visitor.getByLabel('Nom de la solution ou du fournisseur').fill(resourceName);
    await visitor.getByLabel('Ce qui est offert').fill('Un service de soutien informatique.');
    await Promise.all([visitor.waitForURL(/\/suggerer\/merci$/), visitor.getByRole('button', { name: 'Envoyer la suggestion' }).click()]);
    // And an error report, whose text must not become the public note by default.
    const reportText = `Le courriel de la personne-ressource est périmé ${unique()}`;
    await visitor.goto(`/suggerer?type=fournisseur&slug=${provider.key}`);
    await visitor.getByLabel('Qu’est-ce qui est inexact ou manquant ?').fill(reportText);
    await Promise.all([visitor.waitForURL(/\/suggerer\/merci/), visitor.getByRole('button', { name: 'Envoyer le signalement' }).click()]);
    await visitor.context().close();

    await signInAsAdmin(page);
    await page.goto('/admin/suggestions?statut=a-traiter');
    await expect(page.getByText('Ce que le public envoie')).toBeVisible();
    await page.getByRole('link', { name: resourceName }).click();
    await expect(page.getByRole('heading', { level: 1, name: resourceName })).toBeVisible();

    // Too long: refused, and what was typed and chosen is still there (React resets forms after an action).
    const tooLong = `${'Une note beaucoup trop longue. '.repeat(70)}`;
    await page.getByRole('radio', { name: /Solution/ }).check();
    await page.getByLabel('Note interne (facultatif)').fill(tooLong);
    await submit(page, 'Accepter et créer le brouillon');
    await expect(page.getByRole('alert').filter({ hasText: 'n’a pas été acceptée' })).toBeVisible();
    await expect(page.locator('#accepter-note-erreur')).toContainText('trop longue');
    await expect(page.getByLabel('Note interne (facultatif)')).toHaveValue(tooLong);
    await expect(page.getByRole('radio', { name: /Solution/ })).toBeChecked();

    await page.getByLabel('Raison du refus (facultatif)').fill(tooLong);
    await submit(page, 'Refuser la suggestion');
    await expect(page.locator('#refuser-note-erreur')).toContainText('trop longue');
    await expect(page.getByLabel('Raison du refus (facultatif)')).toHaveValue(tooLong);
    await expect(page.getByRole('button', { name: 'Refuser la suggestion' })).toBeVisible();

    // The error report: the visitor's text is quoted beside an empty public note.
    await page.goto('/admin/suggestions?statut=a-traiter');
    // Other tests report errors on the same entry: open this one by its text, newest first.
    const hrefs = await page.getByRole('link', { name: `Erreur signalée : ${provider.name}` }).evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    for (const href of hrefs.reverse()) {
      await page.goto(href);
      if (await page.getByRole('blockquote').filter({ hasText: reportText }).count()) break;
    }
    await expect(page.getByRole('blockquote').filter({ hasText: reportText })).toBeVisible();
    const publicNote = page.getByLabel('Note « à vérifier » ajoutée à la fiche (publique)');
    await expect(publicNote).toHaveValue('');
    await expect(publicNote).toHaveAccessibleDescription(/Cette note est publique/);
    await expectNoAxeViolations(page);
  });

  test('un visiteur non connecté est envoyé à la connexion', async ({ page }) => {
    await page.goto('/admin/suggestions');
    await expect(page).toHaveURL(/\/admin\/connexion/);
  });
});
