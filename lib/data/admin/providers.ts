import 'server-only';
// Providers in the admin area (there may be 10,000: the list is paginated and filtered in
// SQL); writes follow lib/data/admin/write.ts.
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EntryStatus } from '@/lib/generated/prisma/enums';
import { providerKindLabels } from '@/lib/labels';
import { loadEntrySnapshot, recordEntryChange } from '@/lib/history/snapshot';
import type { ProviderField, ProviderInput } from '@/lib/validation/provider';
import { listFilterWhere, pageOf, type AdminListFilter, type AdminListPage } from '@/lib/data/admin/lists';
import {
  conflict,
  inTransaction,
  uniqueSlug,
  verbOfSave,
  verificationData,
  withSlugRetry,
  type Db,
  type WriteContext,
  type WriteOutcome,
} from '@/lib/data/admin/write';

export async function listAdminProviders(db: Db, filter: AdminListFilter): Promise<AdminListPage> {
  const where = listFilterWhere(filter, ['name', 'alternateName', 'slug']) as Prisma.ProviderWhereInput;
  const [total, rows] = await Promise.all([
    db.provider.count({ where }),
    db.provider.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      ...pageOf(filter),
      select: { id: true, slug: true, name: true, kind: true, status: true, verifiedAt: true, toVerify: true, updatedAt: true, version: true },
    }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.name,
      detail: providerKindLabels[row.kind],
      status: row.status,
      verifiedAt: row.verifiedAt?.toISOString() ?? null,
      toVerify: row.toVerify,
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
    })),
  };
}

export type ProviderEditDto = Omit<ProviderInput, 'status'> & {
  id: string;
  slug: string;
  version: number;
  status: EntryStatus;
  verifiedAt: string | null;
  updatedAt: string;
  solutions: { id: string; title: string; role: string }[];
};

export async function getProviderForEdit(db: Db, id: string): Promise<ProviderEditDto | null> {
  const row = await db.provider.findUnique({
    where: { id },
    include: { solutions: { include: { solution: { select: { id: true, title: true } } } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    slug: row.slug,
    version: row.version,
    name: row.name,
    alternateName: row.alternateName,
    kind: row.kind,
    description: row.description,
    website: row.website,
    email: row.email,
    phone: row.phone,
    regions: row.regions,
    audiences: row.audiences,
    cost: row.cost,
    formats: row.formats,
    languages: row.languages,
    status: row.status,
    toVerify: row.toVerify,
    verifyNote: row.verifyNote,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
    solutions: row.solutions.map((link) => ({ id: link.solution.id, title: link.solution.title, role: link.role })),
  };
}

export async function saveProvider(
  db: Db,
  request: { id?: string; version?: number; input: ProviderInput; isVerify?: boolean },
  context: WriteContext,
): Promise<WriteOutcome<ProviderField>> {
  return withSlugRetry(() =>
    inTransaction<ProviderField>(db, async (tx) => {
      const { input } = request;
      const isVerify = request.isVerify ?? false;
      const before = request.id ? await loadEntrySnapshot(tx, 'Provider', request.id) : null;
      if (request.id && !before) return { ok: false, reason: 'not-found' };
      if (before && before.version !== request.version) await conflict(tx, 'Provider', request.id!, before);
      const fields = {
        name: input.name,
        alternateName: input.alternateName,
        kind: input.kind,
        description: input.description,
        website: input.website,
        email: input.email,
        phone: input.phone,
        regions: input.regions,
        audiences: input.audiences,
        cost: input.cost,
        formats: input.formats,
        languages: input.languages,
        status: input.status,
        ...verificationData(input, isVerify),
      };
      let id = request.id;
      if (id && before) {
        const updated = await tx.provider.updateMany({ where: { id, version: request.version }, data: { ...fields, version: { increment: 1 } } });
        if (updated.count === 0) await conflict(tx, 'Provider', id, (await loadEntrySnapshot(tx, 'Provider', id))!);
      } else {
        id = (await tx.provider.create({ data: { ...fields, slug: await uniqueSlug(tx, 'provider', input.name) }, select: { id: true } })).id;
      }
      const after = (await loadEntrySnapshot(tx, 'Provider', id))!;
      const verb = context.verb ?? verbOfSave(before, after, isVerify);
      await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb, entityType: 'Provider', entityId: id, before, after });
      return { ok: true, id, slug: after.slug, version: after.version, verb };
    }),
  );
}

/** The form's values shaped like a snapshot, for the conflict panel. */
export function previewProviderSnapshot(input: ProviderInput): Record<string, unknown> {
  return { ...input, regions: [...input.regions].sort(), audiences: [...input.audiences].sort(), formats: [...input.formats].sort() };
}
