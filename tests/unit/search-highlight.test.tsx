// Highlighted excerpts: ts_headline marks matches with two private-use characters, the page
// splits on them and renders <mark> elements (never HTML from the database).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { HighlightedText } from '@/components/search/highlighted-text';
import { HIGHLIGHT_START as S, HIGHLIGHT_STOP as E, frameExcerpt, splitHighlights, stripHighlights } from '@/lib/search/highlight';

describe('splitHighlights', () => {
  it('sépare le texte et les correspondances', () => {
    expect(splitHighlights(`conformité à la ${S}Loi${E} ${S}25${E}.`)).toEqual([
      { text: 'conformité à la ', isMatch: false },
      { text: 'Loi', isMatch: true },
      { text: ' ', isMatch: false },
      { text: '25', isMatch: true },
      { text: '.', isMatch: false },
    ]);
  });

  it('rend un texte sans marque tel quel', () => {
    expect(splitHighlights('Logiciels à rabais')).toEqual([{ text: 'Logiciels à rabais', isMatch: false }]);
    expect(splitHighlights('')).toEqual([]);
  });

  it('tolère des marques orphelines, doublées ou vides sans les laisser passer', () => {
    expect(splitHighlights(`${S}début sans fin`)).toEqual([{ text: 'début sans fin', isMatch: true }]);
    expect(splitHighlights(`fin${E} sans début`)).toEqual([{ text: 'fin sans début', isMatch: false }]);
    expect(splitHighlights(`${S}${S}a${E}${E}b${S}${E}`)).toEqual([
      { text: 'a', isMatch: true },
      { text: 'b', isMatch: false },
    ]);
    const joined = splitHighlights(`x${S}${E}y`).map((segment) => segment.text).join('');
    expect(joined).toBe('xy');
  });

  it('garde les émojis et les caractères hors BMP entiers', () => {
    expect(splitHighlights(`🙂 ${S}𝔸${E}`)).toEqual([
      { text: '🙂 ', isMatch: false },
      { text: '𝔸', isMatch: true },
    ]);
  });

  it('retire les marques pour un texte brut', () => {
    expect(stripHighlights(`${S}Loi${E} ${S}25`)).toBe('Loi 25');
  });
});

describe('frameExcerpt', () => {
  const source = 'Juripop a aussi été approché par des organismes pour les conseiller sur la loi 25.';

  it("ajoute « … » là où l'extrait coupe le texte", () => {
    expect(frameExcerpt(`aussi été approché par des organismes`, source)).toBe('… aussi été approché par des organismes …');
    expect(frameExcerpt(`conseiller sur la ${S}loi${E} ${S}25${E}`, source)).toBe(`… conseiller sur la ${S}loi${E} ${S}25${E}`);
    expect(frameExcerpt(`${S}Juripop${E} a aussi`, source)).toBe(`${S}Juripop${E} a aussi …`);
  });

  it("n'ajoute rien à un extrait qui est tout le texte (sans sa ponctuation finale)", () => {
    expect(frameExcerpt(source.slice(0, -1), source)).toBe(source.slice(0, -1));
    expect(frameExcerpt('', '')).toBe('');
  });

  it('regarde le premier et le dernier fragment', () => {
    expect(frameExcerpt('Juripop a aussi … la loi 25', source)).toBe('Juripop a aussi … la loi 25');
    expect(frameExcerpt('été approché … pour les', source)).toBe('… été approché … pour les …');
  });
});

describe('HighlightedText', () => {
  it('affiche les correspondances dans des <mark> et échappe tout le reste', () => {
    const html = renderToStaticMarkup(<HighlightedText text={`<script>alert(1)</script> & ${S}<b>Loi</b>${E}`} />);
    expect(html).toBe(
      '<span>&lt;script&gt;alert(1)&lt;/script&gt; &amp; </span><mark class="rounded-sm bg-amber-100 px-0.5 font-semibold text-slate-900">&lt;b&gt;Loi&lt;/b&gt;</mark>',
    );
  });
});
