// The team's plain summary above a hard quotation of the inventory (issue 17, item 3): generic
// sentences from the status and the quotation's own notes, never a fact of their own.
import { describe, expect, it } from 'vitest';
import { LONG_QUOTATION_WORDS, plainSummary } from '@/lib/copy/plain-summary';

describe('plainSummary', () => {
  it('says nothing above a short quotation without notes', () => {
    expect(plainSummary({ availability: 'EXISTING', description: 'TechSoup Canada donne accès à des logiciels à rabais.' })).toBeNull();
  });

  it('reads the inventory’s notes in plain words, after the status', () => {
    expect(plainSummary({ availability: 'PROPOSED', description: 'Quelqu’un (qui?) pourrait exercer ce rôle.' })).toBe(
      'C’est une idée : personne ne l’offre encore. L’inventaire ne dit pas qui.',
    );
    expect(plainSummary({ availability: 'EXISTING', description: 'Premier volet de Dataide, fonds évoqué par [une personne] (vérifier).' })).toBe(
      'Cette solution existe déjà. L’inventaire demande de vérifier un point.',
    );
    expect(plainSummary({ availability: 'PROPOSED', description: 'Faire connaître la Puce, CoCo, etc. (à compléter).' })).toBe(
      'C’est une idée : personne ne l’offre encore. L’inventaire dit que sa liste n’est pas complète. Les noms cités sont des exemples.',
    );
    expect(plainSummary({ availability: 'UNCONFIRMED', description: 'Potentiellement couvert. D’autres fournisseurs en ce sens?' })).toBe(
      'Elle existe peut-être : vérifiez avant de compter dessus. L’inventaire pose une question ouverte.',
    );
  });

  it('summarises a long fragment by its status alone', () => {
    const long = Array.from({ length: LONG_QUOTATION_WORDS + 1 }, () => 'mot').join(' ');
    expect(plainSummary({ availability: 'EXISTING', description: long })).toBe('Cette solution existe déjà.');
    expect(plainSummary({ availability: 'EXISTING', description: long.split(' ').slice(1).join(' ') })).toBeNull();
  });

  it('names nobody: no word of the quotation is copied into the summary', () => {
    const summary = plainSummary({ availability: 'EXISTING', description: 'Accès à du matériel valorisé via Insertech et OPEQ par exemple.' })!;
    expect(summary).toBe('Cette solution existe déjà. Les noms cités sont des exemples.');
    expect(summary).not.toMatch(/Insertech|OPEQ/);
  });
});
