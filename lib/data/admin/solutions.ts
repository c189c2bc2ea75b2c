import 'server-only';
// Solutions in the admin area; writes follow lib/data/admin/write.ts. The links to needs and
// providers are rewritten by each save (as the form shows them all).
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EntryStatus } from '@/lib/generated/prisma/enums';
import { availabilityLabels } from '@/lib/labels';
import { loadEntrySnapshot, recordEntryChange } from '@/lib/history/snapshot';
import { choiceCodes } from '@/lib/entries/checks';
import { solutionEntry } from '@/lib/entries/solution';
import type { SolutionField, SolutionInput } from '@/lib/validation/solution';
import { listFilterWhere, pageOf, type AdminListFilter, type AdminListPage } from '@/lib/data/admin/lists';
import { OPTION_LIST_LIMIT } from '@/lib/data/admin/needs';
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

export async function listAdminSolutions(db: Db, filter: AdminListFilter): Promise<AdminListPage> {
  const where = listFilterWhere(filter, ['title', 'description', 'slug']) as Prisma.SolutionWhereInput;
  const [total, rows] = await Promise.all([
    db.solution.count({ where }),
    db.solution.findMany({
      where,
      orderBy: [{ title: 'asc' }, { id: 'asc' }],
      ...pageOf(filter),
      select: { id: true, slug: true, title: true, availability: true, status: true, verifiedAt: true, toVerify: true, updatedAt: true, version: true },
    }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      detail: availabilityLabels[row.availability],
      status: row.status,
      verifiedAt: row.verifiedAt?.toISOString() ?? null,
      toVerify: row.toVerify,
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    })),
  };
}

export type SolutionEditDto = {
  id: string;
  slug: string;
  version: number;
  title: string;
  description: string;
  availability: string;
  kinds: string[];
  cost: string;
  inferredFields: string[];
  parentId: string | null;
  status: EntryStatus;
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
  updatedAt: string;
  needs: { id: string; title: string }[];
  providers: { id: string; name: string; role: string; isRoleInferred: boolean }[];
  children: { id: string; title: string }[];
};

export async function getSolutionForEdit(db: Db, id: string): Promise<SolutionEditDto | null> {
  const row = await db.solution.findUnique({
    where: { id },
    include: {
      needs: { include: { need: { select: { id: true, title: true } } } },
      providers: { include: { provider: { select: { id: true, name: true } } } },
      children: { select: { id: true, title: true }, orderBy: { title: 'asc' } },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    title: row.title,
    description: row.description,
    availability: row.availability,
    kinds: row.kinds,
    cost: row.cost,
    inferredFields: row.inferredFields,
    parentId: row.parentId,
    status: row.status,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    toVerify: row.toVerify,
    verifyNote: row.verifyNote,
    updatedAt: row.updatedAt.toISOString(),
    needs: row.needs.map((link) => link.need).sort((a, b) => a.title.localeCompare(b.title, 'fr')),
    providers: row.providers
      .map((link) => ({ ...link.provider, role: link.role, isRoleInferred: link.isRoleInferred }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    children: row.children,
  };
}

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

async function resolveSolutionLinks(tx: Tx, solutionId: string | null, input: SolutionInput) {
  const errors: Partial<Record<SolutionField, string[]>> = {};
  const [needsBySlug, providersBySlug] = await Promise.all([
    input.addNeedSlugs.length ? tx.need.findMany({ where: { slug: { in: input.addNeedSlugs } }, select: { id: true, slug: true } }) : [],
    input.addProviderSlugs.length ? tx.provider.findMany({ where: { slug: { in: input.addProviderSlugs } }, select: { id: true, slug: true } }) : [],
  ]);
  const missing = input.addProviderSlugs.filter((slug) => !providersBySlug.some((row) => row.slug === slug));
  if (missing.length) errors.addProviderSlug = [`Aucun fournisseur n’a cette adresse : ${missing.join(', ')}.`];
  const needIds = [...new Set([...input.needIds, ...needsBySlug.map((row) => row.id)])];
  const providers = [...input.providers];
  for (const row of providersBySlug) {
    const role = input.addProviderRole ?? 'OFFERS';
    if (!providers.some((link) => link.id === row.id && link.role === role)) providers.push({ id: row.id, role, isRoleInferred: false });
  }
  if (input.parentId && input.parentId === solutionId) errors.parentId = ['Une solution ne peut pas être sa propre solution parente.'];
  const [needCount, providerCount, parent] = await Promise.all([
    tx.need.count({ where: { id: { in: needIds } } }),
    tx.provider.count({ where: { id: { in: [...new Set(providers.map((link) => link.id))] } } }),
    input.parentId ? tx.solution.findUnique({ where: { id: input.parentId }, select: { parentId: true } }) : Promise.resolve({ parentId: null }),
  ]);
  if (needCount !== needIds.length) errors.needs = ['Un des besoins choisis n’existe plus : rechargez la page.'];
  if (providerCount !== new Set(providers.map((link) => link.id)).size) errors.providers = ['Un des fournisseurs choisis n’existe plus : rechargez la page.'];
  if (!parent) errors.parentId = ['Cette solution parente n’existe plus : choisissez-en une autre.'];
  else if (solutionId && parent.parentId === solutionId) errors.parentId = ['Cette solution est déjà une sous-solution de celle-ci : choisissez-en une autre.'];
  if (Object.keys(errors).length) throw new WriteRefusal({ ok: false, reason: 'invalid', errors });
  return { needIds, providers };
}

export async function saveSolution(
  db: Db,
  request: { id?: string; version?: number; input: SolutionInput; isVerify?: boolean },
  context: WriteContext,
): Promise<WriteOutcome<SolutionField>> {
  return withSlugRetry(() =>
    inTransaction<SolutionField>(db, async (tx) => {
      const { input } = request;
      const isVerify = request.isVerify ?? false;
      const before = request.id ? await loadEntrySnapshot(tx, 'Solution', request.id) : null;
      if (request.id && !before) return { ok: false, reason: 'not-found' };
      if (before && before.version !== request.version) await conflict(tx, 'Solution', request.id!, before);
      const links = await resolveSolutionLinks(tx, request.id ?? null, input);
      const fields = {
        title: input.title,
        description: input.description,
        availability: input.availability,
        kinds: input.kinds,
        cost: input.cost,
        // In the enum's order, whatever the order of the form or of a restored snapshot.
        inferredFields: choiceCodes(solutionEntry.fields.inferredFields).filter((value): value is SolutionInput['inferredFields'][number] => input.inferredFields.includes(value as never)),
        parentId: input.parentId,
        status: input.status,
        ...verificationData(input, isVerify),
      };
      let id = request.id;
      if (id && before) {
        const updated = await tx.solution.updateMany({ where: { id, version: request.version }, data: { ...fields, version: { increment: 1 } } });
        if (updated.count === 0) await conflict(tx, 'Solution', id, (await loadEntrySnapshot(tx, 'Solution', id))!);
      } else {
        id = (await tx.solution.create({ data: { ...fields, slug: await uniqueSlug(tx, 'solution', input.title) }, select: { id: true } })).id;
      }
      // Needs: keep the position of links that stay, append new ones at the end of their need.
      const current = await tx.needSolution.findMany({ where: { solutionId: id }, select: { needId: true } });
      // Needs gained or lost change too (a need's snapshot lists its solutions). Providers'
      // snapshots have no links, and a solution's does not list its sub-solutions.
      const changedNeedIds = changedIds(current.map((link) => link.needId), links.needIds);
      const linked = await watchLinkedEntries(tx, changedNeedIds.map((needId) => ({ entityType: 'Need' as const, id: needId })), context);
      const removed = current.filter((link) => !links.needIds.includes(link.needId)).map((link) => link.needId);
      if (removed.length) await tx.needSolution.deleteMany({ where: { solutionId: id, needId: { in: removed } } });
      for (const needId of links.needIds.filter((needId) => !current.some((link) => link.needId === needId))) {
        const last = await tx.needSolution.aggregate({ where: { needId }, _max: { position: true } });
        await tx.needSolution.create({ data: { needId, solutionId: id, position: (last._max.position ?? 0) + 1 } });
      }
      await tx.solutionProvider.deleteMany({ where: { solutionId: id } });
      if (links.providers.length) {
        await tx.solutionProvider.createMany({
          data: links.providers.map((link) => ({ solutionId: id!, providerId: link.id, role: link.role, isRoleInferred: link.isRoleInferred })),
        });
      }

      const after = (await loadEntrySnapshot(tx, 'Solution', id))!;
      const verb = context.verb ?? verbOfSave(before, after, isVerify);
      await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb, entityType: 'Solution', entityId: id, before, after });
      await linked.record();
      return { ok: true, id, slug: after.slug, version: after.version, verb };
    }),
  );
}

export async function previewSolutionSnapshot(db: Db, input: SolutionInput): Promise<Record<string, unknown>> {
  const [parent, needs, providers] = await Promise.all([
    input.parentId ? db.solution.findUnique({ where: { id: input.parentId }, select: { id: true, title: true } }) : null,
    db.need.findMany({ where: { id: { in: input.needIds } }, select: { id: true, title: true } }),
    db.provider.findMany({ where: { id: { in: input.providers.map((link) => link.id) } }, select: { id: true, name: true } }),
  ]);
  const byLabel = <T extends { label: string }>(items: T[]) => items.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
  return {
    title: input.title,
    description: input.description,
    availability: input.availability,
    kinds: [...input.kinds].sort(),
    cost: input.cost,
    inferredFields: [...input.inferredFields].sort(),
    status: input.status,
    toVerify: input.toVerify,
    verifyNote: input.verifyNote,
    parent: parent ? { id: parent.id, label: parent.title } : null,
    needs: byLabel(needs.map((row) => ({ id: row.id, label: row.title }))),
    providers: byLabel(
      input.providers.map((link) => ({
        id: link.id,
        label: providers.find((row) => row.id === link.id)?.name ?? link.id,
        role: link.role,
        ...(link.isRoleInferred ? { isRoleInferred: true } : {}),
      })),
    ),
  };
}
