// French wording of search results, shared by the page, its <title> and the tests.
import type { MatchReason, SearchMode, SearchType, WordsUsed } from '@/lib/search/types';

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
      return 'Aucune fiche ne contient ces mots tels quels. Voici les noms qui s’en approchent.';
    default:
      return null;
  }
}

/** Says that a long query was searched by its first words only. */
export function wordsUsedNotice(wordsUsed: WordsUsed | undefined): string | null {
  if (!wordsUsed) return null;
  return `Votre recherche compte beaucoup de mots : seuls les ${wordsUsed.kept} premiers ont servi (sans compter les petits mots comme « de » ou « pour »). Pour des résultats plus précis, gardez deux ou trois mots clés.`;
}

const FOUND: Record<SearchType, string> = { needs: 'Trouvé', solutions: 'Trouvée', providers: 'Trouvé' };

const NEIGHBOUR_WORDING: Record<SearchType, Partial<Record<Extract<MatchReason, { kind: 'neighbour' }>['via'], string>>> = {
  needs: { note: 'par sa note ou son thème' },
  solutions: { providers: 'par le nom d’un de ses fournisseurs', needs: 'par un besoin auquel elle répond' },
  providers: { solutions: 'par une de ses solutions', needs: 'par un besoin auquel répondent ses solutions' },
};

/** Synonyms shown per word typed, at most. */
const SYNONYMS_SHOWN = 3;

/**
 * Why a result is there, in one sentence, when its title and excerpt do not say it:
 * « Trouvée par synonyme (« ordi » → « matériel informatique ») et par un besoin auquel elle répond. »
 * Null when there is nothing to explain.
 */
export function reasonSentence(type: SearchType, reasons: readonly MatchReason[]): string | null {
  const byTyped = new Map<string, string[]>();
  for (const reason of reasons) {
    if (reason.kind !== 'synonym') continue;
    const found = byTyped.get(reason.typed) ?? [];
    if (found.length < SYNONYMS_SHOWN) found.push(reason.found);
    byTyped.set(reason.typed, found);
  }
  const parts: string[] = [];
  if (byTyped.size > 0) {
    parts.push(`par synonyme (${[...byTyped].map(([typed, found]) => `${quoted(typed)} → ${found.map(quoted).join(', ')}`).join(' ; ')})`);
  }
  for (const reason of reasons) {
    if (reason.kind !== 'neighbour') continue;
    const wording = NEIGHBOUR_WORDING[type][reason.via];
    if (wording && !parts.includes(wording)) parts.push(wording);
  }
  return parts.length > 0 ? `${FOUND[type]} ${parts.join(' et ')}.` : null;
}
