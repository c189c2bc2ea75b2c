import { describe, expect, it } from 'vitest';
import { rankProviders, rankSolutions } from '@/lib/matching/rank';
import type { MatchAnswers, MatchCandidate, MatchProvider } from '@/lib/matching/types';

const provider = (slug: string, overrides: Partial<MatchProvider> = {}): MatchProvider => ({
  slug,
  name: slug.toUpperCase(),
  role: 'OFFERS',
  isRoleInferred: false,
  regions: [],
  formats: [],
  audiences: [],
  languages: [],
  cost: 'UNKNOWN',
  ...overrides,
});

const candidate = (slug: string, overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
  slug,
  title: slug,
  description: '',
  availability: 'EXISTING',
  kinds: [],
  cost: 'UNKNOWN',
  inferredFields: [],
  needs: [{ slug: 'loi-25', title: 'Conformité à la Loi 25', themeSlug: 'conformite' }],
  providers: [],
  ...overrides,
});

const noAnswers: MatchAnswers = { themes: [], kinds: [] };

describe('classement du questionnaire guidé', () => {
  it('ne garde que les solutions des difficultés choisies, avec la raison', () => {
    const candidates = [
      candidate('atelier'),
      candidate('ordinateurs', { needs: [{ slug: 'materiel', title: 'Accès au matériel', themeSlug: 'materiel' }] }),
    ];
    const ranked = rankSolutions(candidates, { ...noAnswers, themes: ['conformite'] });
    expect(ranked.map((r) => r.solution.slug)).toEqual(['atelier']);
    expect(ranked[0]!.reasons).toContain('Répond à : Conformité à la Loi 25');
  });

  it('place ce qui existe avant ce qui est seulement proposé, et le dit', () => {
    const ranked = rankSolutions([candidate('idee', { availability: 'PROPOSED' }), candidate('service')], noAnswers);
    expect(ranked.map((r) => r.solution.slug)).toEqual(['service', 'idee']);
    expect(ranked[1]!.caveats).toContain('Idée, pas encore offerte : personne ne l’offre encore');
  });

  it('sans budget, préfère le gratuit et signale le payant', () => {
    const ranked = rankSolutions(
      [candidate('payant', { cost: 'PAID' }), candidate('gratuit', { cost: 'FREE' }), candidate('inconnu')],
      { ...noAnswers, budget: 'none' },
    );
    expect(ranked.map((r) => r.solution.slug)).toEqual(['gratuit', 'inconnu', 'payant']);
    expect(ranked[0]!.reasons).toContain('Coût : gratuit');
    expect(ranked[1]!.caveats).toContain('Coût : Non précisé');
    expect(ranked[2]!.caveats).toContain('Payant');
  });

  it('utilise le coût des fournisseurs quand la solution ne le précise pas', () => {
    const ranked = rankSolutions([candidate('rabais', { providers: [provider('techsoup', { cost: 'LOW_COST' })] })], {
      ...noAnswers,
      budget: 'small',
    });
    expect(ranked[0]!.reasons).toContain('Coût : faible coût');
  });

  it('tient compte de la région : partout au Québec convient, une autre région seulement non', () => {
    const answers: MatchAnswers = { ...noAnswers, region: 'ESTRIE' };
    const ranked = rankSolutions(
      [
        candidate('ailleurs', { providers: [provider('a', { regions: ['MONTREAL'] })] }),
        candidate('partout', { providers: [provider('b', { regions: ['ALL_QUEBEC'] })] }),
        candidate('inconnu', { providers: [provider('c')] }),
      ],
      answers,
    );
    expect(ranked.map((r) => r.solution.slug)).toEqual(['partout', 'inconnu', 'ailleurs']);
    expect(ranked[0]!.reasons).toContain('Offert pour : Estrie');
    expect(ranked[1]!.caveats).toContain('Régions desservies : Non précisé');
  });

  it('favorise le type d’aide recherché', () => {
    const ranked = rankSolutions([candidate('formation', { kinds: ['TRAINING'] }), candidate('juridique', { kinds: ['LEGAL'] })], {
      ...noAnswers,
      kinds: ['LEGAL'],
    });
    expect(ranked[0]!.solution.slug).toBe('juridique');
    expect(ranked[0]!.reasons).toContain("Type d’aide recherché : juridique");
  });

  it('classe les fournisseurs selon leur meilleure solution, puis leur nombre de solutions', () => {
    const shared = provider('nord-ouvert');
    const ranked = rankSolutions(
      [
        candidate('atelier', { providers: [shared], cost: 'FREE' }),
        candidate('accompagnement', { providers: [shared, provider('dataide')], availability: 'PROPOSED' }),
        candidate('juridique', { providers: [provider('juripop')], cost: 'FREE' }),
      ],
      { ...noAnswers, budget: 'none' },
    );
    const providers = rankProviders(ranked);
    expect(providers.map((p) => p.slug)).toEqual(['nord-ouvert', 'juripop', 'dataide']);
    expect(providers[0]!.reasons).toEqual(['Solutions : atelier ; accompagnement']);
  });
});
