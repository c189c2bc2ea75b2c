// One word per concept and every acronym explained, on every public page (issue 17,
// docs/vocabulaire.md). Each page is fetched as a visitor without JavaScript gets it and read
// with the same code as `npm run copy:check` (scripts/lib/copy/). A finding is "where · kind ·
// term": where is the page's route, or « gabarit » for the frame every page shares.
// Today's offenders are listed in copy-offenders.ts until the rewrite removes them: the test
// fails on a finding that is not listed, and on a listed one that no longer occurs (the list
// only shrinks).
import { expect, test } from '@playwright/test';
import { analyzeHtml } from '../../scripts/lib/copy/check';
import { listPublicPages } from '../../scripts/lib/copy/pages';
import { COPY_OFFENDERS, offenderKey } from './copy-offenders';

// An address of this spec's own: the searches it reads count against no other test's limit.
const headers = { 'x-forwarded-for': '198.51.100.170' };

test('pages publiques : aucun mot à éviter ni sigle non expliqué hors de la liste des cas connus', async ({ request }) => {
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
      note(offenderKey({ where, kind: 'mot', term: finding.word }), `${page.path} : ${finding.excerpt}`);
    }
    for (const finding of report.unexplainedAcronyms) {
      const where = finding.place === 'gabarit' ? 'gabarit' : page.route;
      note(offenderKey({ where, kind: 'sigle', term: finding.acronym }), `${page.path} (${finding.reason}) : ${finding.excerpt}`);
    }
  }

  const listed = new Set(COPY_OFFENDERS.map(offenderKey));
  const added = [...found].filter(([key]) => !listed.has(key)).map(([key, example]) => `${key} — ${example}`);
  const gone = [...listed].filter((key) => !found.has(key));
  expect(added, 'Nouveaux mots à éviter ou sigles non expliqués (docs/vocabulaire.md) : corrigez la page').toEqual([]);
  expect(gone, 'Cas corrigés : retirez-les de tests/e2e/copy-offenders.ts').toEqual([]);
});
