import { describe, expect, it } from 'vitest';
import { parseRefs, type BasketRef } from '@/lib/basket/refs';
import { returnPathFromReferer, safeReturnPath, withAnchor } from '@/lib/basket/return-path';
import { csvPath, listParam, LIST_PARAM, sharePath, shareUrl } from '@/lib/basket/share-link';
import { basketItemFormSchema } from '@/lib/validation/basket';

const refs: BasketRef[] = [
  { kind: 'solution', slug: 'tech-accelerate' },
  { kind: 'provider', slug: 'juripop' },
];

describe('lien de partage', () => {
  it('reste lisible et redonne la même liste', () => {
    expect(sharePath(refs)).toBe('/panier?liste=s:tech-accelerate,p:juripop');
    expect(shareUrl('https://repertoire.example.org/', refs)).toBe('https://repertoire.example.org/panier?liste=s:tech-accelerate,p:juripop');
    expect(csvPath(refs)).toBe('/panier/csv?liste=s:tech-accelerate,p:juripop');
    expect(sharePath([])).toBe('/panier');
  });

  it('fait l’aller-retour par une vraie URL (comme un navigateur qui ouvre le lien)', () => {
    const url = new URL(shareUrl('http://localhost:3000', refs));
    expect(parseRefs(url.searchParams.get(LIST_PARAM)).refs).toEqual(refs);
    // Encoded by a mail client or a chat app: still the same list.
    const encoded = new URL(`http://localhost:3000/panier?liste=${encodeURIComponent('s:tech-accelerate,p:juripop')}`);
    expect(parseRefs(encoded.searchParams.get(LIST_PARAM)).refs).toEqual(refs);
  });

  it('prend la première valeur d’un paramètre répété', () => {
    expect(listParam(['s:a', 's:b'])).toBe('s:a');
    expect(listParam(undefined)).toBeUndefined();
  });
});

describe('retour après un ajout ou un retrait', () => {
  it('accepte un chemin du site, avec sa requête et son ancre', () => {
    expect(safeReturnPath('/besoins/conformite-loi-25#solution-juripop')).toBe('/besoins/conformite-loi-25#solution-juripop');
    expect(safeReturnPath('/recherche?q=loi%2025&type=fournisseur')).toBe('/recherche?q=loi%2025&type=fournisseur');
    expect(safeReturnPath('/panier?retire=s:a#etat')).toBe('/panier?retire=s:a#etat');
  });

  it('refuse tout ce qui pourrait mener ailleurs (pas de redirection ouverte)', () => {
    for (const value of [
      undefined,
      null,
      '',
      'besoins',
      '//evil.example',
      '//evil.example/panier',
      '/\\evil.example',
      '/\t/evil.example',
      '\\\\evil.example',
      'https://evil.example',
      'http:evil.example',
      'javascript:alert(1)',
      'data:text/html,x',
      ' /besoins',
      '/besoins\n/x',
      `/${'a'.repeat(2_001)}`,
    ]) {
      expect(safeReturnPath(value), String(value)).toBeNull();
    }
  });

  it('se rabat sur la page d’origine seulement quand elle est du même site', () => {
    expect(returnPathFromReferer('http://127.0.0.1:3000/fournisseurs/juripop?x=1', 'http://127.0.0.1:3000')).toBe('/fournisseurs/juripop?x=1');
    expect(returnPathFromReferer('https://evil.example/fournisseurs/juripop', 'http://127.0.0.1:3000')).toBeNull();
    expect(returnPathFromReferer('pas une url', 'http://127.0.0.1:3000')).toBeNull();
    expect(returnPathFromReferer(null, 'http://127.0.0.1:3000')).toBeNull();
    expect(returnPathFromReferer('http://127.0.0.1:3000/besoins', null)).toBeNull();
  });
});

describe('ancre de retour', () => {
  it("revient à l'élément sur la page, sauf si le chemin a déjà une ancre", () => {
    expect(withAnchor('/besoins/x', 'solution-y')).toBe('/besoins/x#solution-y');
    expect(withAnchor('/panier?retire=s:y#etat', 'solution-y')).toBe('/panier?retire=s:y#etat');
    expect(withAnchor('/besoins/x', undefined)).toBe('/besoins/x');
  });

  it("n'accepte qu'un identifiant simple dans le formulaire", () => {
    expect(basketItemFormSchema.parse({ ref: 's:a', ancre: 'solution-a' }).ancre).toBe('solution-a');
    for (const ancre of ['x"><script>', '#a', 'A', '', 'a'.repeat(141), '/evil']) {
      expect(basketItemFormSchema.parse({ ref: 's:a', ancre }).ancre, ancre).toBeUndefined();
    }
  });
});
