// pg_trgm's similarity() and the word suggestions, in memory. The expected values are what
// PostgreSQL 17's pg_trgm answers (tests/integration/search-vocabulary.test.ts compares the two
// on the whole vocabulary of the inventory).
import { describe, expect, it } from 'vitest';
import { asReal, trigramSimilarity, trigramsOf } from '@/lib/search/trigram';
import { buildVocabulary, closestWord, MIN_WORD_SIMILARITY, type VocabularyEntry } from '@/lib/search/vocabulary';

describe('trigramsOf', () => {
  it('comme show_trgm : minuscules, deux espaces avant le mot et un après', () => {
    expect([...trigramsOf('Word')].sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor']);
  });

  it('coupe sur tout ce qui n’est ni lettre ni chiffre, et compte chaque trigramme une fois', () => {
    // show_trgm('a-b Été') has 8 trigrams.
    expect([...trigramsOf('a-b Été')].sort()).toEqual(['  a', '  b', '  é', ' a ', ' b ', ' ét', 'té ', 'été'].sort());
    expect(trigramsOf('aaa aaa').size).toBe(trigramsOf('aaa').size);
    expect(trigramsOf('!!! ...').size).toBe(0);
  });

  it('compte les caractères, pas les unités UTF-16', () => {
    // U+1D44E is a letter outside the BMP (two UTF-16 units); an emoji is not a letter.
    expect([...trigramsOf('x\u{1D44E}')].sort()).toEqual(['  x', ' x\u{1D44E}', 'x\u{1D44E} '].sort());
    expect([...trigramsOf('a😀')].sort()).toEqual(['  a', ' a ']);
  });
});

describe('trigramSimilarity', () => {
  it('donne les valeurs de pg_trgm, en simple précision', () => {
    expect(trigramSimilarity('word', 'two words')).toBe(Math.fround(0.36363637));
    expect(trigramSimilarity('formaton', 'formation')).toBe(Math.fround(0.5833333));
    expect(trigramSimilarity('carefour', 'carrefour')).toBe(Math.fround(0.72727275));
    expect(trigramSimilarity('géomatique', 'geomatique')).toBe(Math.fround(0.5714286));
    expect(trigramSimilarity('abc', 'xyz')).toBe(0);
    expect(trigramSimilarity('', 'abc')).toBe(0);
  });

  it('compare au seuil comme PostgreSQL compare un real : 7/20 passe le seuil 0,35', () => {
    expect(7 / 20 >= 0.35).toBe(true);
    expect(Math.fround(7 / 20) >= asReal(0.35)).toBe(true);
    expect(Math.fround(7 / 20) >= 0.35).toBe(false);
  });
});

describe('closestWord', () => {
  const entries: VocabularyEntry[] = [
    { word: 'formation', frequency: 40, folded: 'formation' },
    { word: 'formations', frequency: 5, folded: 'formations' },
    { word: 'information', frequency: 12, folded: 'information' },
    { word: 'numérique', frequency: 30, folded: 'numerique' },
    { word: 'numériques', frequency: 30, folded: 'numeriques' },
    { word: 'carrefour', frequency: 3, folded: 'carrefour' },
  ];
  const vocabulary = buildVocabulary(entries);

  it('reconnaît un mot connu sous sa forme sans accents', () => {
    expect(closestWord(vocabulary, 'numerique')).toEqual({ known: true, suggestion: 'numérique' });
    expect(closestWord(vocabulary, 'carrefours').known).toBe(false);
  });

  it('propose le mot le plus proche, puis le plus fréquent, puis le premier par ordre alphabétique', () => {
    expect(closestWord(vocabulary, 'formaton')).toEqual({ known: false, suggestion: 'formation' });
    expect(closestWord(vocabulary, 'carefour')).toEqual({ known: false, suggestion: 'carrefour' });
    // As close to both (0.5), as frequent: the first by code point, as PostgreSQL orders text in
    // the C collation ("bravo" < "brâvi", where a French collation would say the opposite).
    const bravo = { word: 'bravo', frequency: 2, folded: 'bravo' };
    const bravi = { word: 'brâvi', frequency: 2, folded: 'bravi' };
    expect(trigramSimilarity('brava', 'bravo')).toBe(0.5);
    expect(trigramSimilarity('brava', 'bravi')).toBe(0.5);
    expect(closestWord(buildVocabulary([bravi, bravo]), 'brava').suggestion).toBe('bravo');
    // More frequent wins a tie on similarity.
    expect(closestWord(buildVocabulary([bravo, { ...bravi, frequency: 3 }]), 'brava').suggestion).toBe('brâvi');
  });

  it(`ne propose rien sous une similarité de ${MIN_WORD_SIMILARITY}`, () => {
    expect(closestWord(vocabulary, 'xylophone')).toEqual({ known: false, suggestion: null });
    expect(trigramSimilarity('form', 'information')).toBeLessThan(MIN_WORD_SIMILARITY);
    expect(closestWord(buildVocabulary([entries[2]!]), 'form').suggestion).toBeNull();
  });

  it('trouve la même chose qu’une comparaison avec chaque mot', () => {
    const words = ['format', 'formatio', 'infos', 'numerik', 'caref', 'fourre', 'nation', 'ique'];
    for (const typed of words) {
      const scanned = entries
        .map((entry) => ({ entry, similarity: trigramSimilarity(typed, entry.folded) }))
        .filter(({ similarity }) => similarity >= asReal(MIN_WORD_SIMILARITY))
        .sort((a, b) => b.similarity - a.similarity || b.entry.frequency - a.entry.frequency || (a.entry.word < b.entry.word ? -1 : 1));
      expect(closestWord(vocabulary, typed).suggestion, typed).toBe(scanned[0]?.entry.word ?? null);
    }
  });
});
