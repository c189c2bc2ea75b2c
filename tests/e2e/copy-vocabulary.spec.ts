// One word per concept and every acronym explained, on every public page (issue 17,
// docs/vocabulaire.md). Each page is fetched as a visitor without JavaScript gets it and read
// with the same code as `npm run copy:check` (scripts/lib/copy/). A finding is "where · kind ·
// term": where is the page's route, or « gabarit » for the frame every page shares.
// There is no allow-list: the rewrite of issue 17 removed every finding, and any new one fails.
import { expect, test } from '@playwright/test';
import { analyzeHtml } from '../../scripts/lib/copy/check';
import { listPublicPages } from '../../scripts/lib/copy/pages';

// An address of this spec's own: the searches it reads count against no other test's limit.
const headers = { 'x-forwarded-for': '198.51.100.170' };

test('pages publiques : aucun mot à éviter ni sigle non expliqué', async ({ request }) => {
  test.setTimeout(300_000);
  const fetchText = async (path: string) => (await request.get(path, { headers })).text();
  const pages = await listPublicPages(fetchText);
  // The sitemap lists every need, solution and provider: far more than the fixed pages.
  expect(pages.length).toBeGreaterThan(40);

  const found = new Map<string, string>();
  const note = (key: string, example: string) => {
    if (!found.has(key)) found.set(key, example);
  };
  for (const page of pages) {
    const response = await request.get(page.path, { headers });
    expect(response.status(), page.path).toBe(page.expectedStatus ?? 200);
    const report = analyzeHtml(await response.text());
    for (const finding of report.bannedWords) {
      const where = finding.place === 'gabarit' ? 'gabarit' : page.route;
      note(`${where} · mot · ${finding.word}`, `${page.path} : ${finding.excerpt}`);
    }
    for (const finding of report.unexplainedAcronyms) {
      const where = finding.place === 'gabarit' ? 'gabarit' : page.route;
      note(`${where} · sigle · ${finding.acronym}`, `${page.path} (${finding.reason}) : ${finding.excerpt}`);
    }
  }

  const findings = [...found].map(([key, example]) => `${key} — ${example}`);
  expect(findings, 'Mots à éviter ou sigles non expliqués (docs/vocabulaire.md) : corrigez la page').toEqual([]);
});
