// The funders' portrait computed from the fixture dataset; every expected figure is counted
// by hand from tests/fixtures/open-data/dataset.ts.
import { describe, expect, it } from 'vitest';
import { computePortrait, solutionsOfNeed, UNSPECIFIED } from '@/lib/portrait/compute';
import type { Dataset } from '@/lib/export/types';
import { NOW, fixtureDataset } from '../fixtures/open-data/dataset';

const portrait = computePortrait(fixtureDataset, NOW);

function rowOf(breakdown: { rows: { key: string; values: number[] }[] }, key: string): number[] | undefined {
  return breakdown.rows.find((row) => row.key === key)?.values;
}

describe('portrait: key figures', () => {
  it('counts needs, issues, solutions and providers', () => {
    expect(portrait.figures).toMatchObject({ needs: 2, issues: 1, existingSolutions: 2, unconfirmedSolutions: 0, proposedSolutions: 2, providers: 2, entries: 9 });
  });

  it('counts the entries verified in the last 12 months, never verified, stale and to verify', () => {
    // Current: need "formation", solution "ateliers-loi-25", provider "educaloi". Stale: need "donnees".
    expect(portrait.figures).toMatchObject({ verifiedRecently: 3, neverVerified: 5, stale: 1, toVerify: 3 });
    expect(portrait.figures.verifiedShare).toBeCloseTo(3 / 9);
  });

  it('depends on the date: a year later nothing is current any more', () => {
    const later = computePortrait(fixtureDataset, new Date('2027-11-30T00:00:00Z'));
    expect(later.figures.verifiedRecently).toBe(0);
    expect(later.figures.stale).toBe(4);
  });

  it('gives 0 % for an empty directory, not NaN', () => {
    const empty: Dataset = { themes: [], needs: [], needLinks: [], solutions: [], providers: [], lastModified: null };
    const result = computePortrait(empty, NOW);
    expect(result.figures.verifiedShare).toBe(0);
    expect(result.coverage).toEqual([]);
    expect(result.breakdowns.helpKinds.rows.every((row) => row.values.every((value) => value === 0))).toBe(true);
  });
});

describe('portrait: coverage per need', () => {
  it('gives existing and proposed solutions, providers, regions and costs of each need', () => {
    expect(portrait.coverage).toEqual([
      {
        slug: 'formation',
        title: 'Formation du personnel',
        kind: 'NEED',
        theme: 'Compétences ; formation',
        existing: 2,
        unconfirmed: 0,
        proposed: 0,
        providers: 2,
        // From the providers of its existing solutions, in the enum's order; UNKNOWN cost left out.
        regions: ['MONTREAL', 'LAVAL', 'ALL_QUEBEC'],
        costs: ['FREE'],
      },
      // The sub-point has no need of its own: it answers its parent's.
      { slug: 'cybersecurite', title: 'Cybersécurité', kind: 'ISSUE', theme: 'Sécurité', existing: 0, unconfirmed: 0, proposed: 2, providers: 1, regions: [], costs: [] },
      { slug: 'donnees', title: 'Données ouvertes', kind: 'NEED', theme: null, existing: 0, unconfirmed: 0, proposed: 0, providers: 0, regions: [], costs: [] },
    ]);
  });

  it('does not count a sub-point twice when it is also linked to the need', () => {
    const need = fixtureDataset.needs[1]!;
    const linkedBoth = {
      ...fixtureDataset,
      needs: fixtureDataset.needs.map((n) => (n.slug === need.slug ? { ...n, solutionSlugs: ['reseau-propose', 'sous-point'] } : n)),
      solutions: fixtureDataset.solutions.map((s) => (s.slug === 'sous-point' ? { ...s, needSlugs: [need.slug] } : s)),
    };
    expect(solutionsOfNeed(linkedBoth.needs[1]!, linkedBoth).map((s) => s.slug)).toEqual(['reseau-propose', 'sous-point']);
  });
});

describe('portrait: gaps', () => {
  it('lists the needs without any existing solution', () => {
    expect(portrait.gaps.needsWithoutExisting).toEqual([
      { slug: 'cybersecurite', title: 'Cybersécurité', kind: 'ISSUE', unconfirmed: 0, proposed: 2 },
      { slug: 'donnees', title: 'Données ouvertes', kind: 'NEED', unconfirmed: 0, proposed: 0 },
    ]);
  });

  it('lists the solutions only proposed, with the needs they answer (a sub-point through its parent)', () => {
    expect(portrait.gaps.proposedOnly).toEqual([
      { slug: 'reseau-propose', title: 'Réseau proposé', needs: [{ slug: 'cybersecurite', title: 'Cybersécurité' }] },
      { slug: 'sous-point', title: 'Sous-point', needs: [{ slug: 'cybersecurite', title: 'Cybersécurité' }] },
    ]);
  });

  it('lists entries to verify and stale ones, and counts verification per type', () => {
    expect(portrait.gaps.toVerify.map((entry) => `${entry.type}:${entry.slug}:${entry.note}`)).toEqual([
      'need:cybersecurite:Préciser « la portée »',
      'solution:reseau-propose:À préciser',
      'provider:centre-ti:Coordonnées à compléter',
    ]);
    expect(portrait.gaps.stale).toEqual([{ type: 'need', slug: 'donnees', title: 'Données ouvertes', verifiedAt: '2024-01-01T00:00:00.000Z' }]);
    expect(portrait.gaps.verification).toEqual([
      { type: 'need', total: 3, current: 1, stale: 1, never: 1, toVerify: 1 },
      { type: 'solution', total: 4, current: 1, stale: 0, never: 3, toVerify: 1 },
      { type: 'provider', total: 2, current: 1, stale: 0, never: 1, toVerify: 1 },
    ]);
  });
});

describe('portrait: breakdowns', () => {
  it('counts existing and proposed solutions per kind of help, a solution without kind as unspecified', () => {
    const { helpKinds } = portrait.breakdowns;
    expect(helpKinds.series).toEqual(['Existent déjà', 'Idées, pas encore offertes', 'Existence à confirmer']);
    expect(rowOf(helpKinds, 'TRAINING')).toEqual([1, 0, 0]);
    expect(rowOf(helpKinds, 'AWARENESS')).toEqual([1, 0, 0]);
    expect(rowOf(helpKinds, 'COACHING')).toEqual([1, 0, 0]);
    expect(rowOf(helpKinds, 'FUNDING')).toEqual([0, 0, 0]);
    expect(rowOf(helpKinds, UNSPECIFIED)).toEqual([0, 2, 0]);
    // Nothing inferred in the fixture: the note says only how kinds are counted.
    expect(helpKinds.note).toBe('Une solution peut offrir plusieurs types d’aide : elle compte dans chacun.');
  });

  it('counts solutions per cost', () => {
    const { costs } = portrait.breakdowns;
    expect(rowOf(costs, 'FREE')).toEqual([1, 0, 0]);
    expect(rowOf(costs, 'UNKNOWN')).toEqual([1, 2, 0]);
    expect(rowOf(costs, 'PAID')).toEqual([0, 0, 0]);
    expect(costs.rows.reduce((sum, row) => sum + row.values[0]! + row.values[1]!, 0)).toBe(4);
    expect(costs.note).toBeUndefined();
  });

  it('counts a solution to confirm apart, and says how many values the team inferred', () => {
    const dataset: Dataset = {
      ...fixtureDataset,
      solutions: fixtureDataset.solutions.map((solution) =>
        solution.slug === 'coaching' ? { ...solution, availability: 'UNCONFIRMED', cost: 'SUBSIDIZED', inferredFields: ['KINDS', 'COST'] } : solution,
      ),
    };
    const marked = computePortrait(dataset, NOW);
    expect(marked.figures).toMatchObject({ existingSolutions: 1, unconfirmedSolutions: 1, proposedSolutions: 2 });
    expect(marked.coverage[0]).toMatchObject({ slug: 'formation', existing: 1, unconfirmed: 1, proposed: 0 });
    expect(marked.gaps.unconfirmed).toEqual([{ slug: 'coaching', title: 'Coaching', needs: [{ slug: 'formation', title: 'Formation du personnel' }] }]);
    expect(marked.gaps.proposedOnly.map((solution) => solution.slug)).toEqual(['reseau-propose', 'sous-point']);
    expect(rowOf(marked.breakdowns.helpKinds, 'COACHING')).toEqual([0, 0, 1]);
    expect(marked.breakdowns.helpKinds.note).toContain('Les types d’aide de 1 solution sur 4 sont déduits par l’équipe du répertoire');
    expect(marked.breakdowns.costs.note).toBe('Le coût de 1 solution sur 4 est déduit par l’équipe du répertoire : l’inventaire ne le dit pas.');
  });

  it('counts providers per region, one serving all Québec in every region', () => {
    const { regions } = portrait.breakdowns;
    expect(rowOf(regions, 'MONTREAL')).toEqual([2]);
    expect(rowOf(regions, 'LAVAL')).toEqual([2]);
    expect(rowOf(regions, 'ESTRIE')).toEqual([1]);
    expect(rowOf(regions, 'ALL_QUEBEC')).toEqual([1]);
    expect(rowOf(regions, 'ONLINE')).toEqual([0]);
    expect(rowOf(regions, UNSPECIFIED)).toEqual([0]);
  });

  it('counts providers per audience, without one as unspecified', () => {
    const { audiences } = portrait.breakdowns;
    expect(rowOf(audiences, 'COMMUNITY_ORGANIZATIONS')).toEqual([1]);
    expect(rowOf(audiences, UNSPECIFIED)).toEqual([1]);
    expect(rowOf(audiences, 'YOUTH')).toEqual([0]);
  });
});
