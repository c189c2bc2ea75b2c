// The funders' portrait against the seeded production build: figures from the inventory,
// charts with text alternatives, accessible, fits a phone, and prints with its date and source.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { allSolutions, seedNeeds, seedProviders } from './helpers/inventory';

const inventory = JSON.parse(readFileSync(path.join(process.cwd(), 'prisma', 'seed', 'inventaire-2023.json'), 'utf8')) as {
  needs: { key: string; kind: 'NEED' | 'ISSUE' }[];
};
const solutions = seedNeeds.flatMap((need) => allSolutions(need.solutions));
const today = new Intl.DateTimeFormat('fr-CA', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'America/Toronto' }).format(new Date());

test.describe('portrait pour les bailleurs de fonds', () => {
  test('donne les chiffres clés, la couverture par besoin, les manques et les répartitions', async ({ page }) => {
    const response = await page.goto('/portrait');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Portrait du répertoire/);

    const figures = page.locator('.key-figures');
    const figure = (label: RegExp) => figures.locator('div').filter({ has: page.locator('dt', { hasText: label }) }).locator('dd');
    const needCount = inventory.needs.filter((need) => need.kind === 'NEED').length;
    await expect(figure(/besoins et enjeux/)).toHaveText(String(seedNeeds.length));
    await expect(figures).toContainText(`${needCount} besoins, ${seedNeeds.length - needCount} enjeu`);
    await expect(figure(/existent déjà|existe déjà/)).toHaveText(String(solutions.filter((s) => s.availability === 'EXISTING').length));
    await expect(figure(/idées pas encore offertes/)).toHaveText(String(solutions.filter((s) => s.availability === 'PROPOSED').length));
    await expect(figure(/^fournisseurs/)).toHaveText(String(seedProviders.length));
    // Nothing of the 2023 inventory has been verified by a person yet (but Insertech, by the
    // verification journey that may run before: 1 entry of 65, 2 %).
    await expect(figure(/vérifiées depuis 12 mois/)).toHaveText(/^[0-2]\s?%$/);

    // The providers' verification, counts only (never an address).
    const providers = page.getByRole('region', { name: 'Vérification des fournisseurs' });
    for (const label of [/vérifiés depuis 12 mois/, /vérifiés en \d{4}/, /sans adresse pour leur écrire/]) {
      const item = providers.locator('div').filter({ has: page.locator('dt', { hasText: label }) });
      await expect(item.locator('dd')).toHaveText(/^\d+\s?%$/);
      await expect(item.locator('dt')).toContainText(`sur ${seedProviders.length}`);
    }
    await expect(providers).not.toContainText('@');

    const coverage = page.getByRole('table', { name: /Pour chaque besoin/ });
    await expect(coverage.locator('tbody tr')).toHaveCount(seedNeeds.length);
    for (const need of seedNeeds) {
      await expect(coverage.getByRole('link', { name: need.title, exact: true })).toHaveAttribute('href', `/besoins/${need.key}`);
    }

    await expect(page.getByRole('heading', { name: /Besoins sans aucune solution existante/ })).toBeVisible();
    await expect(page.getByRole('heading', { name: /Idées, pas encore offertes/ })).toBeVisible();

    // Each chart: an image with a name and a summary, and its numbers as a table.
    const charts = page.getByRole('main').locator('figure.chart');
    await expect(charts).toHaveCount(4);
    for (const chart of await charts.all()) {
      const image = chart.getByRole('img');
      await expect(image).toHaveAccessibleName(/.+\(.+\)/);
      await expect(image).toHaveAccessibleDescription(/ : \d/);
      await chart.getByText('Voir ces données en tableau').click();
      await expect(chart.getByRole('table')).toBeVisible();
    }
    await expectNoAxeViolations(page);
  });

  test('s’imprime comme un rapport : date et source sur chaque page, sans menus', async ({ page }) => {
    await page.goto('/portrait');
    await page.emulateMedia({ media: 'print' });
    const head = page.getByTestId('portrait-print-head');
    await expect(head).toBeVisible();
    await expect(head).toContainText(`données au ${today}`);
    await expect(head).toContainText(/Source : http.+\/portrait/);
    await expect(page.locator('body > header')).toBeHidden();
    await expect(page.locator('body > footer')).toBeHidden();
    await expect(page.getByText(/commande Imprimer/)).toBeHidden();

    // Every printed page: the bottom margin of the named page "portrait" carries the same text.
    const marginRule = await page.evaluate(() =>
      [...document.querySelectorAll('style')].map((style) => style.textContent ?? '').find((text) => text.includes('@bottom-left')),
    );
    expect(marginRule).toContain('@page portrait');
    expect(marginRule).toContain(`données au ${today}`);
    expect(await page.locator('.portrait-report').evaluate((element) => getComputedStyle(element).getPropertyValue('page'))).toBe('portrait');

    // And the browser saves it as a PDF of several pages.
    const pdf = await page.pdf({ format: 'Letter', preferCSSPageSize: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThan(1);
  });

  test('tient sur un téléphone @mobile', async ({ page }) => {
    await page.goto('/portrait');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
