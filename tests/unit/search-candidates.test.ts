// Which entries a page query reads again (lib/search/search.ts, candidatesFor): never one fewer
// than the page needs, whatever the name bonus turns out to be.
import { describe, expect, it } from 'vitest';
import { NAME_BONUS, candidatesFor } from '@/lib/search/search';
import { createRandom } from '@/scripts/lib/synthetic-dataset';
import type { ScoredEntry } from '@/lib/search/types';

const entry = (slug: string, ...ranks: number[]): ScoredEntry => ({ slug, line: [slug, ...ranks.map((rank) => String(Math.fround(rank)))].join(' ') });
const slugs = (entries: ScoredEntry[]): string[] => entries.map((item) => item.slug);

describe('candidatesFor', () => {
  it('garde tout quand il y a moins d’entrées que la page en demande', () => {
    const entries = [entry('a', 0.1), entry('b', 0.9)];
    expect(slugs(candidatesFor(entries, 10, 'all'))).toEqual(['a', 'b']);
  });

  it('écarte ce qu’aucun bonus de nom ne peut amener sur la page', () => {
    const entries = [entry('haut', 0.9), entry('presque', 0.85), entry('proche', 0.75), entry('loin', 0.79 - NAME_BONUS - 0.01), entry('bas', 0.1)];
    // The 2nd best text part is 0.85: anything below 0.85 - NAME_BONUS cannot be in the first two.
    expect(slugs(candidatesFor(entries, 2, 'all'))).toEqual(['haut', 'presque', 'proche']);
  });

  it('additionne les deux parties du rang en mode « any »', () => {
    const entries = [entry('a', 0.5, 0.1), entry('b', 0.1, 0.1), entry('c', 0.3, 0.3)];
    expect(slugs(candidatesFor(entries, 1, 'any'))).toEqual(['a', 'c']);
  });

  it('prend le début de la liste, déjà dans l’ordre de la page, en mode « approximate »', () => {
    const entries = [entry('a', 0.9), entry('b', 0.5), entry('c', 0.7)];
    expect(slugs(candidatesFor(entries, 2, 'approximate'))).toEqual(['a', 'b']);
  });

  it('contient toujours les premières entrées du classement final (tirages aléatoires, ex æquo compris)', () => {
    const random = createRandom(42);
    for (let round = 0; round < 300; round += 1) {
      const size = 1 + Math.floor(random() * 200);
      // Few distinct text ranks, as ts_rank gives for a one-word query: many ties.
      const levels = Array.from({ length: 1 + Math.floor(random() * 6) }, () => Math.fround(random()));
      const entries = Array.from({ length: size }, (_, index) => entry(`e${index}`, levels[Math.floor(random() * levels.length)]!));
      const bonus = new Map(entries.map((item) => [item.slug, random() < 0.2 ? NAME_BONUS : random() * NAME_BONUS]));
      const text = (item: ScoredEntry): number => Number(item.line.split(' ')[1]);
      const ranked = [...entries].sort((a, b) => text(b) + bonus.get(b.slug)! - (text(a) + bonus.get(a.slug)!));
      for (const wanted of [1, 10, 20, 60]) {
        const candidates = new Set(slugs(candidatesFor(entries, wanted, 'all')));
        const lowest = ranked[Math.min(wanted, ranked.length) - 1]!;
        const page = ranked.filter((item) => text(item) + bonus.get(item.slug)! >= text(lowest) + bonus.get(lowest.slug)!);
        for (const item of page) expect(candidates.has(item.slug), `${round}/${wanted}`).toBe(true);
        expect(candidates.size).toBeGreaterThanOrEqual(Math.min(wanted, entries.length));
      }
    }
  });
});
