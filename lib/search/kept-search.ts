// Search answers kept in this process, per (normalised query, filters, page, data generation,
// synonym generation): a popular query is ranked by PostgreSQL once per edit instead of once
// per request (docs/benchmark.md). Issue 18's design, race-free by construction:
//
//  - a request reads the two generation tokens once, at its start, before any answer is
//    computed: the data's (a token that changes after every edit, on every instance) and the
//    synonym groups' snapshot, the token and the index read for that very token, as one object
//    (lib/synonyms/kept-index.ts);
//  - every answer is computed with that snapshot's index and kept under that snapshot's tokens.
//
// An edit commits, then changes its token. A request that read the old token may compute with
// the new data (its answer goes under the old token, which no one reads again); a request that
// read the new token queries after the commit, and with the index read for the new synonym
// token. So an old answer can never be stored under a new key. (The revert 333a2f8 read the
// synonym index, then the tokens: an edit in between stored the old groups' answer under the
// new token.)
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { recentAnswers } from '@/lib/search/recent-answers';
import { findMatches, searchDirectory } from '@/lib/search/search';
import type { SearchMatches, SearchOptions, SearchResults } from '@/lib/search/types';
import type { VocabularyLoader } from '@/lib/search/vocabulary';
import type { SynonymIndex } from '@/lib/synonyms/expand';
import type { SynonymSnapshot } from '@/lib/synonyms/kept-index';

/** What one request searches with, read once at its start. */
export type SearchSnapshot = {
  /** The data's and the synonyms' tokens; null when the groups could not be read (nothing is kept then). */
  key: string | null;
  synonyms: SynonymIndex | null;
};

/** Reads the two tokens together, the synonyms' with the index that belongs to it. */
export function searchSnapshotReader(
  inventoryGeneration: () => Promise<string>,
  synonymSnapshot: () => Promise<SynonymSnapshot | null>,
): () => Promise<SearchSnapshot> {
  return async () => {
    const [inventory, synonyms] = await Promise.all([inventoryGeneration(), synonymSnapshot()]);
    return synonyms ? { key: `${inventory} ${synonyms.generation}`, synonyms: synonyms.index } : { key: null, synonyms: null };
  };
}

type KeptSearchOptions = {
  db: () => PrismaClient;
  /** The kept vocabulary for suggestions; read from the database per search when missing. */
  vocabulary?: VocabularyLoader;
  /** Memory for the kept answers (their JSON size, two bytes a character), half for each kind. */
  maxBytes: number;
};

// An answer's size, counted once when it is kept: its JSON (strings are UTF-16 in V8).
const jsonBytes = (value: unknown): number => 2 * JSON.stringify(value).length;

function restrictionKey(restrict: SearchOptions['restrict']): string {
  if (!restrict) return '';
  return createHash('sha256')
    .update(JSON.stringify([restrict.solutions ?? null, restrict.providers ?? null]))
    .digest('base64url');
}

export function createKeptSearch({ db, vocabulary, maxBytes }: KeptSearchOptions) {
  const keptMatches = recentAnswers<SearchMatches>({ maxEntries: 500, maxBytes: maxBytes / 2, sizeOf: jsonBytes });
  const keptResults = recentAnswers<SearchResults>({ maxEntries: 2_000, maxBytes: maxBytes / 2, sizeOf: jsonBytes });
  return {
    /** Everything the query finds (findMatches), for this snapshot. */
    matches(snapshot: SearchSnapshot, query: string): Promise<SearchMatches> {
      const run = () => findMatches(db(), query, snapshot.synonyms);
      return snapshot.key === null ? run() : keptMatches(snapshot.key, query, run);
    },
    /** One page of results (searchDirectory), for this snapshot; `matches` must come from the same snapshot. */
    results(snapshot: SearchSnapshot, query: string, options: Pick<SearchOptions, 'type' | 'page' | 'restrict'>, matches: SearchMatches): Promise<SearchResults> {
      const run = () => searchDirectory(db(), query, { ...options, matches, vocabulary });
      if (snapshot.key === null) return run();
      const key = [options.type ?? '', options.page ?? 1, restrictionKey(options.restrict), query].join('\u0000');
      return keptResults(snapshot.key, key, run);
    },
  };
}
