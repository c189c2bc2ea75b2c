// The admin form driven by a real browser (Debian's Chromium), for the resilience scenarios:
// sign in once, then save a need's description and read the server's answer to the POST.
import { chromium, type Browser, type BrowserContext, type Page, type Request, type Response } from '@playwright/test';
import type { Admin } from './fixture';

export function launchBrowser(): Promise<Browser> {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Signs in with JavaScript (as tests/e2e do) and returns the session, for contexts without it. */
export async function signIn(browser: Browser, baseURL: string, admin: Admin): Promise<Awaited<ReturnType<BrowserContext['storageState']>>> {
  const context = await browser.newContext({ baseURL, locale: 'fr-CA' });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto('/admin/connexion');
    await page.getByLabel('Adresse courriel').fill(admin.email);
    await page.getByLabel('Mot de passe').fill(admin.password);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/admin/connexion')), page.getByRole('button', { name: 'Se connecter', exact: true }).click()]);
    await page.getByRole('heading', { level: 1, name: /^Bonjour/ }).waitFor();
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export type PostOutcome = { kind: 'ack' } | { kind: 'answer'; detail: string } | { kind: 'dropped'; detail: string } | { kind: 'timeout' };

/** The answer to the next POST of this page: a 303 to the entry, another answer, or none. */
function nextPostOutcome(page: Page, needId: string, limitMs: number): Promise<PostOutcome> {
  return new Promise((resolve) => {
    const done = (outcome: PostOutcome): void => {
      page.off('response', onResponse);
      page.off('requestfailed', onFailed);
      clearTimeout(timer);
      resolve(outcome);
    };
    const onResponse = (response: Response): void => {
      if (response.request().method() !== 'POST') return;
      const location = response.headers()['location'] ?? '';
      if (response.status() === 303 && location.includes(`/admin/besoins/${needId}?etat=update`)) done({ kind: 'ack' });
      else done({ kind: 'answer', detail: `statut ${response.status()}${location ? ` vers ${location}` : ''}` });
    };
    const onFailed = (request: Request): void => {
      if (request.method() === 'POST') done({ kind: 'dropped', detail: request.failure()?.errorText ?? 'échec' });
    };
    const timer = setTimeout(() => done({ kind: 'timeout' }), limitMs);
    page.on('response', onResponse);
    page.on('requestfailed', onFailed);
  });
}

/** One save through the form: fill the description, press "Enregistrer", read the answer. */
export async function saveDescription(page: Page, needId: string, description: string, timing?: { ackMs: number[]; loadMs: number[] }): Promise<PostOutcome> {
  await page.getByLabel('Description', { exact: true }).fill(description);
  const outcome = nextPostOutcome(page, needId, 20_000);
  const loaded = page.waitForEvent('load', { timeout: 20_000 }).catch(() => undefined);
  const started = performance.now();
  await page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  const result = await outcome;
  const answered = performance.now();
  // The redirected page (the form again, at the new version) must be there before the next save.
  if (result.kind === 'ack') {
    await loaded;
    timing?.ackMs.push(answered - started);
    timing?.loadMs.push(performance.now() - answered);
  }
  return result;
}
