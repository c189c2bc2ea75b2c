// Query expansion with synonym groups, on words analysed by hand the way PostgreSQL analyses
// them (lib/synonyms/words.ts): matching on stems, short words as typed, the longest term first,
// shorter terms inside it, one-way and two-way groups, and the tsquery text that results.
import { describe, expect, it } from 'vitest';
import { buildSynonymIndex, expandQuery, expandedQueryText, hasSearchOperators, MAX_EXPANSIONS, typedQueryText, type AnalysedGroup } from '@/lib/synonyms/expand';
import { isSameWord, quoteLexeme, type AnalysedText, type AnalysedWord } from '@/lib/synonyms/words';

// A tiny stemmer for the fixtures only: what french_stem gives for the words used here.
const STEMS: Record<string, string> = {
  ordinateur: 'ordin', ordinateurs: 'ordin', usage: 'usag', usagé: 'usag', usages: 'usag', usagés: 'usag',
  materiel: 'materiel', matériel: 'materiel', informatique: 'informat', valorise: 'valoris', valorisé: 'valoris',
  logiciels: 'logiciel', logiciel: 'logiciel', chers: 'cher', cher: 'cher', rabais: 'rabais', faible: 'faibl', cout: 'cout', coût: 'cout',
  cela: 'cel', cell: 'cel', cellulaire: 'cellulair', burnout: 'burnout', epuisement: 'epuis', épuisement: 'epuis', ordi: 'ordi', ordis: 'ordis',
  ca: 'ca', ça: 'ca', conseil: 'conseil', administration: 'administr', bureau: 'bureau', esac: 'esac', ésac: 'esac',
};
const STOP = new Set(['de', 'pas', 'le', 'la', 'des']);

function word(text: string): AnalysedWord {
  const lower = text.toLowerCase();
  const folded = lower.normalize('NFD').replace(/\p{M}/gu, '');
  return { lower, folded, lexemes: [STEMS[lower] ?? STEMS[folded] ?? folded] };
}

function analyse(text: string): AnalysedText {
  const words = [...text.matchAll(/[\p{L}\p{N}]+/gu)]
    .filter((match) => !STOP.has(match[0].toLowerCase()))
    .map((match) => ({ ...word(match[0]), start: match.index, end: match.index + match[0].length }));
  return { text, words, phrase: words.map((entry) => quoteLexeme(entry.lexemes[0]!)).join(' <-> '), hasOffsets: true };
}

function group(id: string, terms: string[], expandsTo: string[] = []): AnalysedGroup {
  const analysis = Object.fromEntries([...terms, ...expandsTo].map((text) => {
    const analysed = analyse(text);
    return [text, { words: analysed.words, phrase: analysed.phrase }];
  }));
  return { id, terms, oneWay: expandsTo.length > 0, expandsTo, analysis };
}

const index = buildSynonymIndex([
  group('g1', ['ordinateur', 'ordi', 'PC']),
  group('g2', ['ordi usagé', 'ordinateur usagé'], ['matériel informatique valorisé']),
  group('g3', ['pas cher', 'abordable'], ['faible coût', 'rabais']),
  group('g4', ['cellulaire', 'cell']),
  group('g5', ['CA', "conseil d'administration"]),
  group('g6', ['burnout'], ['épuisement']),
  group('g7', ['ÉSAC', 'économie sociale']),
]);

const expand = (query: string) => expandQuery(index, analyse(query));

describe('expansion des requêtes par les synonymes', () => {
  it('ne touche pas une requête sans terme connu', () => {
    expect(expand('formation du personnel')).toBeNull();
    expect(expandQuery(buildSynonymIndex([]), analyse('ordi'))).toBeNull();
  });

  it('un groupe dans les deux sens : chaque terme cherche aussi les autres', () => {
    const expansion = expand('ordi')!;
    expect(expansion.pairs.map((pair) => pair.found)).toEqual(['ordinateur', 'PC']);
    expect(expandedQueryText(expansion, 'all')).toBe("(('ordi') | ('ordin') | ('pc'))");
  });

  it('dans un sens seulement : « burnout » cherche « épuisement », pas l’inverse', () => {
    expect(expand('burnout')!.pairs.map((pair) => pair.found)).toEqual(['épuisement']);
    expect(expand('épuisement')).toBeNull();
  });

  it('par radical : « ordinateurs usagés » est le terme « ordinateur usagé »', () => {
    const expansion = expand('ordinateurs usagés')!;
    expect(expansion.parts).toHaveLength(1);
    // The whole span's expansion first, then those of the shorter term inside (« ordinateur »).
    expect(expansion.pairs.map((pair) => [pair.typed, pair.found])).toEqual([
      ['ordinateurs usagés', 'matériel informatique valorisé'],
      ['ordinateurs', 'ordi'],
      ['ordinateurs', 'PC'],
    ]);
  });

  it('le plus long terme d’abord, et les plus courts à l’intérieur', () => {
    const expansion = expand('ordi usagé')!;
    expect(expansion.parts).toHaveLength(1);
    expect(expandedQueryText(expansion, 'all')).toBe(
      "(((('ordi') | ('ordin') | ('pc')) & 'usag') | ('materiel' <-> 'informat' <-> 'valoris'))",
    );
    // Without synonyms: the typed words only.
    expect(typedQueryText(expansion)).toBe("('ordi' & 'usag')");
  });

  it('les mots vides entre les mots d’un terme ne comptent pas : « logiciels pas chers »', () => {
    const expansion = expand('logiciels pas chers')!;
    expect(expansion.parts.map((part) => part.text)).toEqual(['logiciels', 'chers']);
    expect(expandedQueryText(expansion, 'all')).toBe("'logiciel' & (('cher') | ('faibl' <-> 'cout') | ('rabais'))");
    expect(expandedQueryText(expansion, 'any')).toBe("'logiciel' | (('cher') | ('faibl' <-> 'cout') | ('rabais'))");
  });

  it('un mot court se compare tel quel : « cela » n’est pas « cell », « ça » n’est pas « CA »', () => {
    expect(expand('cela')).toBeNull();
    expect(expand('ça')).toBeNull();
    expect(expand('cell')!.pairs.map((pair) => pair.found)).toEqual(['cellulaire']);
    expect(expand('cells')!.pairs.map((pair) => pair.found)).toEqual(['cellulaire']);
    expect(expand('ca')!.pairs.map((pair) => pair.found)).toEqual(["conseil d'administration"]);
    // Typed without its accent, a short word still matches (people often omit accents).
    expect(expand('esac')!.pairs.map((pair) => pair.found)).toEqual(['économie sociale']);
  });

  it('isSameWord : mots courts et pluriels', () => {
    expect(isSameWord(word('ordis'), word('ordi'))).toBe(true);
    expect(isSameWord(word('ordinaire'), word('ordi'))).toBe(false);
    expect(isSameWord(word('ÉSAC'), word('ésac'))).toBe(true);
    expect(isSameWord(word('ça'), word('CA'))).toBe(false);
  });

  it(`borne le nombre d’expansions d’une requête (${MAX_EXPANSIONS})`, () => {
    const terms = Array.from({ length: 30 }, (_, position) => `terme${position}`);
    const big = buildSynonymIndex([group('a', ['zorglub', ...terms]), group('b', ['plouf', ...terms.map((term) => `${term}b`)])]);
    const expansion = expandQuery(big, analyse('zorglub plouf'))!;
    expect(expansion.pairs).toHaveLength(MAX_EXPANSIONS);
  });

  it('ne développe pas une requête qui utilise des opérateurs', () => {
    for (const query of ['"ordi usagé"', 'ordi -usagé', 'ordi or portable', 'OR ordi']) expect(hasSearchOperators(query), query).toBe(true);
    for (const query of ['ordi usagé', 'ordi - usagé', 'Ordinateur', 'organisme']) expect(hasSearchOperators(query), query).toBe(false);
  });

  it('cite chaque lexème dans le texte du tsquery, quoi qu’il contienne', () => {
    expect(quoteLexeme("l'x")).toBe("'l''x'");
    expect(quoteLexeme('a\\b')).toBe("'a\\\\b'");
    expect(quoteLexeme("' | !x")).toBe("''' | !x'");
  });
});
