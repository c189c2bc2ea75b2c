// Members' writes and reads of the synonym groups (/admin/recherche): each change checked
// (schema, then lib/synonyms/check.ts), saved with its AuditLog record in one transaction, and
// refused when someone saved the group meanwhile (version). The caller (lib/actions/synonyms.ts)
// authorizes and calls updateTag(SYNONYMS_TAG) after a change.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { recordAudit, type AuditActor } from '@/lib/security/audit';
import { checkSynonymGroup } from '@/lib/synonyms/check';
import type { SynonymGroupField, SynonymGroupInput } from '@/lib/synonyms/schema';

type Db = PrismaClient;

export const SYNONYM_ENTITY = 'SynonymGroup';
export const SYNONYM_AUDIT_ACTIONS = { create: 'synonym-group.create', update: 'synonym-group.update', delete: 'synonym-group.delete' } as const;
export const SYNONYM_GROUPS_PAGE_SIZE = 50;

export type SynonymGroupDto = { id: string; terms: string[]; oneWay: boolean; expandsTo: string[]; note: string; version: number; updatedAt: string };

const SELECT = { id: true, terms: true, oneWay: true, expandsTo: true, note: true, version: true, updatedAt: true } as const;

const toDto = (row: { id: string; terms: string[]; oneWay: boolean; expandsTo: string[]; note: string; version: number; updatedAt: Date }): SynonymGroupDto => ({
  ...row,
  updatedAt: row.updatedAt.toISOString(),
});

const snapshot = (group: Pick<SynonymGroupDto, 'terms' | 'oneWay' | 'expandsTo' | 'note'>): Prisma.InputJsonValue => ({
  terms: group.terms,
  oneWay: group.oneWay,
  expandsTo: group.expandsTo,
  note: group.note,
});

/** Groups holding `filter` in a term or a target (accents and case ignored), A–Z by first term. */
export async function listSynonymGroups(db: Db, { filter = '', page = 1 }: { filter?: string; page?: number } = {}) {
  const needle = filter.trim();
  const ids = needle
    ? (
        await db.$queryRaw<{ id: string }[]>`
          SELECT id FROM "SynonymGroup"
          WHERE immutable_unaccent(lower(array_to_string("terms" || "expandsTo", ' '))) LIKE '%' || immutable_unaccent(lower(${needle})) || '%'`
      ).map((row) => row.id)
    : null;
  const where = ids ? { id: { in: ids } } : {};
  const [total, rows] = await Promise.all([
    db.synonymGroup.count({ where }),
    db.$queryRaw<{ id: string }[]>`
      SELECT id FROM "SynonymGroup"
      WHERE ${ids === null} OR id = ANY(${ids ?? []}::text[])
      ORDER BY lower("terms"[1]), id
      LIMIT ${SYNONYM_GROUPS_PAGE_SIZE} OFFSET ${(Math.max(1, page) - 1) * SYNONYM_GROUPS_PAGE_SIZE}`,
  ]);
  const found = await db.synonymGroup.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: SELECT });
  const byId = new Map(found.map((row) => [row.id, toDto(row)]));
  return { total, groups: rows.flatMap((row) => byId.get(row.id) ?? []) };
}

export async function getSynonymGroup(db: Db, id: string): Promise<SynonymGroupDto | null> {
  const row = await db.synonymGroup.findUnique({ where: { id }, select: SELECT });
  return row ? toDto(row) : null;
}

export type SynonymHistoryEntry = {
  id: string;
  action: string;
  createdAt: string;
  actorName: string | null;
  before: SynonymGroupInput | null;
  after: SynonymGroupInput | null;
};

/** The group's changes, newest first, from AuditLog. */
export async function listSynonymGroupHistory(db: Db, id: string): Promise<SynonymHistoryEntry[]> {
  const rows = await db.auditLog.findMany({
    where: { entityType: SYNONYM_ENTITY, entityId: id },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, action: true, createdAt: true, before: true, after: true, actor: { select: { name: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    action: row.action,
    createdAt: row.createdAt.toISOString(),
    actorName: row.actor?.name ?? null,
    before: (row.before as SynonymGroupInput | null) ?? null,
    after: (row.after as SynonymGroupInput | null) ?? null,
  }));
}

export type SynonymSaveResult =
  | { ok: true; id: string }
  | { ok: false; errors?: Partial<Record<SynonymGroupField, string[]>>; message: string; conflict?: boolean };

const CHECK_MESSAGE = 'le groupe n’a pas été enregistré. Corrigez les champs indiqués.';

/** Creates a group (id null) or replaces one at `version`. */
export async function saveSynonymGroup(
  db: Db,
  input: { id: string | null; version: number | null; group: SynonymGroupInput },
  actor: AuditActor,
): Promise<SynonymSaveResult> {
  const errors = await checkSynonymGroup(db, input.group, input.id);
  if (Object.keys(errors).length > 0) return { ok: false, errors, message: CHECK_MESSAGE };
  const data = { terms: input.group.terms, oneWay: input.group.oneWay, expandsTo: input.group.expandsTo, note: input.group.note };
  return db.$transaction(async (tx) => {
    if (!input.id) {
      const created = await tx.synonymGroup.create({ data, select: { id: true } });
      await recordAudit(tx, { ...actor, action: SYNONYM_AUDIT_ACTIONS.create, entityType: SYNONYM_ENTITY, entityId: created.id, after: snapshot(data) });
      return { ok: true, id: created.id } as const;
    }
    const before = await tx.synonymGroup.findUnique({ where: { id: input.id }, select: SELECT });
    if (!before) return { ok: false, message: 'ce groupe n’existe plus : quelqu’un l’a supprimé.' } as const;
    const { count } = await tx.synonymGroup.updateMany({ where: { id: input.id, version: input.version ?? -1 }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) {
      return { ok: false, conflict: true, message: 'quelqu’un a modifié ce groupe pendant que vous l’aviez ouvert. Rechargez la page pour voir sa version, puis refaites vos changements.' } as const;
    }
    await recordAudit(tx, { ...actor, action: SYNONYM_AUDIT_ACTIONS.update, entityType: SYNONYM_ENTITY, entityId: input.id, before: snapshot(before), after: snapshot(data) });
    return { ok: true, id: input.id } as const;
  });
}

/** Deletes the group at `version`; false when it changed or went meanwhile. */
export async function deleteSynonymGroup(db: Db, input: { id: string; version: number }, actor: AuditActor): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const before = await tx.synonymGroup.findUnique({ where: { id: input.id }, select: SELECT });
    if (!before) return false;
    const { count } = await tx.synonymGroup.deleteMany({ where: { id: input.id, version: input.version } });
    if (count === 0) return false;
    await recordAudit(tx, { ...actor, action: SYNONYM_AUDIT_ACTIONS.delete, entityType: SYNONYM_ENTITY, entityId: input.id, before: snapshot(before) });
    return true;
  });
}
