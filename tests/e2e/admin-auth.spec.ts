// The admin area's sign-in, roles and members: sign in (wrong then right password, one
// generic message, rate limit), invite a member who sets a password from their link, the
// EDITOR role refused on admin pages (403), deactivation effective at the next request,
// sign-out; keyboard only, without JavaScript, and axe-clean pages.
//
// scripts/test.ts creates the admin E2E_ADMIN_EMAIL with a random E2E_ADMIN_PASSWORD before
// starting the server. Each test sends its own X-Forwarded-For address, so that the per-
// address sign-in limit of one test never blocks another (the server trusts the last
// entry, as it does behind one reverse proxy).
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

const adminEmail = process.env.E2E_ADMIN_EMAIL ?? '';
const adminPassword = process.env.E2E_ADMIN_PASSWORD ?? '';
const GENERIC_ERROR = /Adresse courriel ou mot de passe incorrect/;
const RATE_LIMITED = /Trop de tentatives de connexion/;

// Without them the tests must fail, not be skipped: a skipped test would pass unnoticed.
test.beforeAll(() => {
  if (!adminEmail || !adminPassword) throw new Error('E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD are set by scripts/test.ts: run npm test.');
});

let addressCounter = 0;
/** A distinct visitor address per context (TEST-NET-2 range, never routed). */
function nextAddress(): string {
  addressCounter += 1;
  return `198.51.100.${(process.pid % 50) * 5 + (addressCounter % 5)}`;
}

async function freshPage(browser: Browser, baseURL: string | undefined, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-CA',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    extraHTTPHeaders: { 'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250) + 1}` },
  });
  return context.newPage();
}

/**
 * Clicks a submit button and waits until the answer is on the page: the POST has been
 * answered and no button is still marked busy. With JavaScript, React resets a form once
 * its action is done: typing into the next attempt before that would be wiped.
 */
async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: button }).click(),
  ]);
  await page.waitForFunction(() => !document.querySelector('button[aria-disabled="true"]'));
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  if (!page.url().includes('/admin/connexion')) await page.goto('/admin/connexion');
  await page.getByLabel('Adresse courriel').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await submit(page, 'Se connecter');
}

async function signInAsAdmin(page: Page): Promise<void> {
  await signIn(page, adminEmail, adminPassword);
  await expect(page.getByRole('heading', { level: 1, name: /^Bonjour/ })).toBeVisible();
}

/** Presses Tab until `target` has the focus (keyboard only). */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab n'a pas atteint ${target} en ${limit} pressions.`);
}

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ 'x-forwarded-for': nextAddress() });
});

test.describe('connexion', () => {
  test("une page de l'administration mène à la connexion, puis y revient", async ({ page }) => {
    const response = await page.goto('/admin/membres');
    expect(response?.url()).toMatch(/\/admin\/connexion\?retour=%2Fadmin%2Fmembres$/);
    expect(response?.headers()['x-robots-tag']).toContain('noindex');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion à l’administration');
    await expectNoAxeViolations(page);
    await signIn(page, adminEmail, adminPassword);
    await expect(page).toHaveURL(/\/admin\/membres$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Membres');
  });

  test('mauvais mot de passe puis le bon; même message pour une adresse inconnue', async ({ page }) => {
    await signIn(page, adminEmail, 'pas le bon mot de passe');
    await expect(page.getByRole('main').getByRole('alert')).toContainText(GENERIC_ERROR);
    await expect(page.getByLabel('Adresse courriel')).toHaveValue(adminEmail);
    await expect(page.getByLabel('Mot de passe')).toHaveValue('');
    const wrongPasswordMessage = await page.getByRole('main').getByRole('alert').textContent();

    await signIn(page, `personne-${Date.now()}@exemple.org`, 'pas le bon mot de passe');
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(wrongPasswordMessage ?? '');

    await signIn(page, adminEmail, adminPassword);
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Admin des tests');
    await expectNoAxeViolations(page);
  });

  test('après 5 échecs, la connexion est refusée pendant 15 minutes, même avec le bon mot de passe', async ({ page }) => {
    const email = `limite-${Date.now()}@exemple.org`;
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      await signIn(page, email, `essai ${attempt}`);
      await expect(page.getByRole('main').getByRole('alert')).toContainText(GENERIC_ERROR);
    }
    await signIn(page, email, 'essai 6');
    await expect(page.getByRole('main').getByRole('alert')).toContainText(RATE_LIMITED);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('15 minutes');
  });

  test('au clavier seulement', async ({ page }) => {
    await page.goto('/admin/connexion');
    await tabTo(page, page.getByLabel('Adresse courriel'));
    await page.keyboard.type(adminEmail);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Mot de passe')).toBeFocused();
    await page.keyboard.type(adminPassword);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/admin$/);
    // The sign-out button is reachable with the keyboard too.
    const signOut = page.getByRole('button', { name: 'Se déconnecter' });
    await tabTo(page, signOut);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/admin\/connexion\?etat=deconnexion$/);
  });

  test('déconnexion : la session est fermée', async ({ page }) => {
    await signInAsAdmin(page);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('Votre session est fermée');
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/connexion/);
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  });

  test('déconnexion : une copie du témoin prise avant ne fonctionne plus, les autres sessions continuent', async ({ page, browser, baseURL }) => {
    await signInAsAdmin(page);
    const otherDevice = await freshPage(browser, baseURL);
    await signInAsAdmin(otherDevice);
    const copied = (await page.context().cookies()).filter((cookie) => cookie.name.endsWith('next-auth.session-token'));
    expect(copied).toHaveLength(1);

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('Votre session est fermée');

    // Someone who copied the cookie before the sign-out, at another computer.
    const copy = await browser.newContext({ baseURL, locale: 'fr-CA', extraHTTPHeaders: { 'x-forwarded-for': nextAddress() } });
    await copy.addCookies(copied);
    const copyPage = await copy.newPage();
    await copyPage.goto('/admin');
    await expect(copyPage).toHaveURL(/\/admin\/connexion\?raison=session$/);
    await expect(copyPage.getByRole('main').getByRole('status')).toContainText('Votre session a pris fin');
    // next-auth's session endpoint neither accepts nor renews it: it clears it.
    const session = await copy.request.get('/api/auth/session');
    expect(await session.json()).toEqual({});
    expect((await copy.cookies()).filter((cookie) => cookie.name.endsWith('next-auth.session-token'))).toEqual([]);
    await copy.close();

    // The same member's other session goes on.
    await otherDevice.goto('/admin');
    await expect(otherDevice.getByRole('heading', { level: 1 })).toHaveText('Bonjour Admin des tests');
    await otherDevice.context().close();
  });
});

test.describe("points d'entrée de next-auth", () => {
  test('connexion par /api/auth/callback/credentials (jeton CSRF), même vérification, Origin contrôlée', async ({ request }) => {
    const address = { 'x-forwarded-for': nextAddress() };
    const { csrfToken } = (await (await request.get('/api/auth/csrf', { headers: address })).json()) as { csrfToken: string };
    expect(csrfToken).toBeTruthy();
    expect(await (await request.get('/api/auth/session', { headers: address })).json()).toEqual({});

    const post = (password: string, headers: Record<string, string> = {}) =>
      request.post('/api/auth/callback/credentials', {
        headers: { ...address, ...headers },
        form: { csrfToken, email: adminEmail, password, json: 'true' },
        maxRedirects: 0,
      });
    const crossSite = await post(adminPassword, { origin: 'https://ailleurs.example' });
    expect(crossSite.status()).toBe(403);

    const wrong = await post('pas le bon mot de passe');
    expect(((await wrong.json()) as { url: string }).url).toContain('error=CredentialsSignin');

    const right = await post(adminPassword);
    expect(right.ok()).toBe(true);
    const session = (await (await request.get('/api/auth/session', { headers: address })).json()) as Record<string, unknown>;
    expect(session).toMatchObject({ sub: expect.any(String), sv: expect.any(Number) });
    expect(JSON.stringify(session)).not.toMatch(/role|passwordHash/);
    const dashboard = await request.get('/admin', { headers: address });
    expect(await dashboard.text()).toMatch(/Bonjour (<!-- -->)?Admin des tests/);
  });
});

test.describe('sans JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('connexion, erreur puis succès, et déconnexion', async ({ page }) => {
    await signIn(page, adminEmail, 'pas le bon mot de passe');
    await expect(page.getByRole('main').getByRole('alert')).toContainText(GENERIC_ERROR);
    await expect(page.getByLabel('Adresse courriel')).toHaveValue(adminEmail);
    await signIn(page, adminEmail, adminPassword);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Admin des tests');
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('main').getByRole('status')).toContainText('Votre session est fermée');
  });
});

test.describe('membres', () => {
  test('inviter, choisir son mot de passe, rôle Édition refusé, désactivation effective', async ({ page, browser, baseURL }) => {
    test.slow(); // Two browsers and a dozen steps.
    const name = `Éditrice ${Date.now()}`;
    const email = `editrice-${Date.now()}@exemple.org`;
    const password = 'une phrase de passe pour les tests';

    // The admin invites a member.
    await signInAsAdmin(page);
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Membres' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Membres');
    await expectNoAxeViolations(page);
    await page.getByLabel('Nom', { exact: true }).fill(name);
    await page.getByLabel('Adresse courriel').fill('pas-une-adresse');
    await submit(page, 'Créer le lien d’invitation');
    await expect(page.getByText('Erreur : Entrez une adresse courriel valide')).toBeVisible();
    await expect(page.getByLabel('Nom', { exact: true })).toHaveValue(name);
    await page.getByLabel('Adresse courriel').fill(email);
    await submit(page, 'Créer le lien d’invitation');
    const linkField = page.getByLabel('Lien à transmettre');
    await expect(linkField).toHaveValue(/\/admin\/invitation\/[A-Za-z0-9_-]{43}$/);
    const invitationPath = new URL(await linkField.inputValue()).pathname;
    await expect(page.getByRole('main').getByRole('link', { name })).toBeVisible();
    await expectNoAxeViolations(page);

    // The member opens the link in another browser and chooses a password.
    const member = await freshPage(browser, baseURL);
    await member.goto(invitationPath);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Bienvenue dans l’administration du répertoire');
    await expectNoAxeViolations(member);
    await member.getByLabel('Votre nom').fill(`${name} B.`);
    await member.getByLabel('Mot de passe', { exact: true }).fill('court');
    await member.getByLabel('Mot de passe, une deuxième fois').fill('court');
    await submit(member, 'Enregistrer mon mot de passe');
    await expect(member.getByText('Erreur : Le mot de passe doit compter au moins 12 caractères.')).toBeVisible();
    await expect(member.getByLabel('Votre nom')).toHaveValue(`${name} B.`);
    await expect(member.getByLabel('Mot de passe', { exact: true })).toHaveValue('');
    await member.getByLabel('Mot de passe', { exact: true }).fill(password);
    await member.getByLabel('Mot de passe, une deuxième fois').fill(`${password}!`);
    await submit(member, 'Enregistrer mon mot de passe');
    await expect(member.getByText('Erreur : Les deux mots de passe ne sont pas identiques.')).toBeVisible();
    await member.getByLabel('Mot de passe', { exact: true }).fill(password);
    await member.getByLabel('Mot de passe, une deuxième fois').fill(password);
    await submit(member, 'Enregistrer mon mot de passe');
    await expect(member).toHaveURL(/\/admin\/connexion\?etat=mot-de-passe$/);
    await expect(member.getByRole('main').getByRole('status')).toContainText('Votre mot de passe est enregistré');

    // The link works once.
    const reused = await freshPage(browser, baseURL);
    await reused.goto(invitationPath);
    await expect(reused.getByRole('heading', { level: 1 })).toHaveText('Lien non valide');
    await reused.context().close();

    // Signed in as an EDITOR: the dashboard, but not the members (403, in French).
    await signIn(member, email, password);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText(`Bonjour ${name} B.`);
    await expect(member.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Membres' })).toHaveCount(0);
    const refused = await member.goto('/admin/membres');
    expect(refused?.status()).toBe(403);
    await expect(member.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
    await expectNoAxeViolations(member);

    // The admin deactivates the member from their page.
    await page.goto('/admin/membres');
    await page.getByRole('main').getByRole('link', { name: `${name} B.` }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${name} B.`);
    await expectNoAxeViolations(page);
    await submit(page, `Désactiver ${name} B.`);
    await expect(page.getByRole('main').getByRole('alert')).toContainText('Membre désactivé');
    await expect(page.getByText('Désactivé', { exact: true })).toBeVisible();
    await expect(page.getByText('Membre désactivé, par Admin des tests')).toBeVisible();

    // The member's very next request is refused, and signing in again too.
    await member.goto('/admin');
    await expect(member).toHaveURL(/\/admin\/connexion\?raison=session$/);
    await expect(member.getByRole('main').getByRole('status')).toContainText('Votre session a pris fin');
    await signIn(member, email, password);
    await expect(member.getByRole('main').getByRole('alert')).toContainText(GENERIC_ERROR);
    await member.context().close();
  });

  test('le dernier compte Administration ne peut pas se retirer ce rôle', async ({ page }) => {
    // The test admin is the only ADMIN of the e2e database (invited members are EDITORs).
    await signInAsAdmin(page);
    await page.goto('/admin/membres');
    await expect(page.getByText(/^Administration · Actif$/)).toHaveCount(1);
    await page.getByRole('main').getByRole('link', { name: 'Admin des tests' }).click();
    await expect(page.getByText('Une autre personne qui administre le répertoire peut réinitialiser votre accès.')).toBeVisible();
    await page.getByLabel(/^Édition/).check();
    await submit(page, 'Changer le rôle');
    await expect(page.getByRole('main').getByRole('alert')).toContainText('au moins une personne active avec le rôle Administration');
    await submit(page, 'Désactiver Admin des tests');
    await expect(page.getByRole('main').getByRole('alert').last()).toContainText('au moins une personne active avec le rôle Administration');
    await page.goto('/admin');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Admin des tests');
    // The tests' server has no PRIVACY_OFFICER_EMAIL: the dashboard shows it as a task.
    const task = page.getByRole('region', { name: 'À faire : publier l’adresse de la personne responsable de la confidentialité' });
    await expect(task).toContainText('PRIVACY_OFFICER_EMAIL ne sont pas définis');
  });
});

test.describe('confidentialité', () => {
  test('la page est liée depuis le pied de page et dit ce qui est recueilli', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Confidentialité' }).click();
    await expect(page).toHaveURL(/\/confidentialite$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confidentialité');
    for (const heading of ['Qui est responsable', 'Si vous consultez le répertoire', 'Si vous faites une suggestion ou signalez une erreur', 'Si vous êtes membre de la Table et avez un compte', 'Consulter, corriger ou effacer vos renseignements']) {
      await expect(page.getByRole('heading', { level: 2, name: heading })).toBeVisible();
    }
    await expect(page.getByRole('main')).toContainText('effacées après 30 jours');
    await expect(page.getByRole('main')).toContainText('panier');
    // No address configured (the tests' server): the page gives the way to write that exists.
    const responsible = page.getByRole('region', { name: 'Qui est responsable' });
    await expect(responsible.getByRole('link', { name: 'formulaire de suggestion' })).toHaveAttribute('href', '/suggerer');
    const rights = page.getByRole('region', { name: 'Consulter, corriger ou effacer vos renseignements' });
    await expect(rights.getByRole('link', { name: 'formulaire de suggestion' })).toHaveAttribute('href', '/suggerer');
    await expectNoAxeViolations(page);
  });
});

test.describe('administration sur téléphone @mobile', () => {
  test("les pages tiennent dans la largeur de l'écran @mobile", async ({ page }) => {
    await page.context().setExtraHTTPHeaders({ 'x-forwarded-for': nextAddress() });
    await page.goto('/admin/connexion');
    await signInAsAdmin(page);
    for (const path of ['/admin', '/admin/membres', '/confidentialite']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
