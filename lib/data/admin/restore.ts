import 'server-only';
// "Restaurer cette version": the snapshot kept after a past change is written back through
// the same concurrency-checked save as the forms, with the verb 'restore'. Links to entries
// deleted since cannot come back: they are skipped and listed. The slug stays as it is now
// (public links keep working) and so does the verification date (a restore is not a check).
import type { Audience, Availability, CostOption, HelpKind, InferredField, NeedKind, ProviderKind, ProviderRole, Region, ServiceFormat } from '@/lib/generated/prisma/enums';
import {
  entryAuditAction,
  loadEntrySnapshot,
  recordEntryChange,
  type EntrySnapshot,
  type EntryType,
  type NeedSnapshot,
  type ProviderSnapshot,
  type SolutionSnapshot,
  type ThemeSnapshot,
} from '@/lib/history/snapshot';
import { getHistoryRecord, isRestorable } from '@/lib/data/admin/history';
import { saveNeed } from '@/lib/data/admin/needs';
import { saveProvider } from '@/lib/data/admin/providers';
import { saveSolution } from '@/lib/data/admin/solutions';
import { saveTheme } from '@/lib/data/admin/themes';
import {
  delegateOf,
  inTransaction,
  uniqueSlug,
  watchLinkedEntries,
  withSlugRetry,
  type Db,
  type EntryKey,
  type Tx,
  type WriteContext,
  type WriteOutcome,
} from '@/lib/data/admin/write';
import type { ProviderInput } from '@/lib/validation/provider';

export type RestorePlan = { snapshot: EntrySnapshot; skipped: string[] };

async function existing(db: Db, entityType: EntryType, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await delegateOf(db, entityType).findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } });
  return new Set(rows.map((row) => row.id));
}

/**
 * Which state of a record to restore: the version it saved ('after'), or the one it replaced
 * ('before'), which is how the first version of an entry that predates the history (the
 * 2023 inventory) is brought back.
 */
export type RestoreSide = 'after' | 'before';

/** What restoring a record would write, and which links can no longer be restored. */
export async function planRestore(db: Db, entityType: EntryType, entityId: string, recordId: string, side: RestoreSide = 'after'): Promise<RestorePlan | null> {
  const record = await getHistoryRecord(db, entityType, entityId, recordId);
  if (!record) return null;
  if (side === 'after' && !isRestorable(record, entityType)) return null;
  const snapshot = side === 'after' ? record.after : record.before;
  if (!snapshot) return null;
  const skipped: string[] = [];
  if (entityType === 'Need') {
    const need = snapshot as NeedSnapshot;
    const [solutions, needs, themes] = await Promise.all([
      existing(db, 'Solution', need.solutions.map((link) => link.id)),
      existing(db, 'Need', need.links.map((link) => link.id)),
      existing(db, 'Theme', need.theme ? [need.theme.id] : []),
    ]);
    for (const link of need.solutions) if (!solutions.has(link.id)) skipped.push(`la solution « ${link.label} »`);
    for (const link of need.links) if (!needs.has(link.id)) skipped.push(`le besoin lié « ${link.label} »`);
    if (need.theme && !themes.has(need.theme.id)) skipped.push(`le thème « ${need.theme.label} »`);
    return {
      skipped,
      snapshot: {
        ...need,
        theme: need.theme && themes.has(need.theme.id) ? need.theme : null,
        solutions: need.solutions.filter((link) => solutions.has(link.id)),
        links: need.links.filter((link) => needs.has(link.id) && link.id !== entityId),
      },
    };
  }
  if (entityType === 'Solution') {
    const solution = snapshot as SolutionSnapshot;
    const [needs, providers, parents] = await Promise.all([
      existing(db, 'Need', solution.needs.map((link) => link.id)),
      existing(db, 'Provider', solution.providers.map((link) => link.id)),
      existing(db, 'Solution', solution.parent ? [solution.parent.id] : []),
    ]);
    for (const link of solution.needs) if (!needs.has(link.id)) skipped.push(`le besoin « ${link.label} »`);
    for (const link of solution.providers) if (!providers.has(link.id)) skipped.push(`le fournisseur « ${link.label} »`);
    if (solution.parent && !parents.has(solution.parent.id)) skipped.push(`la solution parente « ${solution.parent.label} »`);
    return {
      skipped,
      snapshot: {
        ...solution,
        parent: solution.parent && parents.has(solution.parent.id) && solution.parent.id !== entityId ? solution.parent : null,
        needs: solution.needs.filter((link) => needs.has(link.id)),
        providers: solution.providers.filter((link) => providers.has(link.id)),
      },
    };
  }
  return { snapshot, skipped };
}

export async function restoreEntry(
  db: Db,
  entityType: EntryType,
  entityId: string,
  recordId: string,
  version: number,
  context: WriteContext,
  side: RestoreSide = 'after',
): Promise<WriteOutcome> {
  const plan = await planRestore(db, entityType, entityId, recordId, side);
  if (!plan) return { ok: false, reason: 'not-found' };
  const restoreContext = { ...context, verb: 'restore' as const };
  const common = { id: entityId, version };
  let outcome: WriteOutcome<string>;
  switch (entityType) {
    case 'Need': {
      const need = plan.snapshot as NeedSnapshot;
      outcome = await saveNeed(
        db,
        {
          ...common,
          input: {
            title: need.title,
            kind: need.kind as 'NEED' | 'ISSUE',
            description: need.description,
            note: need.note,
            themeId: need.theme?.id ?? null,
            position: need.position,
            status: need.status as 'DRAFT' | 'PUBLISHED' | 'ARCHIVED',
            toVerify: need.toVerify,
            verifyNote: need.verifyNote,
            solutions: need.solutions.map((link) => ({ id: link.id, position: link.position })),
            addSolutionSlugs: [],
            links: need.links.map((link) => ({ id: link.id, note: link.note })),
            addLinkSlugs: [],
          },
        },
        restoreContext,
      );
      break;
    }
    case 'Solution': {
      const solution = plan.snapshot as SolutionSnapshot;
      outcome = await saveSolution(
        db,
        {
          ...common,
          input: {
            title: solution.title,
            description: solution.description,
            availability: solution.availability as Availability,
            kinds: solution.kinds as never,
            cost: solution.cost as never,
            inferredFields: (solution.inferredFields ?? []) as never,
            parentId: solution.parent?.id ?? null,
            status: solution.status as 'DRAFT' | 'PUBLISHED' | 'ARCHIVED',
            toVerify: solution.toVerify,
            verifyNote: solution.verifyNote,
            needIds: solution.needs.map((link) => link.id),
            addNeedSlugs: [],
            providers: solution.providers.map((link) => ({ id: link.id, role: link.role as ProviderRole, isRoleInferred: link.isRoleInferred === true })),
            addProviderSlugs: [],
          },
        },
        restoreContext,
      );
      break;
    }
    case 'Provider': {
      const provider = plan.snapshot as ProviderSnapshot;
      const input: ProviderInput = {
        name: provider.name,
        alternateName: provider.alternateName,
        kind: provider.kind as ProviderInput['kind'],
        description: provider.description,
        website: provider.website,
        email: provider.email,
        phone: provider.phone,
        regions: provider.regions as ProviderInput['regions'],
        audiences: provider.audiences as ProviderInput['audiences'],
        cost: provider.cost as ProviderInput['cost'],
        formats: provider.formats as ProviderInput['formats'],
        languages: provider.languages,
        status: provider.status as ProviderInput['status'],
        toVerify: provider.toVerify,
        verifyNote: provider.verifyNote,
      };
      outcome = await saveProvider(db, { ...common, input }, restoreContext);
      break;
    }
    case 'Theme': {
      const theme = plan.snapshot as ThemeSnapshot;
      outcome = await saveTheme(
        db,
        { ...common, input: { name: theme.name, description: theme.description, position: theme.position, status: theme.status as 'DRAFT' | 'PUBLISHED' | 'ARCHIVED' } },
        restoreContext,
      );
      break;
    }
  }
  return outcome.ok ? { ...outcome, skipped: plan.skipped } : (outcome as WriteOutcome);
}

// ---------------------------------------------------------------------------------------
// "Recréer cette fiche": a DELETED entry is written back from a snapshot of its history (the
// deletion's "before", or any earlier version's "after"). Same id, so that its history goes
// on where it stopped; as a DRAFT, so that nothing comes back to the public site unreviewed;
// version one past the last recorded one, so that versions keep rising. Links to entries that
// still exist come back (planRestore above filters them); the entries on their other side are
// bumped and recorded like for any link change (watchLinkedEntries).

export type RecreateOutcome = WriteOutcome | { ok: false; reason: 'exists' };

/** The newest deletion record of the entry, for « Cette fiche a été supprimée le … par … ». */
export async function findDeletion(db: Db, entityType: EntryType, entityId: string) {
  return db.auditLog.findFirst({
    where: { entityType, entityId, action: entryAuditAction(entityType, 'delete') },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, createdAt: true, actor: { select: { name: true } } },
  });
}

/** True when the entry's row exists now. */
export async function entryExists(db: Pick<Db, 'need' | 'solution' | 'provider' | 'theme'>, entityType: EntryType, id: string): Promise<boolean> {
  const rows = await delegateOf(db, entityType).findMany({ where: { id: { in: [id] } }, select: { id: true, slug: true } });
  return rows.length > 0;
}

/** The highest version any record of the entry mentions (before or after). */
async function lastRecordedVersion(tx: Tx, entityType: EntryType, entityId: string): Promise<number> {
  const rows = await tx.auditLog.findMany({ where: { entityType, entityId, action: { startsWith: `${entityType.toLowerCase()}.` } }, select: { before: true, after: true } });
  let last = 0;
  for (const row of rows) {
    for (const snapshot of [row.before, row.after] as unknown[]) {
      const version = (snapshot as { version?: unknown } | null)?.version;
      if (typeof version === 'number' && version > last) last = version;
    }
  }
  return last;
}

/** The entries on the other side of the links the recreated entry gets back. */
function linkedKeys(entityType: EntryType, snapshot: EntrySnapshot): EntryKey[] {
  if (entityType === 'Need') {
    const need = snapshot as NeedSnapshot;
    return [
      ...need.solutions.map((link) => ({ entityType: 'Solution' as const, id: link.id })),
      ...need.links.map((link) => ({ entityType: 'Need' as const, id: link.id })),
      ...(need.theme ? [{ entityType: 'Theme' as const, id: need.theme.id }] : []),
    ];
  }
  if (entityType === 'Solution') {
    const solution = snapshot as SolutionSnapshot;
    return [
      ...solution.needs.map((link) => ({ entityType: 'Need' as const, id: link.id })),
      ...solution.providers.map((link) => ({ entityType: 'Provider' as const, id: link.id })),
      ...(solution.parent ? [{ entityType: 'Solution' as const, id: solution.parent.id }] : []),
    ];
  }
  return [];
}

const dateOrNull = (value: string | null) => (value ? new Date(value) : null);

async function insertEntry(tx: Tx, entityType: EntryType, id: string, snapshot: EntrySnapshot, slug: string, version: number): Promise<void> {
  const common = { id, slug, version, status: 'DRAFT' as const };
  switch (entityType) {
    case 'Need': {
      const need = snapshot as NeedSnapshot;
      await tx.need.create({
        data: {
          ...common, kind: need.kind as NeedKind, title: need.title, description: need.description, note: need.note, position: need.position,
          themeId: need.theme?.id ?? null, verifiedAt: dateOrNull(need.verifiedAt), toVerify: need.toVerify, verifyNote: need.verifyNote,
        },
        select: { id: true },
      });
      if (need.solutions.length) await tx.needSolution.createMany({ data: need.solutions.map((link) => ({ needId: id, solutionId: link.id, position: link.position })) });
      if (need.links.length) await tx.needLink.createMany({ data: need.links.map((link) => ({ fromId: id, toId: link.id, note: link.note })) });
      return;
    }
    case 'Solution': {
      const solution = snapshot as SolutionSnapshot;
      await tx.solution.create({
        data: {
          ...common, title: solution.title, description: solution.description, availability: solution.availability as Availability,
          kinds: solution.kinds as HelpKind[], cost: solution.cost as CostOption, parentId: solution.parent?.id ?? null,
          inferredFields: (solution.inferredFields ?? []) as InferredField[],
          verifiedAt: dateOrNull(solution.verifiedAt), toVerify: solution.toVerify, verifyNote: solution.verifyNote,
        },
        select: { id: true },
      });
      // A need's order of its solutions: the recreated one goes last, where a new link would.
      for (const link of solution.needs) {
        const last = await tx.needSolution.aggregate({ where: { needId: link.id }, _max: { position: true } });
        await tx.needSolution.create({ data: { needId: link.id, solutionId: id, position: (last._max.position ?? 0) + 10 } });
      }
      if (solution.providers.length) {
        await tx.solutionProvider.createMany({
          data: solution.providers.map((link) => ({ solutionId: id, providerId: link.id, role: link.role as ProviderRole, isRoleInferred: link.isRoleInferred === true })),
        });
      }
      return;
    }
    case 'Provider': {
      const provider = snapshot as ProviderSnapshot;
      await tx.provider.create({
        data: {
          ...common, name: provider.name, alternateName: provider.alternateName, kind: provider.kind as ProviderKind, description: provider.description,
          website: provider.website, email: provider.email, phone: provider.phone, regions: provider.regions as Region[], audiences: provider.audiences as Audience[],
          cost: provider.cost as CostOption, formats: provider.formats as ServiceFormat[], languages: provider.languages,
          verifiedAt: dateOrNull(provider.verifiedAt), toVerify: provider.toVerify, verifyNote: provider.verifyNote,
        },
        select: { id: true },
      });
      return;
    }
    case 'Theme': {
      const theme = snapshot as ThemeSnapshot;
      await tx.theme.create({ data: { ...common, name: theme.name, description: theme.description, position: theme.position }, select: { id: true } });
      return;
    }
  }
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === 'P2002';

/**
 * Recreates a deleted entry from one of its history records (`side` as for planRestore).
 * Refused with 'exists' when the row is there (never deleted, or recreated already).
 */
export async function recreateEntry(
  db: Db,
  entityType: EntryType,
  entityId: string,
  recordId: string,
  side: RestoreSide,
  context: WriteContext,
): Promise<RecreateOutcome> {
  if (await entryExists(db, entityType, entityId)) return { ok: false, reason: 'exists' };
  const plan = await planRestore(db, entityType, entityId, recordId, side);
  if (!plan) return { ok: false, reason: 'not-found' };
  const table = TABLE_OF_TYPE[entityType];
  const run = () =>
    inTransaction(db, async (tx) => {
      // Checked again inside: a second click, or another member, may have been quicker.
      if (await entryExists(tx, entityType, entityId)) throw new RecreateExists();
      const snapshot = plan.snapshot;
      const taken = await delegateOf(tx, entityType).findMany({ where: { slug: snapshot.slug }, select: { id: true, slug: true } });
      const slug = taken.length === 0 ? snapshot.slug : await uniqueSlug(tx, table, 'title' in snapshot ? snapshot.title : snapshot.name);
      const version = (await lastRecordedVersion(tx, entityType, entityId)) + 1;
      const linked = await watchLinkedEntries(tx, linkedKeys(entityType, snapshot), context);
      await insertEntry(tx, entityType, entityId, snapshot, slug, version);
      const after = (await loadEntrySnapshot(tx, entityType, entityId))!;
      await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb: 'restore', entityType, entityId, before: null, after });
      await linked.record();
      return { ok: true as const, id: entityId, slug, version, verb: 'restore' as const, skipped: plan.skipped };
    });
  try {
    return await withSlugRetry(run);
  } catch (error) {
    if (error instanceof RecreateExists) return { ok: false, reason: 'exists' };
    // Two recreations at once: the second one's insert meets the first one's id.
    if (isUniqueViolation(error) && (await entryExists(db, entityType, entityId))) return { ok: false, reason: 'exists' };
    throw error;
  }
}

class RecreateExists extends Error {}

const TABLE_OF_TYPE = { Need: 'need', Solution: 'solution', Provider: 'provider', Theme: 'theme' } as const;
