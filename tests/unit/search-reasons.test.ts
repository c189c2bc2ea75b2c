// The sentence that says why a result is there (lib/search/wording.ts reasonSentence).
import { describe, expect, it } from 'vitest';
import { quoted, reasonSentence } from '@/lib/search/wording';

describe('pourquoi ce résultat', () => {
  it('rien à dire quand le titre ou l’extrait le montre', () => {
    expect(reasonSentence('needs', [])).toBeNull();
  });

  it('par synonyme, groupés par mot tapé, trois au plus', () => {
    expect(
      reasonSentence('solutions', [
        { kind: 'synonym', typed: 'burnout', found: 'épuisement' },
        { kind: 'synonym', typed: 'burnout', found: 'surcharge' },
        { kind: 'synonym', typed: 'ordi', found: 'ordinateur' },
        { kind: 'synonym', typed: 'ordi', found: 'PC' },
        { kind: 'synonym', typed: 'ordi', found: 'matériel informatique' },
        { kind: 'synonym', typed: 'ordi', found: 'poste de travail' },
      ]),
    ).toBe(
      `Trouvée par synonyme (${quoted('burnout')} → ${quoted('épuisement')}, ${quoted('surcharge')} ; ${quoted('ordi')} → ${quoted('ordinateur')}, ${quoted('PC')}, ${quoted('matériel informatique')}).`,
    );
  });

  it('par les voisins, accordé au type de fiche', () => {
    expect(reasonSentence('needs', [{ kind: 'neighbour', via: 'note' }])).toBe('Trouvé par sa note ou son thème.');
    expect(reasonSentence('solutions', [{ kind: 'neighbour', via: 'providers' }])).toBe('Trouvée par le nom d’un de ses fournisseurs.');
    expect(reasonSentence('providers', [{ kind: 'neighbour', via: 'solutions' }])).toBe('Trouvé par une de ses solutions.');
    expect(reasonSentence('providers', [{ kind: 'synonym', typed: 'avocat', found: 'services juridiques' }, { kind: 'neighbour', via: 'needs' }])).toBe(
      `Trouvé par synonyme (${quoted('avocat')} → ${quoted('services juridiques')}) et par un besoin auquel répondent ses solutions.`,
    );
  });
});
