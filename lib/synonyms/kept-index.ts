// The synonym groups' index kept per generation of the groups, handed out with the very token
// it was read for (lib/search/kept-search.ts keys answers by that token). The token is read
// first, the groups after it: an index is never older than its token.
import type { SynonymIndex } from '@/lib/synonyms/expand';

export type SynonymSnapshot = { generation: string; index: SynonymIndex };

export function keptSynonymIndex(readGeneration: () => Promise<string>, readIndex: () => Promise<SynonymIndex>): () => Promise<SynonymSnapshot> {
  let kept: { generation: string; snapshot: Promise<SynonymSnapshot> } | undefined;
  return async () => {
    const generation = await readGeneration();
    let entry = kept;
    if (entry?.generation !== generation) {
      const snapshot = readIndex().then((index) => ({ generation, index }));
      const fresh = { generation, snapshot };
      entry = fresh;
      kept = fresh;
      // A failed read is not kept: the next search tries again.
      snapshot.catch(() => {
        if (kept === fresh) kept = undefined;
      });
    }
    return entry.snapshot;
  };
}
