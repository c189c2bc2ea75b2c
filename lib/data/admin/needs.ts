import 'server-only';
// Needs as the admin area reads and writes them. Not cached: members must see the row as it
// is now (its version above all). Every write follows lib/data/admin/write.ts.
import type { EntryStatus, NeedKind } from '@/lib/generated/prisma/enums';
import type { Prisma } from '@/lib/generated/prisma/client';
import { loadEntrySnapshot, recordEntryChange } from '@/lib/history/snapshot';
import type { NeedField, NeedInput } from '@/lib/validation/need';
import {
  changedIds,
  conflict,
  inTransaction,
  uniqueSlug,
  verbOfSave,
  verificationData,
  watchLinkedEntries,
  withSlugRetry,
  WriteRefusal,
  type Db,
  type Tx,
  type WriteContext,
  type WriteOutcome,
} from '@/lib/data/admin/write';
import { listFilterWhere, pageOf, type AdminListFilter, type AdminListPage, type AdminListRow } from '@/lib/data/admin/lists';

export async function listAdminNeeds(db: Db, filter: AdminListFilter): Promise<AdminListPage> {
  const where: Prisma.NeedWhereInput = listFilterWhere(filter, ['title', 'description', 'slug']);
  const [total, rows] = await Promise.all([
    db.need.count({ where }),
    db.need.findMany({
      where,
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      ...pageOf(filter),
      select: { id: true, slug: true, title: true, kind: true, status: true, verifiedAt: true, toVerify: true, updatedAt: true, version: true, position: true },
    }),
  ]);
  return {
    total,
    rows: rows.map(
      (row): AdminListRow => ({
        id: row.id,
        slug: row.slug,
        title: row.title,
        detail: row.kind === 'ISSUE' ? 'Enjeu' : 'Besoin',
        status: row.status,
        verifiedAt: row.verifiedAt?.toISOString() ?? null,
        toVerify: row.toVerify,
        updatedAt: row.updatedAt.toISOString(),
        version: row.version,
        position: row.position,
      }),
    ),
  };
}

export type NeedEditDto = {
  id: string;
  slug: string;
  version: number;
  kind: NeedKind;
  title: string;
  description: string;
  note: string;
  position: number;
  themeId: string | null;
  status: EntryStatus;
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
  updatedAt: string;
  solutions: { id: string; title: string; slug: string; status: EntryStatus; position: number }[];
  links: { id: string; title: string; slug: string; note: string }[];
};

export async function getNeedForEdit(db: Db, id: string): Promise<NeedEditDto | null> {
  const row = await db.need.findUnique({
    where: { id },
    include: {
      solutions: { orderBy: [{ position: 'asc' }, { solutionId: 'asc' }], include: { solution: { select: { id: true, title: true, slug: true, status: true } } } },
      linksFrom: { include: { to: { select: { id: true, title: true, slug: true } } } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    kind: row.kind,
    title: row.title,
    description: row.description,
    note: row.note,
    position: row.position,
    themeId: row.themeId,
    status: row.status,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    toVerify: row.toVerify,
    verifyNote: row.verifyNote,
    updatedAt: row.updatedAt.toISOString(),
    solutions: row.solutions.map((link) => ({ ...link.solution, position: link.position })),
    links: row.linksFrom.map((link) => ({ ...link.to, note: link.note })).sort((a, b) => a.title.localeCompare(b.title, 'fr')),
  };
}

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

/** Links after resolving typed slugs and checking that every id still exists. */
async function resolveNeedLinks(tx: Tx, needId: string | null, input: NeedInput) {
  const errors: Partial<Record<NeedField, string[]>> = {};
  const solutionsBySlug = input.addSolutionSlugs.length
    ? await tx.solution.findMany({ where: { slug: { in: input.addSolutionSlugs } }, select: { id: true, slug: true } })
    : [];
  const missingSolutions = input.addSolutionSlugs.filter((slug) => !solutionsBySlug.some((row) => row.slug === slug));
  if (missingSolutions.length) errors.addSolutionSlugs = [`Aucune solution n’a cette adresse : ${missingSolutions.join(', ')}.`];
  const needsBySlug = input.addLinkSlugs.length ? await tx.need.findMany({ where: { slug: { in: input.addLinkSlugs } }, select: { id: true, slug: true } }) : [];
  const missingNeeds = input.addLinkSlugs.filter((slug) => !needsBySlug.some((row) => row.slug === slug));
  if (missingNeeds.length) errors.addLinkSlugs = [`Aucun besoin n’a cette adresse : ${missingNeeds.join(', ')}.`];

  const solutions = [...input.solutions];
  let next = Math.max(0, ...solutions.map((link) => link.position)) + 10;
  for (const row of solutionsBySlug) {
    if (solutions.some((link) => link.id === row.id)) continue;
    solutions.push({ id: row.id, position: next });
    next += 10;
  }
  const links = [...input.links];
  for (const row of needsBySlug) if (!links.some((link) => link.id === row.id)) links.push({ id: row.id, note: '' });
  const ownLinks = links.filter((link) => link.id !== needId);

  const [existingSolutions, existingNeeds, theme] = await Promise.all([
    tx.solution.count({ where: { id: { in: solutions.map((link) => link.id) } } }),
    tx.need.count({ where: { id: { in: ownLinks.map((link) => link.id) } } }),
    input.themeId ? tx.theme.count({ where: { id: input.themeId } }) : Promise.resolve(1),
  ]);
  if (existingSolutions !== solutions.length) (errors.solutions ??= []).push('Une des solutions choisies n’existe plus : rechargez la page.');
  if (existingNeeds !== ownLinks.length) (errors.links ??= []).push('Un des besoins liés n’existe plus : rechargez la page.');
  if (!theme) errors.themeId = ['Ce thème n’existe plus : choisissez-en un autre.'];
  if (Object.keys(errors).length) throw new WriteRefusal({ ok: false, reason: 'invalid', errors });
  return { solutions, links: ownLinks };
}

export type SaveNeedRequest = {
  /** Absent for a creation. */
  id?: string;
  /** The version the form was opened on (required for an update). */
  version?: number;
  input: NeedInput;
  isVerify?: boolean;
};

export async function saveNeed(db: Db, request: SaveNeedRequest, context: WriteContext): Promise<WriteOutcome<NeedField>> {
  return withSlugRetry(() =>
    inTransaction<NeedField>(db, async (tx) => {
      const { input } = request;
      const isVerify = request.isVerify ?? false;
      const before = request.id ? await loadEntrySnapshot(tx, 'Need', request.id) : null;
      if (request.id && !before) return { ok: false, reason: 'not-found' };
      if (before && before.version !== request.version) await conflict(tx, 'Need', request.id!, before);
      const links = await resolveNeedLinks(tx, request.id ?? null, input);

      const fields = {
        kind: input.kind,
        title: input.title,
        description: input.description,
        note: input.note,
        themeId: input.themeId,
        status: input.status,
        ...verificationData(input, isVerify),
      };
      let id = request.id;
      if (id && before) {
        const updated = await tx.need.updateMany({
          where: { id, version: request.version },
          data: { ...fields, ...(input.position !== null ? { position: input.position } : {}), version: { increment: 1 } },
        });
        if (updated.count === 0) await conflict(tx, 'Need', id, (await loadEntrySnapshot(tx, 'Need', id))!);
      } else {
        const last = await tx.need.aggregate({ _max: { position: true } });
        const created = await tx.need.create({
          data: { ...fields, slug: await uniqueSlug(tx, 'need', input.title), position: input.position ?? (last._max.position ?? 0) + 1 },
          select: { id: true },
        });
        id = created.id;
      }

      // Solutions gained or lost change too (a solution's snapshot lists its needs). Links
      // to other needs are outgoing only (NeedSnapshot.links): theirs do not change.
      const changedSolutionIds = changedIds(before?.solutions.map((link) => link.id) ?? [], links.solutions.map((link) => link.id));
      const linked = await watchLinkedEntries(tx, changedSolutionIds.map((solutionId) => ({ entityType: 'Solution' as const, id: solutionId })), context);
      await tx.needSolution.deleteMany({ where: { needId: id } });
      if (links.solutions.length) await tx.needSolution.createMany({ data: links.solutions.map((link) => ({ needId: id!, solutionId: link.id, position: link.position })) });
      await tx.needLink.deleteMany({ where: { fromId: id } });
      if (links.links.length) await tx.needLink.createMany({ data: links.links.map((link) => ({ fromId: id!, toId: link.id, note: link.note })) });

      const after = (await loadEntrySnapshot(tx, 'Need', id))!;
      const verb = context.verb ?? verbOfSave(before, after, isVerify);
      await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb, entityType: 'Need', entityId: id, before, after });
      await linked.record();
      return { ok: true, id, slug: after.slug, version: after.version, verb };
    }),
  );
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

/** What the form would save, shaped like a snapshot (labels resolved), for the conflict panel. */
export async function previewNeedSnapshot(db: Db, input: NeedInput): Promise<Record<string, unknown>> {
  const [theme, solutions, needs] = await Promise.all([
    input.themeId ? db.theme.findUnique({ where: { id: input.themeId }, select: { id: true, name: true } }) : null,
    db.solution.findMany({ where: { OR: [{ id: { in: input.solutions.map((link) => link.id) } }, { slug: { in: input.addSolutionSlugs } }] }, select: { id: true, title: true, slug: true } }),
    db.need.findMany({ where: { OR: [{ id: { in: input.links.map((link) => link.id) } }, { slug: { in: input.addLinkSlugs } }] }, select: { id: true, title: true } }),
  ]);
  const title = (id: string) => solutions.find((row) => row.id === id)?.title ?? id;
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    note: input.note,
    status: input.status,
    toVerify: input.toVerify,
    verifyNote: input.verifyNote,
    theme: theme ? { id: theme.id, label: theme.name } : null,
    ...(input.position !== null ? { position: input.position } : {}),
    solutions: [...input.solutions].sort((a, b) => a.position - b.position).map((link) => ({ id: link.id, label: title(link.id), position: link.position })),
    links: input.links.map((link) => ({ id: link.id, label: needs.find((row) => row.id === link.id)?.title ?? link.id, note: link.note })),
  };
}
