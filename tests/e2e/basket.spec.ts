// The basket of services (/panier): kept in a cookie, shared as a link that rebuilds the
// list in a fresh browser, printed on one clean page, downloaded as CSV; usable with the
// keyboard alone and without JavaScript.
import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { expectNoAxeViolations } from './helpers/axe';
import { allSolutions, seedNeeds, seedProviders } from './helpers/inventory';

const solutions = seedNeeds.flatMap((need) => allSolutions(need.solutions).map((solution) => ({ ...solution, need: need.key })));
const solution = (key: string) => solutions.find((entry) => entry.key === key)!;
const provider = (key: string) => seedProviders.find((entry) => entry.key === key)!;

// A solution, and two providers whose names have an apostrophe and accents.
const techAccelerate = solution('tech-accelerate');
const juripop = provider('juripop');
const leo = provider('ligne-d-ecoute-leo');
const sharedList = `s:${techAccelerate.key},p:${juripop.key},p:${leo.key}`;
const sharedNames = [techAccelerate.title, juripop.name, leo.name];

/** The confirmation shown after a change (role="status", id="etat"). */
function notice(page: Page): Locator {
  return page.locator('#etat');
}

/** The names of the listed entries, in order (the section is titled « N fiches »). */
function itemHeadings(page: Page): Locator {
  return page.getByRole('region', { name: /^\d+ fiches?$/ }).getByRole('heading', { level: 3 });
}

async function keepSharedList(page: Page, list: string): Promise<void> {
  await page.goto(`/panier?liste=${list}`);
  await page.getByRole('button', { name: 'Remplacer mon panier par cette liste' }).click();
  await expect(page).toHaveURL(/\/panier\?etat=remplace/);
}

/** A browser with no cookie at all, like another device. */
async function freshPage(browser: Browser, origin: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ baseURL: origin, locale: 'fr-CA', javaScriptEnabled });
  return context.newPage();
}

/** Presses Tab until `target` has the focus (keyboard only: no click, no focus() call). */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`Tab n'a pas atteint ${target} en ${limit} pressions.`);
}

async function sharePathOf(page: Page): Promise<string> {
  const link = new URL(await page.getByLabel('Lien à partager').inputValue());
  return `${link.pathname}${link.search}`;
}

function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test.describe('panier de services', () => {
  test('un panier vide aide à trouver quoi y mettre', async ({ page }) => {
    const response = await page.goto('/panier');
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(/Mon panier/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon panier de services');
    await expect(page.getByRole('heading', { name: 'Votre panier est vide.' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('link', { name: /besoins et leurs solutions/ })).toHaveAttribute('href', '/besoins');
    await expect(main.getByRole('link', { name: /fournisseurs de A à Z/ })).toHaveAttribute('href', '/fournisseurs');
    await expect(main.getByRole('link', { name: /Chercher dans le répertoire/ })).toHaveAttribute('href', '/recherche');
    await expect(page.getByLabel('Lien à partager')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('garder une liste partagée, la retrouver dans un navigateur neuf, l’imprimer et la télécharger', async ({ page, browser }) => {
    await page.goto(`/panier?liste=${sharedList}`);
    await expect(page).toHaveTitle(/Liste partagée/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liste partagée');
    await expect(itemHeadings(page)).toHaveText(sharedNames);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Remplacer mon panier par cette liste' }).click();
    await expect(page).toHaveURL(/\/panier\?etat=remplace/);
    await expect(notice(page)).toHaveText('Votre panier contient maintenant la liste partagée.');
    await expect(notice(page)).toHaveAttribute('role', 'status');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mon panier de services');
    await expect(itemHeadings(page)).toHaveText(sharedNames);
    // What the sheet tells about each entry.
    const techItem = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: techAccelerate.title }) });
    await expect(techItem).toContainText('Ce qui est offert');
    await expect(techItem.getByRole('link', { name: 'NTEN' })).toHaveAttribute('href', '/fournisseurs/nten');
    await expect(page.getByRole('listitem').filter({ hasText: juripop.name }).first()).toContainText('Site Web');
    await expectNoAxeViolations(page);

    // The cookie keeps it: a reload still shows the basket.
    await page.goto('/panier');
    await expect(itemHeadings(page)).toHaveText(sharedNames);

    // The share link rebuilds the same list on a device that has no cookie.
    const path = await sharePathOf(page);
    expect(path).toBe(`/panier?liste=${sharedList}`);
    const elsewhere = await freshPage(browser, new URL(page.url()).origin);
    expect(await elsewhere.context().cookies()).toEqual([]);
    await elsewhere.goto(path);
    await expect(elsewhere.getByRole('heading', { level: 1 })).toHaveText('Liste partagée');
    await expect(itemHeadings(elsewhere)).toHaveText(sharedNames);
    await elsewhere.context().close();

    // Printed: the list alone, without menus, buttons or forms, on one page.
    await page.emulateMedia({ media: 'print' });
    await expect(itemHeadings(page)).toHaveText(sharedNames);
    await expect(page.getByRole('navigation')).toHaveCount(0);
    await expect(page.getByRole('contentinfo')).toHaveCount(0);
    await expect(page.getByRole('button')).toHaveCount(0);
    await expect(page.getByRole('textbox')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Télécharger (CSV)' })).toHaveCount(0);
    await expect(page.getByText(`En ligne : `)).toContainText(`/panier?liste=${sharedList}`);
    expect(pdfPageCount(await page.pdf({ format: 'Letter' }))).toBe(1);
    await page.emulateMedia({ media: 'screen' });

    // Downloaded: a CSV file that a spreadsheet (here, a CSV parser) reads back.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger (CSV)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^panier-de-services-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    expect(rows[0]?.slice(0, 3)).toEqual(['Type', 'Nom', 'Description']);
    expect(rows.slice(1).map((row) => row[1])).toEqual(sharedNames);
    expect(rows[1]?.[0]).toBe('Solution existante');
    expect(rows[3]?.at(-1)).toMatch(new RegExp(`/fournisseurs/${leo.key}$`));
  });

  test('ajouter une liste partagée à un panier qui a déjà des fiches', async ({ page }) => {
    await keepSharedList(page, `p:${juripop.key}`);
    await expect(itemHeadings(page)).toHaveText([juripop.name]);

    await page.goto(`/panier?liste=${sharedList}`);
    await expect(page.getByText('Votre panier contient déjà 1 fiche')).toBeVisible();
    await page.getByRole('button', { name: 'Ajouter à mon panier' }).click();
    await expect(page).toHaveURL(/\/panier\?etat=ajoute/);
    await expect(itemHeadings(page)).toHaveText([juripop.name, techAccelerate.title, leo.name]);
  });

  test('au clavier seulement : garder une liste, puis retirer une fiche', async ({ page }) => {
    await page.goto(`/panier?liste=${sharedList}`);
    const add = page.getByRole('button', { name: 'Ajouter à mon panier' });
    await tabTo(page, add);
    await expect(add).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/panier\?etat=ajoute/);
    await expect(itemHeadings(page)).toHaveText(sharedNames);

    const remove = page.getByRole('button', { name: `Retirer du panier : ${juripop.name}` });
    await tabTo(page, remove);
    await page.keyboard.press('Enter');
    await expect(itemHeadings(page)).toHaveText([techAccelerate.title, leo.name]);
    // The confirmation takes the focus (the button that had it is gone) and is announced.
    await expect(notice(page)).toHaveText(`« ${juripop.name} » a été retiré de votre panier.`);
    await expect(notice(page)).toBeFocused();

    // Space works as well as Enter on a button.
    const removeLeo = page.getByRole('button', { name: `Retirer du panier : ${leo.name}` });
    await tabTo(page, removeLeo);
    await page.keyboard.press('Space');
    await expect(itemHeadings(page)).toHaveText([techAccelerate.title]);
    await expect(notice(page)).toContainText(leo.name);
    await expect(notice(page)).toBeFocused();
    await expectNoAxeViolations(page);
  });

  test('le bouton « Copier le lien » copie le lien de partage', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/panier?liste=${sharedList}`);
    await page.getByRole('button', { name: 'Copier le lien' }).click();
    await expect(page.getByText('Lien copié.')).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.getByLabel('Lien à partager').inputValue());
  });

  test('les focus se voient sur les boutons du panier', async ({ page }) => {
    await page.goto(`/panier?liste=${sharedList}`);
    const add = page.getByRole('button', { name: 'Ajouter à mon panier' });
    await tabTo(page, add);
    const outline = await add.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe('none');
  });

  test('vider le panier, puis retrouver la liste vidée', async ({ page }) => {
    await keepSharedList(page, sharedList);
    await page.getByRole('button', { name: 'Vider le panier' }).click();
    await expect(page.getByRole('heading', { name: 'Votre panier est vide.' })).toBeVisible();
    await expect(notice(page)).toContainText('Votre panier a été vidé.');
    await page.getByRole('link', { name: 'Retrouver la liste vidée' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liste partagée');
    await expect(itemHeadings(page)).toHaveText(sharedNames);
  });

  test('un lien abîmé ou un témoin trafiqué donne une page utile, jamais une erreur', async ({ page, context }) => {
    for (const query of ['liste=', 'liste=n%27importe%20quoi', "liste=s:x'%3B%20drop%20table", `liste=${'s:a,'.repeat(3000)}`]) {
      const response = await page.goto(`/panier?${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liste partagée');
      await expect(page.getByRole('heading', { name: 'Ce lien ne contient aucune fiche à afficher.' })).toBeVisible();
    }

    // Half of it is readable: what can be shown is, with a word about the rest.
    await page.goto(`/panier?liste=p:${juripop.key},zzz,s:existe-pas`);
    await expect(itemHeadings(page)).toHaveText([juripop.name]);
    await expect(page.getByText("2 fiches de ce lien n’ont pas pu être affichées")).toBeVisible();
    await expectNoAxeViolations(page);

    const origin = new URL(page.url()).origin;
    for (const value of ['%%%', 'p:juripop;s:;x', '"><script>alert(1)</script>', 'a'.repeat(3_000)]) {
      await context.addCookies([{ name: 'panier', value: encodeURIComponent(value), url: origin }]);
      const response = await page.goto('/panier');
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('heading', { name: 'Votre panier est vide.' })).toBeVisible();
    }

    // An entry that is no longer published is set aside, and can be cleaned away.
    await context.addCookies([{ name: 'panier', value: encodeURIComponent(`p:${juripop.key},s:plus-publiee`), url: origin }]);
    await page.goto('/panier');
    await expect(itemHeadings(page)).toHaveText([juripop.name]);
    await page.getByRole('button', { name: 'Retirer cette fiche du panier' }).click();
    await expect(notice(page)).toContainText('ne sont plus dans le répertoire ont été retirées');
    await expect(page.getByText("n'est plus dans le répertoire")).toHaveCount(0);
    await expect(itemHeadings(page)).toHaveText([juripop.name]);
  });

  test('le fichier CSV refuse en français une liste invalide', async ({ request }) => {
    for (const query of ['', '?liste=', '?liste=zzz', `?liste=${'s:a,'.repeat(3000)}`]) {
      const response = await request.get(`/panier/csv${query}`);
      expect(response.status(), query).toBe(400);
      expect(response.headers()['content-type']).toContain('text/plain');
      expect(await response.text()).toMatch(/^Impossible de préparer le fichier/);
    }
    const unknown = await request.get('/panier/csv?liste=s:existe-pas');
    expect(unknown.status()).toBe(404);
    expect(await unknown.text()).toContain("Aucune fiche de cette liste n’est dans le répertoire");

    const ok = await request.get(`/panier/csv?liste=${sharedList}`);
    expect(ok.status()).toBe(200);
    expect(ok.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(ok.headers()['content-disposition']).toMatch(/^attachment; filename="panier-de-services-[\d-]+\.csv"/);
  });

  test('ne renvoie jamais vers un autre site après un changement', async ({ page }) => {
    await page.goto(`/panier?liste=p:${juripop.key}`);
    const host = new URL(page.url()).host;
    await page.getByRole('button', { name: 'Remplacer mon panier par cette liste' }).click();
    const remove = page.getByRole('button', { name: `Retirer du panier : ${juripop.name}` });
    // A tampered form asks to go elsewhere: the action sends the person back to the site.
    await page.locator('input[name="retour"]').evaluate((input: HTMLInputElement) => {
      input.value = '//evil.example/piege';
    });
    await remove.click();
    await expect(page).toHaveURL((url) => url.host === host && url.pathname === '/panier');
    await expect(page.getByRole('heading', { name: 'Votre panier est vide.' })).toBeVisible();
  });
});

test.describe('panier sans JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('la liste partagée s’affiche, se garde, se modifie et se vide sans JavaScript', async ({ page }) => {
    await page.goto(`/panier?liste=${sharedList}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Liste partagée');
    await expect(itemHeadings(page)).toHaveText(sharedNames);
    // The optional JavaScript buttons are not offered when they cannot work.
    await expect(page.getByRole('button', { name: 'Copier le lien' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Imprimer' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Ajouter à mon panier' }).click();
    await expect(page).toHaveURL(/\/panier\?etat=ajoute#etat$/);
    await expect(itemHeadings(page)).toHaveText(sharedNames);

    await page.getByRole('button', { name: `Retirer du panier : ${techAccelerate.title}` }).click();
    await expect(page).toHaveURL(/\/panier\?retire=s:tech-accelerate#etat$/);
    await expect(notice(page)).toContainText(`« ${techAccelerate.title} » a été retiré de votre panier.`);
    await expect(itemHeadings(page)).toHaveText([juripop.name, leo.name]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Télécharger (CSV)' }).click()]);
    const rows = parse(await readFile(await download.path()), { bom: true, delimiter: ';' }) as string[][];
    expect(rows.slice(1).map((row) => row[1])).toEqual([juripop.name, leo.name]);

    await page.getByRole('button', { name: 'Vider le panier' }).click();
    await expect(page.getByRole('heading', { name: 'Votre panier est vide.' })).toBeVisible();
  });
});

test.describe('panier sur téléphone @mobile', () => {
  test('le panier tient dans la largeur de l’écran @mobile', async ({ page }) => {
    await keepSharedList(page, sharedList);
    for (const path of ['/panier', `/panier?liste=${sharedList}`]) {
      await page.goto(path);
      await expect(itemHeadings(page)).toHaveCount(sharedNames.length);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});

// ---------------------------------------------------------------------------------------
// AFTER WIRING: need pages show « Ajouter au panier » for each solution (accessible name
// « Ajouter au panier : <solution title> »), provider pages show one for the provider, and
// the site header shows <BasketLink> (« Panier (N fiches) »).
// ---------------------------------------------------------------------------------------
test.describe('boutons du panier sur les pages du répertoire (après branchement)', () => {

  const need = seedNeeds.find((entry) => entry.key === techAccelerate.need)!;

  test('ajouter une solution et un fournisseur depuis leurs pages, puis les retrouver dans le panier', async ({ page }) => {
    await page.goto(`/besoins/${need.key}`);
    const header = page.getByRole('banner');
    await expect(header.getByRole('link', { name: /^Panier \(0 fiche\)$/ })).toBeVisible();
    await page.getByRole('button', { name: `Ajouter au panier : ${techAccelerate.title}` }).click();
    await expect(page.getByRole('button', { name: `Retirer du panier : ${techAccelerate.title}` })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/besoins/${need.key}`));
    await expect(header.getByRole('link', { name: /^Panier \(1 fiche\)$/ })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`/fournisseurs/${juripop.key}`);
    await page.getByRole('button', { name: `Ajouter au panier : ${juripop.name}` }).click();
    await expect(page.getByRole('button', { name: `Retirer du panier : ${juripop.name}` })).toBeVisible();
    await expect(header.getByRole('link', { name: /^Panier \(2 fiches\)$/ })).toBeVisible();

    await header.getByRole('link', { name: /^Panier/ }).click();
    await expect(page).toHaveURL(/\/panier$/);
    await expect(itemHeadings(page)).toHaveText([techAccelerate.title, juripop.name]);

    // Removing from the need page works too.
    await page.goto(`/besoins/${need.key}`);
    await page.getByRole('button', { name: `Retirer du panier : ${techAccelerate.title}` }).click();
    await expect(page.getByRole('button', { name: `Ajouter au panier : ${techAccelerate.title}` })).toBeVisible();
    await expect(header.getByRole('link', { name: /^Panier \(1 fiche\)$/ })).toBeVisible();
  });

  test('au clavier seulement : Tab jusqu’au bouton, Entrée, puis retirer depuis le panier', async ({ page }) => {
    await page.goto(`/besoins/${need.key}`);
    const add = page.getByRole('button', { name: `Ajouter au panier : ${techAccelerate.title}` });
    await tabTo(page, add, 200);
    await page.keyboard.press('Enter');
    const remove = page.getByRole('button', { name: `Retirer du panier : ${techAccelerate.title}` });
    await expect(remove).toBeVisible();
    // The same button, now « Retirer », keeps the focus.
    await expect(remove).toBeFocused();

    await tabTo(page, page.getByRole('banner').getByRole('link', { name: /^Panier/ }), 200);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/panier$/);
    await expect(itemHeadings(page)).toHaveText([techAccelerate.title]);
    await tabTo(page, page.getByRole('button', { name: `Retirer du panier : ${techAccelerate.title}` }));
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Votre panier est vide.' })).toBeVisible();
  });

  test.describe('sans JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('ajouter depuis une page de besoin et de fournisseur sans JavaScript', async ({ page }) => {
      await page.goto(`/besoins/${need.key}`);
      await page.getByRole('button', { name: `Ajouter au panier : ${techAccelerate.title}` }).click();
      // Back to the solution on its page (a 303 redirect to its anchor), not to the top.
      await expect(page).toHaveURL(new RegExp(`/besoins/${need.key}#solution-${techAccelerate.key}$`));
      await expect(page.getByRole('button', { name: `Retirer du panier : ${techAccelerate.title}` })).toBeVisible();
      await page.goto(`/fournisseurs/${leo.key}`);
      await page.getByRole('button', { name: `Ajouter au panier : ${leo.name}` }).click();
      await page.goto('/panier');
      await expect(itemHeadings(page)).toHaveText([techAccelerate.title, leo.name]);
    });
  });
});
