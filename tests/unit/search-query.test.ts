// The pure part of search: what people type becomes a safe, bounded query, and the URL of
// /recherche is read and written back.
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_START, HIGHLIGHT_STOP } from '@/lib/search/highlight';
import { MAX_QUERY_LENGTH, hasSearchableText, normalizeQuery, queryWords, toFullTextQuery } from '@/lib/search/normalize';
import { parseSearchParams, searchHref } from '@/lib/search/params';
import { countLabel, quoted, resultsHeading } from '@/lib/search/wording';

describe('normalizeQuery', () => {
  it('garde le texte tel quel, sans les espaces en trop', () => {
    expect(normalizeQuery('  LOI   25 ')).toBe('LOI 25');
    expect(normalizeQuery('« numérique »  et "formation"')).toBe('« numérique » et "formation"');
    expect(normalizeQuery("'; DROP TABLE \"Need\";--")).toBe("'; DROP TABLE \"Need\";--");
  });

  it("prend la première valeur d'un paramètre répété, et rien de ce qui n'est pas du texte", () => {
    expect(normalizeQuery(['formation', 'loi 25'])).toBe('formation');
    expect(normalizeQuery(undefined)).toBe('');
    expect(normalizeQuery(null)).toBe('');
    expect(normalizeQuery(42)).toBe('');
    expect(normalizeQuery({ q: 'x' })).toBe('');
    expect(normalizeQuery([])).toBe('');
  });

  it('remplace les caractères de contrôle (dont NUL) par des espaces', () => {
    expect(normalizeQuery('loi\u000025')).toBe('loi 25');
    expect(normalizeQuery('loi\n\t25\r\n')).toBe('loi 25');
    expect(normalizeQuery('a\u2028b\u2029c')).toBe('a b c');
  });

  it('retire les caractères invisibles, privés et les demi-paires de substitution', () => {
    expect(normalizeQuery('\u202Eloi 25\u202C')).toBe('loi 25');
    expect(normalizeQuery('nu\u00ADmé\u200Brique')).toBe('numérique');
    expect(normalizeQuery(`${HIGHLIGHT_START}loi${HIGHLIGHT_STOP} 25`)).toBe('loi 25');
    expect(normalizeQuery('loi \uD800 25')).toBe('loi 25');
  });

  it('compose les accents (NFC)', () => {
    const decomposed = 'nume\u0301rique';
    expect(normalizeQuery(decomposed)).toBe('numérique');
    expect(normalizeQuery(decomposed)).toHaveLength(9);
  });

  it(`coupe à ${MAX_QUERY_LENGTH} caractères sans couper un émoji en deux`, () => {
    const long = 'formation '.repeat(1_000);
    expect(long.length).toBe(10_000);
    const normalized = normalizeQuery(long);
    expect(Array.from(normalized).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
    expect(normalized.startsWith('formation formation')).toBe(true);
    expect(normalized).toBe(normalized.trim());

    const emoji = '🙂'.repeat(300);
    const cut = normalizeQuery(emoji);
    expect(Array.from(cut)).toHaveLength(MAX_QUERY_LENGTH);
    expect(cut).toBe('🙂'.repeat(MAX_QUERY_LENGTH));
  });

  it('reconnaît une requête sans lettre ni chiffre', () => {
    expect(hasSearchableText('!!! ??? "" --')).toBe(false);
    expect(hasSearchableText('🙂🙂')).toBe(false);
    expect(hasSearchableText('')).toBe(false);
    expect(hasSearchableText('25')).toBe(true);
    expect(hasSearchableText('été')).toBe(true);
  });
});

describe('toFullTextQuery', () => {
  it('rend leurs accents aux mots vides tapés sans accent, et à eux seuls', () => {
    expect(toFullTextQuery('acces a internet')).toBe('acces à internet');
    expect(toFullTextQuery('A la carte, meme ete')).toBe('à la carte, même été');
    expect(toFullTextQuery('abri data ama')).toBe('abri data ama');
  });

  it('laisse intacte la syntaxe de recherche', () => {
    expect(toFullTextQuery('"loi 25" -formation or audit')).toBe('"loi 25" -formation or audit');
  });
});

describe('queryWords', () => {
  it('donne les mots distincts, en minuscules, sans ponctuation', () => {
    expect(queryWords('Loi 25, loi 27 ; "main-d\'œuvre"')).toEqual(['loi', '25', '27', 'main', 'd', 'œuvre']);
    expect(queryWords('!!!')).toEqual([]);
    expect(queryWords('un deux trois quatre cinq six sept huit neuf dix')).toHaveLength(8);
  });
});

describe("adresse de /recherche", () => {
  it('lit la requête, le type et la page', () => {
    expect(parseSearchParams({ q: ' loi 25 ' })).toEqual({ query: 'loi 25', type: null, page: 1 });
    expect(parseSearchParams({ q: 'x', type: 'fournisseurs', page: '3' })).toEqual({ query: 'x', type: 'providers', page: 3 });
    expect(parseSearchParams({ q: 'x', type: 'besoins' })).toEqual({ query: 'x', type: 'needs', page: 1 });
  });

  it('ignore un type ou une page invalides', () => {
    expect(parseSearchParams({ q: 'x', type: 'tables', page: '2' })).toEqual({ query: 'x', type: null, page: 1 });
    for (const page of ['-1', '0', 'abc', '1e99', '99999999999999999999']) {
      expect(parseSearchParams({ q: 'x', type: 'solutions', page }).page).toBe(1);
    }
    expect(parseSearchParams({})).toEqual({ query: '', type: null, page: 1 });
  });

  it('écrit les liens de recherche', () => {
    expect(searchHref({ query: 'loi 25' })).toBe('/recherche?q=loi+25');
    expect(searchHref({ query: 'logiciels à rabais', type: 'solutions', page: 2 })).toBe(
      '/recherche?q=logiciels+%C3%A0+rabais&type=solutions&page=2',
    );
    expect(searchHref({ query: 'x', type: 'providers', page: 1 })).toBe('/recherche?q=x&type=fournisseurs');
    expect(searchHref({ query: '' })).toBe('/recherche');
    expect(parseSearchParams(Object.fromEntries(new URLSearchParams(searchHref({ query: 'a&b=c #d', type: 'needs', page: 4 }).split('?')[1])))).toEqual({
      query: 'a&b=c #d',
      type: 'needs',
      page: 4,
    });
  });
});

describe('formulation des résultats', () => {
  it('accorde le nombre de résultats en français', () => {
    // With the non-breaking spaces French quotation marks take.
    expect(resultsHeading(0, 'xyz')).toBe('Aucun résultat pour «\u00a0xyz\u00a0»');
    expect(resultsHeading(1, 'loi 25')).toBe('1 résultat pour «\u00a0loi 25\u00a0»');
    expect(resultsHeading(11, 'loi 25')).toBe('11 résultats pour «\u00a0loi 25\u00a0»');
    expect(quoted('x')).toBe('«\u00a0x\u00a0»');
    expect(countLabel('needs', 1)).toBe('1 besoin ou enjeu');
    expect(countLabel('needs', 3)).toBe('3 besoins ou enjeux');
    expect(countLabel('solutions', 2)).toBe('2 solutions');
    expect(countLabel('providers', 1)).toBe('1 fournisseur');
  });
});
