import 'server-only';
// Needs in the admin area beyond the shared save (lib/data/admin/entries.ts, links in
// lib/data/admin/need-links.ts): the choices of its form, and « Monter » / « Descendre ».
import { saveEntry, type SaveRequest } from '@/lib/data/admin/entries';
import { loadEntrySnapshot, recordEntryChange } from '@/lib/history/snapshot';
import type { NeedInput } from '@/lib/validation/need';
import { conflict, inTransaction, type Db, type WriteContext, type WriteOutcome } from '@/lib/data/admin/write';

export const saveNeed = (db: Db, request: SaveRequest<NeedInput>, context: WriteContext) => saveEntry(db, 'Need', request, context);

/** Beyond this many, the form asks for slugs instead of listing every choice. */
export const OPTION_LIST_LIMIT = 400;

export type NeedFormOptions = {
  themes: { id: string; label: string }[];
  solutions: { id: string; label: string; slug: string }[] | null;
  solutionCount: number;
  needs: { id: string; label: string; slug: string }[] | null;
  needCount: number;
};

export async function getNeedFormOptions(db: Db): Promise<NeedFormOptions> {
  const [themes, solutionCount, needCount] = await Promise.all([
    db.theme.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
    db.solution.count({ where: { status: { not: 'ARCHIVED' } } }),
    db.need.count({ where: { status: { not: 'ARCHIVED' } } }),
  ]);
  const [solutions, needs] = await Promise.all([
    solutionCount <= OPTION_LIST_LIMIT
      ? db.solution.findMany({ where: { status: { not: 'ARCHIVED' } }, orderBy: { title: 'asc' }, select: { id: true, title: true, slug: true } })
      : null,
    needCount <= OPTION_LIST_LIMIT
      ? db.need.findMany({ where: { status: { not: 'ARCHIVED' } }, orderBy: { position: 'asc' }, select: { id: true, title: true, slug: true } })
      : null,
  ]);
  return {
    themes: themes.map((theme) => ({ id: theme.id, label: theme.name })),
    solutions: solutions?.map((solution) => ({ id: solution.id, label: solution.title, slug: solution.slug })) ?? null,
    solutionCount,
    needs: needs?.map((need) => ({ id: need.id, label: need.title, slug: need.slug })) ?? null,
    needCount,
  };
}

/** Swaps a need with its neighbour in the public order (both get a history record). */
export async function moveNeed(db: Db, id: string, version: number, direction: 'up' | 'down', context: WriteContext): Promise<WriteOutcome> {
  return inTransaction(db, async (tx) => {
    const need = await tx.need.findUnique({ where: { id }, select: { id: true, position: true, version: true } });
    if (!need) return { ok: false, reason: 'not-found' };
    if (need.version !== version) await conflict(tx, 'Need', id, (await loadEntrySnapshot(tx, 'Need', id))!);
    const neighbour = await tx.need.findFirst({
      where: direction === 'up' ? { position: { lte: need.position }, id: { not: id } } : { position: { gte: need.position }, id: { not: id } },
      orderBy: direction === 'up' ? [{ position: 'desc' }, { id: 'desc' }] : [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, position: true, version: true },
    });
    if (!neighbour) return { ok: true, id, slug: '', version, verb: 'update' };
    // Equal positions (possible after edits) still swap: the moved one steps past the other.
    const [newOwn, newOther] =
      neighbour.position === need.position
        ? direction === 'up'
          ? [need.position - 1, neighbour.position]
          : [need.position + 1, neighbour.position]
        : [neighbour.position, need.position];
    for (const [rowId, rowVersion, position] of [
      [id, version, newOwn],
      [neighbour.id, neighbour.version, newOther],
    ] as const) {
      const before = await loadEntrySnapshot(tx, 'Need', rowId);
      const updated = await tx.need.updateMany({ where: { id: rowId, version: rowVersion }, data: { position: Math.max(0, position), version: { increment: 1 } } });
      if (updated.count === 0) await conflict(tx, 'Need', rowId, (await loadEntrySnapshot(tx, 'Need', rowId))!);
      const after = await loadEntrySnapshot(tx, 'Need', rowId);
      await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb: 'update', entityType: 'Need', entityId: rowId, before, after });
    }
    return { ok: true, id, slug: '', version: version + 1, verb: 'update' };
  });
}
