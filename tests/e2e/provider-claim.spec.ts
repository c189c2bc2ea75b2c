// « C'est votre organisme ? Mettez votre fiche à jour » in a real browser against the seeded
// build (issue 15): a member records a provider's private contact (the list shows who has one,
// never the address); without JavaScript, a visitor typing that address and one typing another
// get the same page; the public page never shows the contact. The link, the organisation's form
// and the members' review are tested in tests/integration/provider-claim.test.ts and
// provider-updates.test.ts (the mail catcher's inbox is read by the campaign's journey).
import { expect, test, type Page } from '@playwright/test';
import { adminAccount, freshPage, requireAdminAccount, signIn, submit } from './helpers/admin';
import { expectNoAxeViolations } from './helpers/axe';
import { seedProviders } from './helpers/inventory';

const provider = seedProviders.find((entry) => entry.key === 'innovlog');
const contact = `direction-${Date.now().toString(36)}@innovlog.example`;

async function askForLink(page: Page, email: string): Promise<string> {
  await page.goto(`/fournisseurs/${provider!.key}`);
  await page.getByRole('link', { name: 'Mettez votre fiche à jour' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('C’est votre organisme ? Mettez votre fiche à jour');
  await page.getByLabel('Votre adresse courriel').fill(email);
  await page.getByLabel(/Qui êtes-vous/).fill('Marie, directrice <b>générale</b>');
  await submit(page, 'Recevoir le lien de mise à jour');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demande reçue');
  return page.getByRole('status').innerText();
}

test.beforeAll(() => {
  requireAdminAccount();
  if (!provider) throw new Error('« innovlog » n’est plus dans prisma/seed/inventaire-2023.json : choisissez une autre fiche.');
});

test('a member records the private contact; the claim form answers the same for it and for any other address', async ({ browser, baseURL }) => {
  test.setTimeout(600_000);
  // axe runs its script in the page: a page with JavaScript checks what the JS-less visitors see.
  const checker = await freshPage(browser, baseURL);
  // 1. The member records the private contact, and finds the provider with the « Avec un contact » filter.
  const admin = await freshPage(browser, baseURL);
  await signIn(admin, adminAccount.email, adminAccount.password, adminAccount.name);
  await admin.goto(`/admin/fournisseurs?q=${encodeURIComponent(provider!.name)}`);
  await admin.getByRole('link', { name: provider!.name, exact: true }).click();
  await admin.getByLabel('Courriel de contact privé').fill(contact);
  await admin.getByLabel('Source du contact').fill('Site Web de l’organisme, page Équipe');
  await submit(admin, 'Enregistrer');
  await admin.goto('/admin/fournisseurs?contact=avec');
  await expect(admin.getByRole('link', { name: provider!.name, exact: true })).toBeVisible();
  await expect(admin.getByRole('region', { name: 'Liste des fiches' })).not.toContainText(contact);

  // 2. Without JavaScript: the contact's address and another one get the same answer.
  const organisation = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  const known = await askForLink(organisation, contact);
  const stranger = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  const unknown = await askForLink(stranger, 'quelquun@ailleurs.example');
  expect(unknown).toBe(known);
  await checker.goto(`/fournisseurs/${provider!.key}/mise-a-jour`);
  await expectNoAxeViolations(checker);
  await checker.goto(`/fournisseurs/${provider!.key}/mise-a-jour?envoye=1`);
  await expectNoAxeViolations(checker);
  // The public page never shows the private contact.
  await stranger.goto(`/fournisseurs/${provider!.key}`);
  await expect(stranger.locator('body')).not.toContainText(contact);
});
