import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with the list of WCAG 2.2 AA violations axe-core finds on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation, Next inserts the new page's <title> once its metadata has
  // streamed in, a moment after the content: axe must not look in between.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary, `Violations d'accessibilité sur ${page.url()}`).toEqual([]);
}
