import { describe, expect, it } from 'vitest';
import { hasAnyAnswer, parseMatchAnswers } from '@/lib/validation/match';

describe('réponses du questionnaire guidé', () => {
  it('lit les réponses de l’adresse, simples ou multiples', () => {
    const answers = parseMatchAnswers({
      theme: ['conformite-et-renseignements-personnels', 'materiel-et-logiciels'],
      aide: 'LEGAL',
      budget: 'none',
      region: 'MONTREAL',
      format: 'ONLINE',
      pour: 'COMMUNITY_ORGANIZATIONS',
    });
    expect(answers).toEqual({
      themes: ['conformite-et-renseignements-personnels', 'materiel-et-logiciels'],
      kinds: ['LEGAL'],
      budget: 'none',
      region: 'MONTREAL',
      format: 'ONLINE',
      audience: 'COMMUNITY_ORGANIZATIONS',
    });
    expect(hasAnyAnswer(answers)).toBe(true);
  });

  it('ignore les valeurs inconnues ou hostiles au lieu de planter', () => {
    const answers = parseMatchAnswers({
      theme: ["'; DROP TABLE \"Need\";--", 'Pas-un-slug', 'x'.repeat(500)],
      aide: ['LEGAL', 'HACK', 'LEGAL'],
      budget: 'millions',
      region: ['MARS', 'LAVAL'],
      format: '',
      pour: undefined,
    });
    expect(answers).toEqual({ themes: [], kinds: ['LEGAL'], budget: undefined, region: undefined, format: undefined, audience: undefined });
  });

  it('sans réponse, rien à chercher', () => {
    expect(hasAnyAnswer(parseMatchAnswers({}))).toBe(false);
  });

  it('limite le nombre de valeurs lues', () => {
    const answers = parseMatchAnswers({ theme: Array.from({ length: 1000 }, (_, i) => `theme-${i}`) });
    expect(answers.themes).toHaveLength(30);
  });
});
