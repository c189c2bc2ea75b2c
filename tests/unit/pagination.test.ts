import { describe, expect, it } from 'vitest';
import { pageCountOf, pageHref, pageWindow, parsePage } from '@/lib/facets/pagination';

describe('pages des longues listes', () => {
  it('lit ?page= sans jamais sortir de la liste', () => {
    expect(parsePage(undefined, 5)).toBe(1);
    expect(parsePage('3', 5)).toBe(3);
    expect(parsePage('99', 5)).toBe(5);
    expect(parsePage(['0', '2'], 5)).toBe(1);
    expect(parsePage("2';--", 5)).toBe(2);
    expect(parsePage('abc', 0)).toBe(1);
    expect(pageCountOf(0, 50)).toBe(1);
    expect(pageCountOf(10_000, 50)).toBe(200);
  });

  it('propose la première, la dernière et les pages voisines', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 200)).toEqual([1, 2, 3, null, 200]);
    expect(pageWindow(100, 200)).toEqual([1, null, 98, 99, 100, 101, 102, null, 200]);
    expect(pageWindow(4, 6)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('garde les filtres dans les liens vers les autres pages', () => {
    expect(pageHref('/fournisseurs', [['region', 'MONTREAL'], ['page', '4']], 2)).toBe('/fournisseurs?region=MONTREAL&page=2');
    expect(pageHref('/fournisseurs', [['aide', 'FUNDING']], 1, '#lettre-B')).toBe('/fournisseurs?aide=FUNDING#lettre-B');
    expect(pageHref('/besoins', [], 1)).toBe('/besoins');
  });
});
