// Signing in to the admin area from a browser test. scripts/test.ts creates the admin
// E2E_ADMIN_EMAIL with a random E2E_ADMIN_PASSWORD before starting the server.
//
// (admin-auth, admin-editing and suggestions specs still carry their own copies of these
// helpers; new specs should use this file.)
import { expect, type Browser, type Page } from '@playwright/test';

export const adminAccount = { email: process.env.E2E_ADMIN_EMAIL ?? '', password: process.env.E2E_ADMIN_PASSWORD ?? '', name: 'Admin des tests' };

/** For test.beforeAll: without the account the tests must fail, not be skipped unnoticed. */
export function requireAdminAccount(): void {
  if (!adminAccount.email || !adminAccount.password) {
    throw new Error('E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD are set by scripts/test.ts: run npm test.');
  }
}

let addressCounter = 0;
/**
 * A distinct visitor address per browser context (TEST-NET-1, never routed; other specs use
 * TEST-NET-2 and TEST-NET-3), so that the per-address sign-in and suggestion limits of one
 * test never block another. The server trusts the last X-Forwarded-For entry.
 */
export function nextAddress(): string {
  addressCounter += 1;
  return `192.0.2.${1 + ((process.pid * 11 + addressCounter * 7) % 250)}`;
}

/** A new browser context of its own (cookies, address): another person at another computer. */
export async function freshPage(browser: Browser, baseURL: string | undefined, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    locale: 'fr-CA',
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    extraHTTPHeaders: { 'x-forwarded-for': nextAddress() },
  });
  return context.newPage();
}

/**
 * Clicks a submit button and waits until the answer is on the page: the POST has been
 * answered and no button is still marked busy. With JavaScript, React resets a form once
 * its action is done: typing into the next attempt before that would be wiped.
 */
export async function submit(page: Page, button: string | RegExp): Promise<void> {
  await Promise.all([
    page.waitForResponse((response) => response.request().method() === 'POST'),
    page.getByRole('button', { name: button, exact: typeof button === 'string' }).click(),
  ]);
  await page.waitForFunction(() => !document.querySelector('button[aria-disabled="true"]'));
}

/** Signs in from the sign-in page and waits for the dashboard's greeting. */
export async function signIn(page: Page, email: string, password: string, name: string): Promise<void> {
  await page.goto('/admin/connexion');
  await page.getByLabel('Adresse courriel').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await submit(page, 'Se connecter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour ${name}`);
}

export async function signInAsAdmin(page: Page): Promise<void> {
  await signIn(page, adminAccount.email, adminAccount.password, adminAccount.name);
}

/** A second admin session, in its own browser context. */
export async function signedInAdminPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const page = await freshPage(browser, baseURL);
  await signInAsAdmin(page);
  return page;
}
