// Sub-point loops in an import plan (lib/import/plan.ts), without a database: a stub reader
// plays the directory. The loop check answers in one pass over the chains of parents; it must
// report exactly the rows that following each row's chain of parents, one step at a time,
// reports (the way it was first written, kept below as the reference).
import { describe, expect, it } from 'vitest';
import { parseImportFile } from '@/lib/import/parse';
import { planImport, type PlanReader } from '@/lib/import/plan';

const LOOP = 'cette solution deviendrait un sous-point de ses propres sous-points (boucle).';

type Existing = { slug: string; parent: string | null };

/** A directory holding these solutions (published), and nothing else. */
function readerOf(solutions: Existing[]): PlanReader {
  const none = { findMany: async () => [] };
  const rows = solutions.map((solution, index) => ({
    id: `id-${index}`,
    slug: solution.slug,
    version: 1,
    status: 'PUBLISHED',
    title: solution.slug,
    parent: solution.parent ? { slug: solution.parent, status: 'PUBLISHED' } : null,
    providers: [],
  }));
  return {
    theme: none,
    need: none,
    provider: none,
    solution: { findMany: async ({ where }: { where: { slug: { in: string[] } } }) => rows.filter((row) => where.slug.in.includes(row.slug)) },
  } as unknown as PlanReader;
}

function solutionsCsv(rows: { slug: string; parent: string }[]): string {
  return `slug;title;availability;parent\r\n${rows.map((row) => `${row.slug};Titre ${row.slug};EXISTING;${row.parent}`).join('\r\n')}\r\n`;
}

async function loopRows(existing: Existing[], rows: { slug: string; parent: string }[]): Promise<string[]> {
  const content = solutionsCsv(rows);
  const { plan } = await planImport(readerOf(existing), parseImportFile('solutions.csv', content), content);
  return plan.rows.filter((row) => row.errors.some((error) => error.message === LOOP)).map((row) => row.where);
}

// The first version: from each row's parent, follow the chain until it ends, comes back to the
// row (a loop through it), or meets a slug seen on this walk.
function referenceLoopRows(existing: Existing[], rows: { slug: string; parent: string }[]): string[] {
  const parents = new Map<string, string | null>();
  const named = new Set(rows.flatMap((row) => [row.slug, row.parent]));
  for (const solution of existing) if (named.has(solution.slug)) parents.set(solution.slug, solution.parent);
  for (const row of rows) parents.set(row.slug, row.parent || null);
  const found: string[] = [];
  rows.forEach((row, index) => {
    if (!row.parent || row.parent === row.slug) return;
    const seen = new Set<string>();
    for (let current: string | null = row.parent; current && !seen.has(current); current = parents.get(current) ?? null) {
      if (current === row.slug) {
        found.push(`ligne ${index + 2}`);
        break;
      }
      seen.add(current);
    }
  });
  return found;
}

function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('sub-point loops', () => {
  it('finds a loop through the file, through the directory, and not a chain that only leads into one', async () => {
    // a → b → c → a in the file.
    expect(await loopRows([], [{ slug: 'a', parent: 'b' }, { slug: 'b', parent: 'c' }, { slug: 'c', parent: 'a' }])).toEqual(['ligne 2', 'ligne 3', 'ligne 4']);
    // x is under y in the directory; the file puts y under x.
    expect(await loopRows([{ slug: 'x', parent: 'y' }, { slug: 'y', parent: null }], [{ slug: 'y', parent: 'x' }])).toEqual(['ligne 2']);
    // d hangs under the loop a → b → a but is not part of it.
    expect(await loopRows([], [{ slug: 'a', parent: 'b' }, { slug: 'b', parent: 'a' }, { slug: 'd', parent: 'a' }])).toEqual(['ligne 2', 'ligne 3']);
    // A long chain, and a parent that exists nowhere (reported as unknown, not as a loop).
    const chain = Array.from({ length: 2_000 }, (_, index) => ({ slug: `s${index}`, parent: index > 0 ? `s${index - 1}` : '' }));
    expect(await loopRows([], chain)).toEqual([]);
    expect(await loopRows([], [...chain, { slug: 'z', parent: 'inconnu' }])).toEqual([]);
    // The same chain closed: every row is in the loop.
    expect(await loopRows([], [{ slug: 's0', parent: 's1999' }, ...chain.slice(1)])).toHaveLength(2_000);
  });

  it('reports exactly the rows the step-by-step walk reports, on random files and directories', async () => {
    const next = random(20_261_203);
    for (let round = 0; round < 300; round += 1) {
      const size = 2 + Math.floor(next() * 12);
      const slug = () => `s${Math.floor(next() * size)}`;
      const existing: Existing[] = Array.from({ length: size }, (_, index) => ({ slug: `s${index}`, parent: next() < 0.3 ? null : slug() }));
      // Rows may repeat a slug (an error of their own, but the loop check still runs on them).
      const rows = Array.from({ length: 1 + Math.floor(next() * size) }, () => ({ slug: slug(), parent: next() < 0.15 ? '' : slug() }));
      expect(await loopRows(existing, rows), JSON.stringify({ existing, rows })).toEqual(referenceLoopRows(existing, rows));
    }
  });
});
