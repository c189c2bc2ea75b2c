// French wording of search results, shared by the page, its <title> and the tests.
import type { SearchMode, SearchType, WordsUsed } from '@/lib/search/types';

/** French quotation marks with the non-breaking spaces they take: « loi 25 ». */
export function quoted(text: string): string {
  return `«\u00a0${text}\u00a0»`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  // In French, 0 and 1 take the singular.
  return `${count} ${count > 1 ? pluralForm : singular}`;
}

/** « 3 résultats pour « loi 25 » », « Aucun résultat pour « xyz » ». */
export function resultsHeading(total: number, query: string): string {
  return total === 0 ? `Aucun résultat pour ${quoted(query)}` : `${plural(total, 'résultat')} pour ${quoted(query)}`;
}

export const searchTypeLabels: Record<SearchType, string> = {
  needs: 'Besoins et enjeux',
  solutions: 'Solutions',
  providers: 'Fournisseurs',
};

/** "1 besoin ou enjeu", "5 solutions", "2 fournisseurs". */
export function countLabel(type: SearchType, count: number): string {
  switch (type) {
    case 'needs':
      return `${plural(count, 'besoin')} ou ${count > 1 ? 'enjeux' : 'enjeu'}`;
    case 'solutions':
      return plural(count, 'solution');
    case 'providers':
      return plural(count, 'fournisseur');
  }
}

/** Says how results were found when it was not with every word of the query. */
export function modeNotice(mode: SearchMode): string | null {
  switch (mode) {
    case 'any':
      return 'Aucune fiche ne contient tous ces mots : voici celles qui en contiennent au moins un, les plus pertinentes d’abord.';
    case 'approximate':
      return 'Aucune fiche ne contient ces mots tels quels : voici les noms qui s’en approchent (une faute de frappe ?).';
    default:
      return null;
  }
}

/** Says that a long query was searched by its first words only. */
export function wordsUsedNotice(wordsUsed: WordsUsed | undefined): string | null {
  if (!wordsUsed) return null;
  return `Votre recherche compte beaucoup de mots : seuls les ${wordsUsed.kept} premiers ont servi (sans compter les petits mots comme « de » ou « pour »). Pour des résultats plus précis, gardez deux ou trois mots clés.`;
}
