// Issue 15's journey, in a real browser against the server of `npm test`, whose mail goes to a
// catcher of its own (E2E_MAIL_INBOX_URL): a member sets Insertech's private contact and runs a
// campaign; the organisation opens the link from the email it received, adds its website and
// phone, and the cost of a solution it offers; a member accepts the website and the cost and
// rejects the phone; the public pages show the accepted values and « Vérifiée le … par
// l'organisme ». Then the stop link of the same email.
import { expect, test, type Page } from '@playwright/test';
import { adminAccount, freshPage, requireAdminAccount, signIn, submit } from './helpers/admin';
import { expectNoAxeViolations } from './helpers/axe';

type CaughtMail = { envelopeTo: string[]; subject: string; text: string };

const inboxUrl = process.env.E2E_MAIL_INBOX_URL ?? '';
const contact = `direction-${process.pid}@insertech.example`;
const website = 'https://insertech.example/nouveau-site';
const phone = '514 555-0142';
const solutionTitle = 'Matériel informatique valorisé';
const solutionPath = '/solutions/materiel-informatique-valorise';

/** Waits for the catcher to hold a message to `to` whose subject matches, and returns it. */
async function waitForMail(to: string, subject: RegExp): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        const messages = (await (await fetch(new URL('/messages.json', inboxUrl))).json()) as CaughtMail[];
        found = messages.find((mail) => mail.envelopeTo.includes(to) && subject.test(mail.subject));
        return found !== undefined;
      },
      // The scheduler's sender runs every 10 seconds.
      { timeout: 45_000, intervals: [500, 1000] },
    )
    .toBe(true);
  return found!;
}

async function openAdminProvider(page: Page, name: string): Promise<void> {
  await page.goto('/admin/fournisseurs');
  await page.getByRole('link', { name, exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
}

test.beforeAll(() => {
  requireAdminAccount();
  if (!inboxUrl) throw new Error('E2E_MAIL_INBOX_URL is set by scripts/test.ts: run npm test.');
});

test('a campaign reaches Insertech, which updates its listing through the link; a member accepts one field', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const member = await freshPage(browser, baseURL);
  await signIn(member, adminAccount.email, adminAccount.password, adminAccount.name);

  // The member records Insertech's private contact, with its source.
  await openAdminProvider(member, 'Insertech');
  await member.getByLabel('Courriel de contact privé').fill(contact);
  await member.getByLabel('Source du contact').fill('Appel avec la direction, décembre 2026');
  await submit(member, 'Enregistrer');
  await expect(member.getByRole('status')).toContainText('Modifications enregistrées');

  // The dashboard counts the providers without a contact (Insertech has one now).
  await member.goto('/admin');
  await expect(member.getByRole('region', { name: 'Vérification des fournisseurs publiés' })).toContainText('sans adresse pour leur écrire');

  // The campaign page counts it, previews the message and sends the requests.
  await member.goto('/admin/verification');
  await expect(member.getByRole('heading', { level: 1 })).toHaveText('Vérification des fournisseurs');
  const row = member.getByRole('row', { name: /Insertech/ });
  await expect(row).toContainText('Pas encore demandée');
  await expect(member.getByRole('region', { name: 'Aperçu du message' })).toContainText('est-elle encore exacte ?');
  await submit(member, /^Envoyer les demandes/);
  await expect(member.getByRole('region', { name: 'À vérifier cette année' }).getByRole('alert')).toContainText(/mises? en file d’envoi/);
  await expect(member.getByRole('row', { name: /Insertech/ })).toContainText('Envoyée');

  // The organisation receives it and opens its one-time link.
  const mail = await waitForMail(contact, /Insertech/);
  expect(mail.subject).toBe('la fiche de Insertech est-elle encore exacte ?');
  const link = /https?:\/\/\S+\/mise-a-jour\/[\w-]+/.exec(mail.text)?.[0];
  expect(link, mail.text).toBeDefined();
  const stopLink = /Pour ne plus recevoir ces messages : (\S+)/.exec(mail.text)?.[1];
  expect(stopLink).toBeDefined();

  // Without JavaScript, a refused form answers in French and keeps everything typed, the
  // provider's fields and the solution's; the link still works afterwards.
  const noScript = await freshPage(browser, baseURL, { javaScriptEnabled: false });
  await noScript.goto(new URL(link!).pathname);
  const noScriptSolution = noScript.getByRole('region', { name: `Solution : ${solutionTitle}` });
  await noScript.getByLabel('Site Web (facultatif)').fill(website);
  await noScriptSolution.getByLabel('Titre').fill('');
  await noScriptSolution.getByLabel('Coût').selectOption({ label: 'Faible coût' });
  await submit(noScript, 'Envoyer mes changements');
  await expect(noScript.getByRole('alert')).toContainText('corrigez les champs indiqués');
  await expect(noScript.getByRole('link', { name: `Titre (solution « ${solutionTitle} ») : Entrez un titre.` })).toBeVisible();
  await expect(noScript.getByLabel('Site Web (facultatif)')).toHaveValue(website);
  await expect(noScriptSolution.getByLabel('Coût')).toHaveValue('LOW_COST');
  await expect(noScriptSolution.getByLabel('Titre')).toHaveValue('');

  const organisation = await freshPage(browser, baseURL);
  await organisation.goto(new URL(link!).pathname);
  await expect(organisation.getByRole('heading', { level: 1 })).toHaveText('Votre fiche : Insertech');
  // The solutions Insertech offers follow its own fields, each in a section of its own.
  const solutionSection = organisation.getByRole('region', { name: `Solution : ${solutionTitle}` });
  await expect(solutionSection.getByLabel('Titre')).toHaveValue(solutionTitle);
  await expectNoAxeViolations(organisation);
  await organisation.getByLabel('Site Web (facultatif)').fill(website);
  await organisation.getByLabel('Téléphone (facultatif)').fill(phone);
  await solutionSection.getByLabel('Coût').selectOption({ label: 'Faible coût' });
  await submit(organisation, 'Envoyer mes changements');
  await expect(organisation.getByRole('heading', { level: 1 })).not.toHaveText('Votre fiche : Insertech');
  // The link served once: opening it again changes nothing.
  await organisation.goto(new URL(link!).pathname);
  await expect(organisation.getByRole('heading', { level: 1 })).toHaveText('Ce lien a déjà servi');

  // Nothing is public before a member decides.
  const visitor = await freshPage(browser, baseURL);
  await visitor.goto('/fournisseurs/insertech');
  await expect(visitor.getByRole('main')).not.toContainText(website);
  await visitor.goto(solutionPath);
  await expect(visitor.getByRole('main')).not.toContainText('Faible coût');

  // A member accepts the website and leaves the phone out.
  await member.goto('/admin/suggestions');
  await member.getByRole('link', { name: 'Insertech', exact: true }).first().click();
  await expect(member.getByRole('heading', { level: 1 })).toContainText('Changements proposés par l’organisme : Insertech');
  await member.getByLabel('Accepter : Téléphone').uncheck();
  await expect(member.getByLabel('Accepter : Site Web')).toBeChecked();
  await expect(member.getByRole('region', { name: `Solution : ${solutionTitle}` }).getByLabel('Accepter : Coût')).toBeChecked();
  await submit(member, 'Accepter les champs cochés');
  await expect(member.getByRole('alert').or(member.getByRole('status')).first()).toBeVisible();

  // The public page shows the accepted value, not the other, and who verified it.
  await visitor.goto('/fournisseurs/insertech');
  const main = visitor.getByRole('main');
  await expect(main).toContainText(website.replace(/^https:\/\//, ''));
  await expect(main).not.toContainText(phone);
  await expect(main).toContainText(/Vérifiée le \d{1,2} \S+ \d{4} par l’organisme/);
  await visitor.goto(solutionPath);
  await expect(visitor.getByRole('main')).toContainText('Faible coût');

  // The campaign page says the organisation answered.
  await member.goto('/admin/verification');
  await expect(member.getByRole('row', { name: /Insertech/ })).toContainText(/Mise à jour par l’organisme|Vérifiée/);

  // The stop link of the same message: the page changes nothing until the button is pressed.
  const stopPage = await freshPage(browser, baseURL);
  const stopUrl = new URL(stopLink!);
  await stopPage.goto(`${stopUrl.pathname}${stopUrl.search}`);
  await expect(stopPage.getByRole('heading', { level: 1 })).toHaveText('Ne plus recevoir nos courriels');
  await expect(stopPage.getByText(contact)).toBeVisible();
  await submit(stopPage, 'Arrêter les envois');
  await expect(stopPage.getByRole('heading', { level: 1 })).toHaveText('C’est noté');
  await member.goto('/admin/verification');
  await expect(member.getByRole('row', { name: /Insertech/ })).toContainText('oui (arrêt demandé)');

  // A changed key opens nothing.
  await stopPage.goto(`${stopUrl.pathname}?adresse=${encodeURIComponent(contact)}&cle=faux`);
  await expect(stopPage.getByRole('heading', { level: 1 })).toHaveText('Ce lien ne fonctionne pas');
});
