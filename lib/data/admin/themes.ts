import 'server-only';
// Themes in the admin area; writes follow lib/data/admin/write.ts.
import type { EntryStatus } from '@/lib/generated/prisma/enums';
import { loadEntrySnapshot, recordEntryChange } from '@/lib/history/snapshot';
import type { ThemeField, ThemeInput } from '@/lib/validation/theme';
import { listFilterWhere, pageOf, type AdminListFilter, type AdminListPage } from '@/lib/data/admin/lists';
import { conflict, inTransaction, uniqueSlug, verbOfSave, withSlugRetry, type Db, type WriteContext, type WriteOutcome } from '@/lib/data/admin/write';

export async function listAdminThemes(db: Db, filter: AdminListFilter): Promise<AdminListPage> {
  const where = listFilterWhere({ ...filter, toVerify: false }, ['name', 'description', 'slug']);
  const [total, rows] = await Promise.all([
    db.theme.count({ where }),
    db.theme.findMany({ where, orderBy: [{ position: 'asc' }, { name: 'asc' }], ...pageOf(filter), include: { _count: { select: { needs: true } } } }),
  ]);
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.name,
      detail: `${row._count.needs} ${row._count.needs > 1 ? 'besoins' : 'besoin'}`,
      status: row.status,
      verifiedAt: null,
      toVerify: false,
      updatedAt: row.updatedAt.toISOString(),
      version: row.version,
      position: row.position,
    })),
  };
}

export type ThemeEditDto = { id: string; slug: string; version: number; name: string; description: string; position: number; status: EntryStatus; updatedAt: string };

export async function getThemeForEdit(db: Db, id: string): Promise<ThemeEditDto | null> {
  const row = await db.theme.findUnique({ where: { id } });
  return row && { id: row.id, slug: row.slug, version: row.version, name: row.name, description: row.description, position: row.position, status: row.status, updatedAt: row.updatedAt.toISOString() };
}

export async function saveTheme(db: Db, request: { id?: string; version?: number; input: ThemeInput }, context: WriteContext): Promise<WriteOutcome<ThemeField>> {
  return withSlugRetry(() =>
    inTransaction<ThemeField>(db, async (tx) => {
      const { input } = request;
      const before = request.id ? await loadEntrySnapshot(tx, 'Theme', request.id) : null;
      if (request.id && !before) return { ok: false, reason: 'not-found' };
      if (before && before.version !== request.version) await conflict(tx, 'Theme', request.id!, before);
      const fields = { name: input.name, description: input.description, status: input.status };
      let id = request.id;
      if (id && before) {
        const updated = await tx.theme.updateMany({
          where: { id, version: request.version },
          data: { ...fields, ...(input.position !== null ? { position: input.position } : {}), version: { increment: 1 } },
        });
        if (updated.count === 0) await conflict(tx, 'Theme', id, (await loadEntrySnapshot(tx, 'Theme', id))!);
      } else {
        const last = await tx.theme.aggregate({ _max: { position: true } });
        id = (
          await tx.theme.create({
            data: { ...fields, slug: await uniqueSlug(tx, 'theme', input.name), position: input.position ?? (last._max.position ?? 0) + 1 },
            select: { id: true },
          })
        ).id;
      }
      const after = (await loadEntrySnapshot(tx, 'Theme', id))!;
      const verb = context.verb ?? verbOfSave(before, after, false);
      await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb, entityType: 'Theme', entityId: id, before, after });
      return { ok: true, id, slug: after.slug, version: after.version, verb };
    }),
  );
}
