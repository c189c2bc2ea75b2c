import 'server-only';
// "Restaurer cette version": the snapshot kept after a past change is written back through
// the same concurrency-checked save as the forms, with the verb 'restore'. Links to entries
// deleted since cannot come back: they are skipped and listed. The slug stays as it is now
// (public links keep working) and so does the verification date (a restore is not a check).
import type { EntrySnapshot, EntryType, NeedSnapshot, ProviderSnapshot, SolutionSnapshot, ThemeSnapshot } from '@/lib/history/snapshot';
import { getHistoryRecord, isRestorable } from '@/lib/data/admin/history';
import { saveNeed } from '@/lib/data/admin/needs';
import { saveProvider } from '@/lib/data/admin/providers';
import { saveSolution } from '@/lib/data/admin/solutions';
import { saveTheme } from '@/lib/data/admin/themes';
import { delegateOf, type Db, type WriteContext, type WriteOutcome } from '@/lib/data/admin/write';
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
            availability: solution.availability as 'EXISTING' | 'PROPOSED',
            kinds: solution.kinds as never,
            cost: solution.cost as never,
            parentId: solution.parent?.id ?? null,
            status: solution.status as 'DRAFT' | 'PUBLISHED' | 'ARCHIVED',
            toVerify: solution.toVerify,
            verifyNote: solution.verifyNote,
            needIds: solution.needs.map((link) => link.id),
            addNeedSlugs: [],
            providers: solution.providers.map((link) => ({ id: link.id, role: link.role as 'OFFERS' | 'FUNDS' | 'PARTNERS' })),
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
