// Issue 17's plain-French rules that live in code: elision before a name, the role said in
// full, filter groups that offer nothing but « Non précisé », the acronyms of entries spelled
// out, the privacy officer's missing address, and /trouver's advice naming only chosen answers.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { InventoryQuote } from '@/components/inventory/inventory-quote';
import { MatchResults } from '@/components/matching/match-results';
import { HighlightedText } from '@/components/search/highlighted-text';
import { Abbr, Abbreviated } from '@/components/ui/abbreviated';
import { privacyOfficerGap } from '@/lib/env';
import { applyFacets, UNKNOWN, type FacetValues } from '@/lib/facets/facets';
import { thatName } from '@/lib/format';
import { analyzeHtml } from '../../scripts/lib/copy/check';
import { rolesSentence } from '@/lib/labels';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from '@/lib/search/highlight';

describe('élision devant un nom', () => {
  it('« qu’Insertech », « que Dataide »', () => {
    expect(thatName('Insertech')).toBe('qu’Insertech');
    expect(thatName('Écoute')).toBe('qu’Écoute');
    expect(thatName('Dataide')).toBe('que Dataide');
  });
});

describe('rôle d’un fournisseur', () => {
  it('dit ce que le fournisseur fait, et marque ce que l’équipe a déduit', () => {
    expect(rolesSentence(['FUNDS'], [])).toBe('finance cette solution');
    expect(rolesSentence(['OFFERS', 'PARTNERS'], ['PARTNERS'])).toBe('offre cette solution ; est partenaire de cette solution, déduit par l’équipe');
  });
});

describe('filtres', () => {
  type Item = { values: FacetValues };
  const items: Item[] = [{ values: { cost: ['FREE'], region: [] } }, { values: { cost: ['PAID'], region: [] } }];
  const run = (selection: Parameters<typeof applyFacets>[2]) => applyFacets(items, (item) => item.values, selection, ['cost', 'region']);

  it('cache un groupe qui n’offre que « Non précisé »', () => {
    expect(run({}).groups.map((group) => group.key)).toEqual(['cost']);
  });
  it('le montre quand « Non précisé » est choisi, pour pouvoir le retirer', () => {
    const region = run({ region: [UNKNOWN] }).groups.find((group) => group.key === 'region');
    expect(region?.options.map((option) => [option.value, option.isSelected])).toEqual([[UNKNOWN, true]]);
  });
});

describe('sigles des fiches', () => {
  it('développe chaque sigle connu dans un <abbr>, sans changer les mots', () => {
    const html = renderToStaticMarkup(<Abbreviated text="Impliquer le CA, selon la loi 25 ; Cpour.ca reste tel quel." />);
    expect(html).toBe(
      'Impliquer le <abbr title="conseil d’administration">CA</abbr>, selon la <abbr title="loi du Québec sur la protection des renseignements personnels">loi 25</abbr> ; Cpour.ca reste tel quel.',
    );
    expect(renderToStaticMarkup(<Abbreviated text="Sans sigle." />)).toBe('Sans sigle.');
    expect(renderToStaticMarkup(<Abbr short="CSV" />)).toBe('<abbr title="fichier de tableau, pour Excel ou un autre tableur">CSV</abbr>');
  });
});

describe('personne responsable de la confidentialité', () => {
  it('signale l’adresse manquante, même quand le nom est donné', () => {
    expect(privacyOfficerGap({ name: null, email: null })).toMatch(/PRIVACY_OFFICER_NAME et PRIVACY_OFFICER_EMAIL ne sont pas définis/);
    expect(privacyOfficerGap({ name: 'Marie Tremblay', email: null })).toMatch(/PRIVACY_OFFICER_EMAIL n’est pas défini/);
    expect(privacyOfficerGap({ name: null, email: 'confidentialite@example.org' })).toBeNull();
  });
});

describe('/trouver sans résultat', () => {
  const advice = (answers: Parameters<typeof MatchResults>[0]['answers']) =>
    renderToStaticMarkup(<MatchResults answers={answers} needs={[]} solutions={[]} providers={[]} />);

  it('ne nomme que les réponses données', () => {
    expect(advice({ themes: ['t'], kinds: ['TRAINING'], budget: 'none' })).toContain('Retirez une de vos réponses (le type d’aide ou le budget)');
    const onlyRegion = advice({ themes: ['t'], kinds: [], region: 'MONTREAL' });
    expect(onlyRegion).toContain('Retirez une de vos réponses (la région)');
    expect(onlyRegion).not.toContain('le format');
  });
  it('sans réponse à retirer, propose d’autres difficultés', () => {
    const html = advice({ themes: ['t'], kinds: [] });
    expect(html).not.toContain('Retirez');
    expect(html).toContain('Choisissez d’autres difficultés');
  });
});

describe('/trouver avec des réponses', () => {
  const ranked = (slug: string, caveats: string[]) => ({
    solution: { slug, title: slug, description: '', availability: 'EXISTING' as const, kinds: [], cost: 'UNKNOWN' as const, inferredFields: [], needs: [], providers: [] },
    score: 1,
    reasons: ['Existe déjà'],
    caveats,
  });

  it('dit une fois, au-dessus de la liste, ce qui est à vérifier pour toutes les solutions', () => {
    const html = renderToStaticMarkup(
      <MatchResults
        answers={{ themes: ['t'], kinds: [], region: 'MONTREAL' }}
        needs={[]}
        solutions={[ranked('a', ['Régions desservies : Non précisé', 'Payant']), ranked('b', ['Régions desservies : Non précisé'])]}
        providers={[]}
      />,
    );
    expect(html.split('Régions desservies : Non précisé')).toHaveLength(2);
    expect(html).toContain('À vérifier pour toutes ces solutions :');
    // What only one solution has stays on its card.
    expect(html.indexOf('Payant')).toBeGreaterThan(html.indexOf('<ol'));
  });
});

describe('résumé simple au-dessus d’une citation', () => {
  it('le marque comme le résumé de l’équipe, hors de la citation', () => {
    const report = analyzeHtml(
      `<main>${renderToStaticMarkup(<InventoryQuote text="Quelqu'un (qui?) pourrait le faire." summary="C’est une idée. L’inventaire ne dit pas qui." />)}</main>`,
    );
    expect(report.quotations.words).toBe(5);
    const html = renderToStaticMarkup(<InventoryQuote text="Quelqu'un (qui?) pourrait le faire." summary="L’inventaire ne dit pas qui." />);
    expect(html.indexOf('En bref (résumé de l’équipe) :')).toBeLessThan(html.indexOf('data-source="inventaire"'));
    expect(renderToStaticMarkup(<InventoryQuote text="Court." />)).not.toContain('En bref');
  });
});

describe('extraits de recherche', () => {
  it('développe un sigle même quand une correspondance le coupe', () => {
    const html = renderToStaticMarkup(<HighlightedText text={`Conformité à la ${HIGHLIGHT_START}Loi${HIGHLIGHT_STOP} 27`} />);
    expect(html).toContain('<abbr title="projet de loi fédéral C-27 sur la protection des renseignements personnels"><mark');
    expect(html).toContain('>Loi</mark><span> 27</span></abbr>');
  });
  it('explique chaque sigle d’un titre surligné, selon la lecture de copy:check', () => {
    const html = renderToStaticMarkup(
      <HighlightedText text={`Conformité à la ${HIGHLIGHT_START}Loi${HIGHLIGHT_STOP} ${HIGHLIGHT_START}25${HIGHLIGHT_STOP} (et à la ${HIGHLIGHT_START}Loi${HIGHLIGHT_STOP} 27)`} />,
    );
    expect(analyzeHtml(`<main><h3>${html}</h3></main>`).unexplainedAcronyms).toEqual([]);
  });
});
