// What a search returns: plain objects, ready for the page. Titles and excerpts carry
// highlight markers (lib/search/highlight.ts), never HTML.
import type { Availability, NeedKind, ProviderKind, ProviderRole } from '@/lib/generated/prisma/enums';
import type { VocabularyLoader } from '@/lib/search/vocabulary';
import type { QueryExpansion, SynonymIndex } from '@/lib/synonyms/expand';

export const SEARCH_TYPES = ['needs', 'solutions', 'providers'] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/**
 * How the results were found:
 * - 'all': entries containing every word (French stemming, accents and case ignored);
 * - 'any': none had them all, these have at least one;
 * - 'approximate': no word matched, these have a name or title close to the query (typos);
 * - 'none': nothing found (or nothing to search).
 */
export type SearchMode = 'all' | 'any' | 'approximate' | 'none';

export type SearchCounts = Record<SearchType, number>;

/**
 * Why a result is there, when its title and excerpt do not show it: found through a synonym
 * (« ordi » → « matériel informatique »), or through its neighbours' words (a solution through
 * its providers' names or the needs it answers, a provider through its solutions or their
 * needs, a need through its note or theme).
 */
export type MatchReason =
  | { kind: 'synonym'; typed: string; found: string }
  | { kind: 'neighbour'; via: 'providers' | 'needs' | 'solutions' | 'note' };

export type NeedHit = {
  slug: string;
  kind: NeedKind;
  /** Title with highlight markers. */
  title: string;
  /** Part of the description around the matched words, with highlight markers. */
  excerpt: string;
  theme: string | null;
  reasons: MatchReason[];
};

export type SolutionHit = {
  slug: string;
  availability: Availability;
  title: string;
  excerpt: string;
  providers: { slug: string; name: string; role: ProviderRole; isRoleInferred: boolean }[];
  needs: { slug: string; title: string }[];
  reasons: MatchReason[];
};

export type ProviderHit = {
  slug: string;
  kind: ProviderKind;
  name: string;
  alternateName: string;
  excerpt: string;
  /** A few of its published solutions, those that match the query first. */
  solutions: { slug: string; title: string }[];
  solutionCount: number;
  reasons: MatchReason[];
};

/** Allow-lists of slugs (the filters' result); a missing list means no restriction. */
export type SearchRestriction = { solutions?: readonly string[]; providers?: readonly string[] };

/**
 * An entry a query finds, before the page is chosen: its slug, and its line as PostgreSQL wrote
 * it: the slug, then the text part of its rank (the words' part in 'any' mode, then ts_rank; or
 * the name similarity in 'approximate' mode), separated by spaces.
 */
export type ScoredEntry = { slug: string; line: string };

/** Everything a query finds, in the mode that found something (lib/search/search.ts, findMatches). */
export type SearchMatches = {
  /** The normalised query these are for. */
  query: string;
  mode: SearchMode;
  /** The text handed to websearch_to_tsquery. */
  ftsText: string;
  /** Names close to the query for suggestions, when the typo step already compared them. */
  closeNames?: string[];
  /** In 'any' mode, when the query had more than MAX_ANY_WORDS words: the lexemes searched. */
  keptLexemes?: string[];
  /** Then too: how many of the query's words were searched, out of how many. */
  wordsUsed?: WordsUsed;
  /** The query with its synonyms, when a term of a synonym group is in it. */
  expansion?: QueryExpansion;
  /** In 'any' mode with synonyms, when the query had more than MAX_ANY_WORDS parts: the parts searched. */
  keptParts?: number;
  needs: ScoredEntry[];
  solutions: ScoredEntry[];
  providers: ScoredEntry[];
};

export type SearchOptions = {
  restrict?: SearchRestriction;
  /** Only this type, one page of it; otherwise the first results of every type. */
  type?: SearchType | null;
  /** 1-based; only with `type`. */
  page?: number;
  /** findMatches' answer for this query when the caller has it already (ignored for another query). */
  matches?: SearchMatches;
  /** The vocabulary for suggestions; read from the database when missing (slow on a big directory). */
  vocabulary?: VocabularyLoader;
  /** The synonym groups' index; without it the query is searched as typed. */
  synonyms?: SynonymIndex | null;
};

/** A long query is searched by its first words only (lib/search/search.ts MAX_ANY_WORDS). */
export type WordsUsed = { kept: number; total: number };

export type SearchResults = {
  /** The normalised query (what was searched, to show back). */
  query: string;
  mode: SearchMode;
  /** Set when only the first words of the query were searched (the page says so). */
  wordsUsed?: WordsUsed;
  counts: SearchCounts;
  total: number;
  type: SearchType | null;
  page: number;
  pageSize: number;
  needs: NeedHit[];
  solutions: SolutionHit[];
  providers: ProviderHit[];
  /** Other queries that find something ("Vouliez-vous dire… ?"), when the query found little. */
  suggestions: string[];
  /** Query parameters of the active filters, for links that keep them. */
  filters?: readonly (readonly [string, string])[];
};
