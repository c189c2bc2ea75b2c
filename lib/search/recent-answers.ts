// Answers kept in this process for the latest generation of the data: the most recently used
// first, within a budget of entries and of bytes, every one of them dropped as soon as the
// generation changes (an edit of an entry, of the synonym groups). For the search: a popular
// query is read from PostgreSQL once per edit instead of once per request.
//
// The sizes are estimates (UTF-16 strings: two bytes per character of the answer's JSON), made
// once per answer kept; an answer larger than the whole budget is not kept.

type Kept<T> = { value: Promise<T>; bytes: number };

export type RecentAnswers<T> = (generation: string, key: string, load: () => Promise<T>) => Promise<T>;

export function recentAnswers<T>({ maxEntries, maxBytes, sizeOf }: { maxEntries: number; maxBytes: number; sizeOf: (value: T) => number }): RecentAnswers<T> {
  const kept = new Map<string, Kept<T>>();
  let keptGeneration = '';
  let bytes = 0;

  const drop = (key: string) => {
    const entry = kept.get(key);
    if (!entry) return;
    kept.delete(key);
    bytes -= entry.bytes;
  };

  return async (generation, key, load) => {
    if (generation !== keptGeneration) {
      kept.clear();
      bytes = 0;
      keptGeneration = generation;
    }
    const found = kept.get(key);
    if (found) {
      // Map keeps insertion order: moved to the end, it is the most recently used.
      kept.delete(key);
      kept.set(key, found);
      return found.value;
    }
    const value = load();
    const entry: Kept<T> = { value, bytes: 0 };
    kept.set(key, entry);
    value.then(
      (answer) => {
        if (kept.get(key) !== entry) return;
        entry.bytes = sizeOf(answer);
        bytes += entry.bytes;
        if (entry.bytes > maxBytes) drop(key);
        for (const oldest of kept.keys()) {
          if (kept.size <= maxEntries && bytes <= maxBytes) break;
          drop(oldest);
        }
      },
      // A failed read (database down) is not kept: the next request tries again.
      () => {
        if (kept.get(key) === entry) drop(key);
      },
    );
    return value;
  };
}
