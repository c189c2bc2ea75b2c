import { describe, expect, it } from 'vitest';
import { foldForSorting, formatDate, initialLetter } from '@/lib/format';
import { isValidSlug } from '@/lib/validation/slug';

describe('formatage', () => {
  it('écrit les dates en français du Québec, au fuseau de Montréal', () => {
    expect(formatDate('2023-04-15T12:00:00.000Z')).toBe('15 avril 2023');
    // 2 h UTC le 1er mai est encore le 30 avril à Montréal.
    expect(formatDate('2023-05-01T02:00:00.000Z')).toBe('30 avril 2023');
  });

  it('classe les noms sans tenir compte des accents ni de la casse', () => {
    const names = ['Insertech', 'Éducaloi', 'cpour.ca', 'Juripop', 'Ordinateurs'];
    const sorted = [...names].sort((a, b) => foldForSorting(a).localeCompare(foldForSorting(b), 'fr-CA'));
    expect(sorted).toEqual(['cpour.ca', 'Éducaloi', 'Insertech', 'Juripop', 'Ordinateurs']);
  });

  it('range chaque nom sous sa première lettre sans accent', () => {
    expect(initialLetter('Éducaloi')).toBe('E');
    expect(initialLetter('la Puce')).toBe('L');
    expect(initialLetter('« 123 »')).toBe('#');
  });
});

describe('slugs', () => {
  it('accepte les slugs générés et refuse le reste avant toute requête', () => {
    expect(isValidSlug('conformite-loi-25')).toBe(true);
    for (const value of ['', 'Loi-25', 'a--b', '-a', "x'; drop table need;--", 'é', 'a'.repeat(121), 'a\u0000b']) {
      expect(isValidSlug(value), value).toBe(false);
    }
  });
});
