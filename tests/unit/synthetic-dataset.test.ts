import { describe, expect, it } from 'vitest';
import { createRandom, generateSyntheticDataset, toSlug } from '@/scripts/lib/synthetic-dataset';
import { isValidSlug } from '@/lib/validation/slug';

const SMALL = { themes: 5, needs: 20, solutions: 120, providers: 300 };

describe('jeu de données synthétique du banc d’essai', () => {
  it('donne exactement les mêmes données pour la même graine', () => {
    expect(generateSyntheticDataset(SMALL, 42)).toEqual(generateSyntheticDataset(SMALL, 42));
    expect(generateSyntheticDataset(SMALL, 42)).not.toEqual(generateSyntheticDataset(SMALL, 43));
  });

  it('a la taille demandée, des slugs valides et uniques, et des liens qui pointent vers des entrées existantes', () => {
    const data = generateSyntheticDataset(SMALL, 7);
    expect([data.themes.length, data.needs.length, data.solutions.length, data.providers.length]).toEqual([5, 20, 120, 300]);
    const slugs = [...data.themes, ...data.needs, ...data.solutions, ...data.providers].map((row) => row.slug);
    expect(slugs.every(isValidSlug)).toBe(true);
    for (const rows of [data.themes, data.needs, data.solutions, data.providers]) {
      expect(new Set(rows.map((row) => row.slug)).size).toBe(rows.length);
    }
    const ids = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
    const [needIds, solutionIds, providerIds] = [ids(data.needs), ids(data.solutions), ids(data.providers)];
    expect(data.needSolutions.every((link) => needIds.has(link.needId) && solutionIds.has(link.solutionId))).toBe(true);
    expect(data.solutionProviders.every((link) => solutionIds.has(link.solutionId) && providerIds.has(link.providerId))).toBe(true);
    // Every provider backs a solution, every solution answers a need.
    expect(new Set(data.solutionProviders.map((link) => link.providerId)).size).toBe(300);
    expect(new Set(data.needSolutions.map((link) => link.solutionId)).size).toBe(120);
    expect(data.providers.some((provider) => /[éèàç]/.test(provider.description))).toBe(true);
    expect(slugs).toContain(data.samples.needSlug);
    expect(slugs).toContain(data.samples.providerSlug);
  });

  it('tire des nombres reproductibles entre 0 et 1, et fait des slugs ASCII', () => {
    const [a, b] = [createRandom(1), createRandom(1)];
    const values = Array.from({ length: 100 }, () => a());
    expect(values).toEqual(Array.from({ length: 100 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(toSlug('Régions de l’Abitibi–Témiscamingue')).toBe('regions-de-l-abitibi-temiscamingue');
  });
});
