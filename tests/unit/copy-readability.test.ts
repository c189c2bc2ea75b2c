// The French syllable count and Kandel & Moles' score behind `npm run copy:check`.
import { describe, expect, it } from 'vitest';
import { kandelMoles, readability, splitSentences, wordsOf } from '@/scripts/lib/copy/readability';
import { countSyllables } from '@/scripts/lib/copy/syllables';

describe('countSyllables: spoken French', () => {
  // Each word with its spoken syllables, as a dictionary's phonetics gives them.
  const cases: Array<[string, number]> = [
    ['le', 1],
    ['de', 1],
    ['table', 1], // [tabl]: the final e is silent
    ['tables', 1],
    ['vie', 1],
    ['année', 2],
    ['données', 2],
    ['besoin', 2],
    ['besoins', 2],
    ['solution', 3],
    ['fournisseur', 3],
    ['répertoire', 3],
    ['numérique', 3], // « qu »: the u is not a vowel
    ['langue', 1], // « gu » before e
    ['guide', 1],
    ['Québec', 2],
    ['organisme', 3],
    ['communautaire', 4],
    ['confidentialité', 6],
    ['information', 4],
    ['existent', 2], // verb: -ent is silent
    ['offrent', 1],
    ['répondent', 2],
    ['souvent', 2], // adverb: -ent is spoken
    ['client', 2],
    ['seulement', 3],
    ['moment', 2],
    ['créer', 2], // hiatus after é
    ['réalité', 4],
    ['aéroport', 4],
    ['poème', 2],
    ['naïf', 2], // diaeresis
    ['coordonnées', 4],
    ['moyen', 2], // y between vowels
    ['payer', 2],
    ['pays', 2],
    ['oui', 1],
    ['eau', 1],
    ['œuvre', 1],
    ['aujourd’hui', 3],
    ["l'inventaire", 3], // the elided article adds nothing
    ['peut-être', 2],
    ['vérifier', 3],
    ['société', 3],
    ['CSV', 3], // an acronym is read letter by letter
    ['OBNL', 4],
    ['25', 0],
  ];
  it.each(cases)('%s → %i', (word, expected) => {
    expect(countSyllables(word)).toBe(expected);
  });
});

describe('sentences and words', () => {
  it('splits on end punctuation, not after an abbreviation', () => {
    expect(splitSentences('Cherchez une solution. Puis ouvrez sa fiche ! Prête ?')).toEqual(['Cherchez une solution.', 'Puis ouvrez sa fiche !', 'Prête ?']);
    expect(splitSentences('Par ex. une formation, etc. et plus.')).toEqual(['Par ex. une formation, etc. et plus.']);
    expect(splitSentences('Version 4.0 du guide.')).toEqual(['Version 4.0 du guide.']);
    expect(splitSentences('« Bonjour. » Ensuite')).toEqual(['« Bonjour. »', 'Ensuite']);
  });

  it('counts words that hold a letter, an elided article as part of its word', () => {
    expect(wordsOf("L'inventaire de 2023 : 15 besoins — voir « ici ».")).toEqual(["L'inventaire", 'de', 'besoins', 'voir', 'ici']);
  });
});

describe('Kandel & Moles', () => {
  it('applies 207 − 1.015 × words/sentence − 73.6 × syllables/word', () => {
    expect(kandelMoles(2, 20, 30)).toBeCloseTo(207 - 1.015 * 10 - 73.6 * 1.5, 10);
    expect(kandelMoles(0, 0, 0)).toBeUndefined();
  });

  it('scores short plain sentences above long learned ones', () => {
    const plain = readability(['Le chat dort.', 'Il fait beau.', 'Vous lisez vite.']);
    expect(plain).toMatchObject({ sentences: 3, words: 9, syllables: 10 });
    expect(plain.score).toBeCloseTo(207 - 1.015 * 3 - 73.6 * (10 / 9), 6);
    const learned = readability([
      'La transformation numérique des organisations communautaires nécessite une planification stratégique rigoureuse et concertée.',
    ]);
    expect(learned.score!).toBeLessThan(30);
    expect(plain.score!).toBeGreaterThan(90);
  });
});
