// pg_trgm's `<%` operator (what lets the trigram indexes answer "names close to the query")
// compares with the setting pg_trgm.word_similarity_threshold rather than with an argument.
// Setting it in a transaction of its own costs a connection and four round trips per query
// (BEGIN, set_config, the query, COMMIT); under load those transactions queued for the pool's
// connections until Prisma gave up on them. Instead, the first CTE of the statement sets it:
//  - set_config(…, true) lasts until the end of the transaction, here the statement itself;
//  - the CTE is MATERIALIZED and the folded query text is one of its columns: whatever plan
//    PostgreSQL picks, `<%` needs that text, so the row (and set_config with it) is computed
//    before the first comparison or index scan.
// tests/integration/search.test.ts checks it: "jurypop" finds Juripop only below the default 0.6.
import { Prisma } from '@/lib/generated/prisma/client';

/** `WITH input AS MATERIALIZED (SELECT <folded text> AS folded, …)` with the threshold set for this statement. */
export function trigramInput(text: string, threshold: number): Prisma.Sql {
  return Prisma.sql`WITH input AS MATERIALIZED (
    SELECT lower(immutable_unaccent(${text})) AS folded,
      set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true) AS threshold
  )`;
}
