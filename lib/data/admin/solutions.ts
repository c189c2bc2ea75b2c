import 'server-only';
// Solutions in the admin area beyond the shared save (lib/data/admin/entries.ts, links in
// lib/data/admin/solution-links.ts): the choices of its form.
import { saveEntry, type SaveRequest } from '@/lib/data/admin/entries';
import { OPTION_LIST_LIMIT } from '@/lib/data/admin/needs';
import type { Db, WriteContext } from '@/lib/data/admin/write';
import type { SolutionInput } from '@/lib/validation/solution';

export const saveSolution = (db: Db, request: SaveRequest<SolutionInput>, context: WriteContext) => saveEntry(db, 'Solution', request, context);

export type SolutionFormOptions = {
  needs: { id: string; label: string }[] | null;
  solutions: { id: string; label: string }[] | null;
  providers: { id: string; label: string }[] | null;
};

export async function getSolutionFormOptions(db: Db): Promise<SolutionFormOptions> {
  const notArchived = { status: { not: 'ARCHIVED' as const } };
  const [needCount, solutionCount, providerCount] = await Promise.all([
    db.need.count({ where: notArchived }),
    db.solution.count({ where: notArchived }),
    db.provider.count({ where: notArchived }),
  ]);
  const [needs, solutions, providers] = await Promise.all([
    needCount <= OPTION_LIST_LIMIT ? db.need.findMany({ where: notArchived, orderBy: { position: 'asc' }, select: { id: true, title: true } }) : null,
    solutionCount <= OPTION_LIST_LIMIT ? db.solution.findMany({ where: notArchived, orderBy: { title: 'asc' }, select: { id: true, title: true } }) : null,
    providerCount <= OPTION_LIST_LIMIT ? db.provider.findMany({ where: notArchived, orderBy: { name: 'asc' }, select: { id: true, name: true } }) : null,
  ]);
  return {
    needs: needs?.map((row) => ({ id: row.id, label: row.title })) ?? null,
    solutions: solutions?.map((row) => ({ id: row.id, label: row.title })) ?? null,
    providers: providers?.map((row) => ({ id: row.id, label: row.name })) ?? null,
  };
}
