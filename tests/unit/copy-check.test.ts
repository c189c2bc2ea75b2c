// What `npm run copy:check` and the copy test read on a page: the visible text, the inventory's
// quotations set apart, acronyms explained at their first use, banned words (lib/copy/vocabulary.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACRONYMS,
  AVAILABILITY_WORDING,
  BANNED_WORDS,
  CONCEPTS,
  MISSING_INFORMATION,
  ROLE_WORDING,
  SOURCE_QUOTE_ATTRIBUTE,
  SOURCE_QUOTE_VALUE,
} from '@/lib/copy/vocabulary';
import { analyzeHtml } from '@/scripts/lib/copy/check';
import { extractPageText, interfaceText } from '@/scripts/lib/copy/extract';
import { routeOf, sitemapPaths } from '@/scripts/lib/copy/pages';

const page = (main: string, chrome = '') =>
  `<!DOCTYPE html><html lang="fr-CA"><head><title>Titre CSV</title><script>var CSV = 1;</script></head><body>${chrome}<main>${main}</main></body></html>`;

describe('extractPageText', () => {
  it('keeps visible text in blocks, skips what nobody sees, marks the frame and the quotations', () => {
    const html = page(
      `<h1>Un besoin</h1>
       <figure><blockquote ${SOURCE_QUOTE_ATTRIBUTE}="${SOURCE_QUOTE_VALUE}"><p>Les mots de l’inventaire.</p></blockquote>
       <figcaption>Formulation de l'inventaire</figcaption></figure>
       <p>Le rôle de <a href="/x">Dataide</a>&nbsp;: finance <span aria-hidden="true">›</span>cette solution.<span class="sr-only"> (lu à voix haute)</span></p>
       <p hidden>Caché</p><template><p>Modèle</p></template>
       <p>Format <code>EXISTING</code> ici.</p>
       <select><option>Bas-Saint-Laurent</option></select>`,
      '<header><nav aria-label="Navigation principale"><a href="/">Accueil</a></nav></header>',
    );
    const { blocks, attributes } = extractPageText(html);
    expect(blocks.map((block) => block.text)).toEqual([
      'Accueil',
      'Un besoin',
      "Les mots de l'inventaire.",
      "Formulation de l'inventaire",
      "Le rôle de Dataide : finance cette solution. (lu à voix haute)",
      'Format EXISTING ici.',
      'Bas-Saint-Laurent',
    ]);
    expect(blocks[0]!.isChrome).toBe(true);
    expect(blocks[1]!.isChrome).toBe(false);
    expect(interfaceText(blocks[2]!)).toBe('');
    expect(interfaceText(blocks[3]!)).toBe("Formulation de l'inventaire");
    expect(interfaceText(blocks[5]!)).toBe('Format ici.');
    expect(blocks[6]!.isScored).toBe(false);
    expect(attributes).toEqual([{ name: 'aria-label', text: 'Navigation principale', isChrome: true }]);
  });

  it('reads the items of a flex or grid container as blocks of their own', () => {
    const { blocks } = extractPageText(page(`<div class="mt-2 flex gap-2"><span>Proposée</span><span>Formation</span></div><p>Voir <span>la</span> <a>fiche</a>.</p>`));
    expect(blocks.map((block) => block.text)).toEqual(['Proposée', 'Formation', 'Voir la fiche.']);
  });

  it('sets apart an inline <q> of the inventory, keeping the sentence around it', () => {
    const { blocks } = extractPageText(page(`<p>L’inventaire écrit <q data-source="inventaire">(qui?)</q> ici.</p>`));
    expect(blocks[0]!.text).toBe("L'inventaire écrit (qui?) ici.");
    expect(interfaceText(blocks[0]!)).toBe("L'inventaire écrit ici.");
  });
});

describe('analyzeHtml: acronyms', () => {
  const acronyms = (main: string) => analyzeHtml(page(main)).unexplainedAcronyms.map((finding) => `${finding.acronym}: ${finding.reason}`);

  it('accepts a first use in <abbr title> with the vocabulary’s expansion, or followed or preceded by it in parentheses', () => {
    expect(acronyms('<p>Le <abbr title="conseil d’administration">CA</abbr> décide. Le CA vote.</p>')).toEqual([]);
    expect(acronyms('<p>Une AEC (attestation d’études collégiales) en TI.</p><p>Les technologies de l’information (TI).</p>')).toEqual([
      'TI: première mention sans développement',
    ]);
    expect(acronyms('<p>Le conseil d’administration (CA) vote.</p>')).toEqual([]);
    expect(acronyms('<p>Conformité à la loi 25 (loi du Québec sur la protection des renseignements personnels).</p>')).toEqual([]);
  });

  it('has expansions that fit in parentheses, one per acronym', () => {
    for (const acronym of ACRONYMS) expect(acronym.expansion, acronym.short).not.toMatch(/[()]/);
    expect(new Set(ACRONYMS.map((acronym) => acronym.short)).size).toBe(ACRONYMS.length);
    expect(acronyms('<p>Le format HSDS (format de données Open Referral pour décrire des services).</p>')).toEqual([]);
  });

  it('reports the first use only, unknown acronyms, empty or different titles, and counts quotations', () => {
    expect(acronyms('<p>Le CA vote.</p><p>Le <abbr title="conseil d’administration">CA</abbr> décide.</p>')).toEqual([
      'CA: première mention sans développement',
    ]);
    expect(acronyms('<p>Le ZZQ décide.</p>')).toEqual(['ZZQ: sigle absent du vocabulaire']);
    expect(acronyms('<p><abbr>CSV</abbr></p>')).toEqual(['CSV: <abbr> sans title']);
    expect(acronyms('<p><abbr title="Comma-separated values">CSV</abbr></p>')).toEqual([
      'CSV: <abbr title> différent du vocabulaire (« Comma-separated values »)',
    ]);
    expect(acronyms('<blockquote data-source="inventaire">Le PSOC.</blockquote>')).toEqual(['PSOC: première mention sans développement']);
    // Codes and the <head> are not read as acronyms; capitals inside a name are not either.
    expect(acronyms('<p>Le code <code>EXISTING</code> de SynergITIC et MutualIT.</p>')).toEqual([]);
  });
});

describe('analyzeHtml: banned words', () => {
  const banned = (main: string, chrome = '') => analyzeHtml(page(main, chrome)).bannedWords.map((finding) => `${finding.word} (${finding.place})`);

  it('finds each banned word of the vocabulary, in text and attributes, in the frame or the page', () => {
    expect(banned('<p>Qui : Dataide. Rôle : offre. Porte : un besoin.</p>')).toEqual(['Qui : (page)', 'Porte : (page)', 'Rôle : (page)']);
    expect(banned('<p>Coût : À préciser</p><p>Téléphone : à compléter</p>', '<footer>Une ressource manque ?</footer>')).toEqual([
      'ressource (gabarit)',
      'À préciser (page)',
      'À compléter (page)',
    ]);
    expect(banned('<p>2 éléments</p><p aria-label="Solutions proposées">x</p>')).toEqual(['élément (page)', 'proposée (page)']);
    expect(banned('<p>Les organismes et programmes nommés</p>')).toEqual(['organismes et programmes (page)']);
  });

  it('leaves the senses the vocabulary keeps, and the inventory’s quotations', () => {
    expect(banned('<p>Ressources humaines et financières supplémentaires</p>')).toEqual([]);
    expect(banned('<p>Existence à confirmer</p><p>Solutions dont l’existence est à confirmer</p>')).toEqual([]);
    expect(banned('<p>Région : à confirmer</p>')).toEqual(['à confirmer (page)']);
    expect(banned('<p>Qui est responsable</p><p>Une porte ouverte.</p>')).toEqual([]);
    expect(banned(`<p>${MISSING_INFORMATION}</p>`)).toEqual([]);
    expect(banned('<blockquote data-source="inventaire">etc. (à compléter).</blockquote>')).toEqual([]);
    expect(banned('<blockquote>etc. (à compléter).</blockquote>')).toEqual(['À compléter (page)']);
  });
});

describe('analyzeHtml: readability of the interface', () => {
  it('scores the page’s own text without the quotations nor the frame, and gives the longest sentences', () => {
    const report = analyzeHtml(
      page(
        '<p>Lisez la fiche. Elle est courte.</p><blockquote data-source="inventaire"><p>Une très longue formulation administrative de la Table de concertation.</p></blockquote>',
        '<header><p>Répertoire numérique communautaire</p></header>',
      ),
    );
    expect(report.interface).toMatchObject({ sentences: 2, words: 6 });
    expect(report.frame).toMatchObject({ sentences: 1, words: 3 });
    expect(report.quotations).toMatchObject({ sentences: 1, words: 10 });
    expect(report.longestSentences[0]).toEqual({ words: 3, text: 'Lisez la fiche.' });
  });
});

describe('pages', () => {
  it('reads the sitemap’s paths whatever its host, and names each page’s route', () => {
    expect(sitemapPaths('<urlset><url><loc>https://exemple.org/besoins/a?x=1&amp;y=2</loc></url><url><loc>http://localhost:3000/</loc></url></urlset>')).toEqual([
      '/besoins/a?x=1&y=2',
      '/',
    ]);
    expect(routeOf('/besoins/conformite-loi-25')).toBe('/besoins/[slug]');
    expect(routeOf('/recherche?q=formation')).toBe('/recherche');
    expect(routeOf('/donnees/api')).toBe('/donnees/api');
  });
});

describe('docs/vocabulaire.md follows lib/copy/vocabulary.ts', () => {
  const plain = (text: string) => text.replace(/[’]/g, "'");

  it('names every term, banned word and acronym with its expansion', () => {
    const doc = plain(readFileSync(path.join(process.cwd(), 'docs', 'vocabulaire.md'), 'utf8'));
    for (const concept of CONCEPTS) expect(doc, concept.term).toContain(plain(concept.term));
    for (const word of BANNED_WORDS) expect(doc, word.word).toContain(`« ${plain(word.word)} »`);
    for (const acronym of ACRONYMS) {
      expect(doc, acronym.short).toContain(`| ${acronym.short} |`);
      expect(doc, acronym.short).toContain(plain(acronym.expansion));
    }
    for (const wording of Object.values(AVAILABILITY_WORDING)) {
      for (const text of [wording.short, wording.plural, wording.sentence]) expect(doc, text).toContain(plain(text));
    }
    for (const text of Object.values(ROLE_WORDING)) expect(doc, text).toContain(plain(text));
    expect(doc).toContain(`${SOURCE_QUOTE_ATTRIBUTE}="${SOURCE_QUOTE_VALUE}"`);
  });
});
