// Without SITE_URL, the site names itself with the port it is actually served on
// (lib/env.ts getSiteUrl): npm test serves it on a free port, never 3000, and sets no SITE_URL.
import { expect, test } from '@playwright/test';
import { freshPage, requireAdminAccount, signInAsAdmin, submit } from './helpers/admin';

function expectedSiteUrl(baseURL: string | undefined): string {
  const configured = process.env.SITE_URL?.trim();
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${new URL(baseURL ?? '').port}`;
}

test.describe('adresse du site sans SITE_URL', () => {
  test('la source du portrait, la page de l’API et le document OpenAPI donnent le port servi', async ({ page, request, baseURL }) => {
    const siteUrl = expectedSiteUrl(baseURL);
    expect(siteUrl).not.toBe('http://localhost:3000');

    await page.goto('/portrait');
    await expect(page.getByTestId('portrait-print-head')).toContainText(`Source : ${siteUrl}/portrait`);

    await page.goto('/donnees/api');
    await expect(page.getByRole('main')).toContainText(`Adresse de base : ${siteUrl}/api/v1`);

    const openApi = (await (await request.get('/api/v1/openapi.json')).json()) as { servers: { url: string }[] };
    expect(openApi.servers[0]?.url).toBe(`${siteUrl}/api/v1`);
  });

  test('le lien d’invitation d’un membre commence par le port servi', async ({ browser, baseURL }) => {
    requireAdminAccount();
    const page = await freshPage(browser, baseURL);
    await signInAsAdmin(page);
    await page.goto('/admin/membres');
    await page.getByLabel('Nom', { exact: true }).fill('Personne invitée (adresse du site)');
    await page.getByLabel('Adresse courriel').fill(`adresse-du-site-${Date.now()}@exemple.org`);
    await submit(page, 'Créer le lien d’invitation');
    const link = await page.getByLabel('Lien à transmettre').inputValue();
    expect(link.startsWith(`${expectedSiteUrl(baseURL)}/admin/invitation/`), link).toBe(true);
  });
});
