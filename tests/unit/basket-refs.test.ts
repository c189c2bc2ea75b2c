import { describe, expect, it } from 'vitest';
import {
  addRef,
  COOKIE_VALUE_MAX_BYTES,
  fitsInBasket,
  formatRef,
  mergeRefs,
  parseRefs,
  removeRef,
  serializeRefs,
  truncateToFit,
  type BasketRef,
} from '@/lib/basket/refs';
import { BASKET_MAX_ITEMS } from '@/lib/validation/basket';

const s = (slug: string): BasketRef => ({ kind: 'solution', slug });
const p = (slug: string): BasketRef => ({ kind: 'provider', slug });

describe('références du panier', () => {
  it('lit et écrit la forme texte « s:slug,p:slug » dans le même ordre', () => {
    const refs = [s('tech-accelerate'), p('juripop'), s('formations-par-cohorte')];
    const text = serializeRefs(refs);
    expect(text).toBe('s:tech-accelerate,p:juripop,s:formations-par-cohorte');
    expect(parseRefs(text)).toEqual({ refs, rejected: 0, overflow: 0 });
    expect(formatRef(p('nten'))).toBe('p:nten');
  });

  it('tolère les espaces et les virgules en trop, et garde un doublon une seule fois', () => {
    expect(parseRefs(' s:a , ,p:b,s:a,').refs).toEqual([s('a'), p('b')]);
  });

  it("traite un témoin abîmé comme un panier vide ou partiel, sans jamais lever d'erreur", () => {
    const garbage: unknown[] = [
      undefined,
      null,
      42,
      {},
      '',
      ',,,',
      'n\'importe quoi',
      'x:abc',
      's:',
      's:Majuscules',
      's:a--b',
      "s:x'; drop table provider;--",
      's:é',
      '%00',
      's:a\u0000b',
      '🧺',
      `s:${'a'.repeat(121)}`,
      's:a'.repeat(10_000),
    ];
    for (const value of garbage) {
      const parsed = parseRefs(value);
      expect(parsed.refs, String(value).slice(0, 40)).toEqual([]);
    }
    expect(parseRefs('s:ok,garbage,p:aussi-ok,x:no')).toEqual({ refs: [s('ok'), p('aussi-ok')], rejected: 2, overflow: 0 });
  });

  it(`coupe une liste à ${BASKET_MAX_ITEMS} éléments et compte ce qui dépasse`, () => {
    const many = Array.from({ length: BASKET_MAX_ITEMS + 5 }, (_, index) => s(`solution-${index}`));
    const parsed = parseRefs(serializeRefs(many));
    expect(parsed.refs).toHaveLength(BASKET_MAX_ITEMS);
    expect(parsed.overflow).toBe(5);
  });

  it('ajoute, retire et ne garde jamais deux fois la même fiche', () => {
    const first = addRef([], s('a'));
    expect(first).toEqual({ refs: [s('a')], status: 'added' });
    expect(addRef(first.refs, s('a')).status).toBe('already');
    // Same slug, other kind: another entry.
    const both = addRef(first.refs, p('a'));
    expect(both).toEqual({ refs: [s('a'), p('a')], status: 'added' });
    expect(removeRef(both.refs, s('a'))).toEqual([p('a')]);
    expect(removeRef(both.refs, s('absent'))).toEqual(both.refs);
  });

  it("refuse d'ajouter au-delà de la limite de nombre ou de taille du témoin", () => {
    const full = Array.from({ length: BASKET_MAX_ITEMS }, (_, index) => p(`p-${index}`));
    expect(addRef(full, s('encore-une')).status).toBe('full');

    const long = (index: number) => s(`${'x'.repeat(110)}-${index}`);
    const bulky = Array.from({ length: 40 }, (_, index) => long(index));
    expect(fitsInBasket(bulky)).toBe(false);
    const kept = truncateToFit(bulky);
    expect(kept.length).toBeLessThan(40);
    expect(encodeURIComponent(serializeRefs(kept)).length).toBeLessThanOrEqual(COOKIE_VALUE_MAX_BYTES);
    expect(kept).toEqual(bulky.slice(0, kept.length));
  });

  it("fusionne une liste partagée après le panier, jusqu'à ce qu'il soit plein", () => {
    expect(mergeRefs([s('a'), p('b')], [p('b'), s('c')])).toEqual({ refs: [s('a'), p('b'), s('c')], added: 1, left: 0 });
    const almostFull = Array.from({ length: BASKET_MAX_ITEMS - 1 }, (_, index) => p(`p-${index}`));
    const merged = mergeRefs(almostFull, [s('x'), s('y'), s('z')]);
    expect(merged.refs).toHaveLength(BASKET_MAX_ITEMS);
    expect(merged).toMatchObject({ added: 1, left: 2 });
  });
});
