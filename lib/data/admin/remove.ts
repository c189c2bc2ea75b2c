import 'server-only';
// Archiving and deleting an entry. The confirmation page first lists what the entry is
// linked to (getEntryImpact), so that nobody removes a solution without seeing the needs
// that lose it. Both go through the version check and the history like every other write.
import { loadEntrySnapshot, recordEntryChange, type EntryType } from '@/lib/history/snapshot';
import { conflict, delegateOf, inTransaction, watchLinkedEntries, type Db, type EntryKey, type Tx, type WriteContext, type WriteOutcome } from '@/lib/data/admin/write';

export type ImpactGroup = { label: string; items: { id: string; title: string; path: string }[] };

export async function getEntryImpact(db: Db, entityType: EntryType, id: string): Promise<ImpactGroup[]> {
  switch (entityType) {
    case 'Need': {
      const row = await db.need.findUnique({
        where: { id },
        select: {
          solutions: { select: { solution: { select: { id: true, title: true } } } },
          linksFrom: { select: { to: { select: { id: true, title: true } } } },
          linksTo: { select: { from: { select: { id: true, title: true } } } },
        },
      });
      if (!row) return [];
      return [
        { label: 'Solutions liées à ce besoin (elles restent dans le répertoire, sans ce lien)', items: row.solutions.map(({ solution }) => ({ id: solution.id, title: solution.title, path: `/admin/solutions/${solution.id}` })) },
        {
          label: 'Besoins liés (« Lié à… »)',
          items: [...row.linksFrom.map(({ to }) => to), ...row.linksTo.map(({ from }) => from)].map((need) => ({ id: need.id, title: need.title, path: `/admin/besoins/${need.id}` })),
        },
      ].filter((group) => group.items.length > 0);
    }
    case 'Solution': {
      const row = await db.solution.findUnique({
        where: { id },
        select: {
          needs: { select: { need: { select: { id: true, title: true } } } },
          providers: { select: { provider: { select: { id: true, name: true } } } },
          children: { select: { id: true, title: true } },
        },
      });
      if (!row) return [];
      return [
        { label: 'Besoins qui perdront cette solution', items: row.needs.map(({ need }) => ({ id: need.id, title: need.title, path: `/admin/besoins/${need.id}` })) },
        { label: 'Fournisseurs liés (ils restent dans le répertoire)', items: row.providers.map(({ provider }) => ({ id: provider.id, title: provider.name, path: `/admin/fournisseurs/${provider.id}` })) },
        { label: 'Sous-solutions (elles deviendront des solutions de premier niveau)', items: row.children.map((child) => ({ id: child.id, title: child.title, path: `/admin/solutions/${child.id}` })) },
      ].filter((group) => group.items.length > 0);
    }
    case 'Provider': {
      const row = await db.provider.findUnique({ where: { id }, select: { solutions: { select: { solution: { select: { id: true, title: true } } } } } });
      if (!row) return [];
      const items = row.solutions.map(({ solution }) => ({ id: solution.id, title: solution.title, path: `/admin/solutions/${solution.id}` }));
      return items.length ? [{ label: 'Solutions qui perdront ce fournisseur', items: [...new Map(items.map((item) => [item.id, item])).values()] }] : [];
    }
    case 'Theme': {
      const row = await db.theme.findUnique({ where: { id }, select: { needs: { select: { id: true, title: true } } } });
      if (!row) return [];
      return row.needs.length ? [{ label: 'Besoins classés sous ce thème (ils resteront sans thème)', items: row.needs.map((need) => ({ ...need, path: `/admin/besoins/${need.id}` })) }] : [];
    }
  }
}

/**
 * The entries whose snapshot a deletion changes through the database's cascades: needs and
 * solutions lose the link, needs lose their theme, sub-solutions their parent, needs their
 * "Lié à…" link to a deleted need.
 */
async function entriesChangedByDeletion(tx: Tx, entityType: EntryType, id: string): Promise<EntryKey[]> {
  const needs = (rows: { id: string }[]) => rows.map((row) => ({ entityType: 'Need' as const, id: row.id }));
  const solutions = (rows: { id: string }[]) => rows.map((row) => ({ entityType: 'Solution' as const, id: row.id }));
  switch (entityType) {
    case 'Need': {
      const [linkedSolutions, linkingNeeds] = await Promise.all([
        tx.needSolution.findMany({ where: { needId: id }, select: { solutionId: true } }),
        tx.needLink.findMany({ where: { toId: id }, select: { fromId: true } }),
      ]);
      return [...solutions(linkedSolutions.map((link) => ({ id: link.solutionId }))), ...needs(linkingNeeds.map((link) => ({ id: link.fromId })))];
    }
    case 'Solution': {
      const [linkedNeeds, children] = await Promise.all([
        tx.needSolution.findMany({ where: { solutionId: id }, select: { needId: true } }),
        tx.solution.findMany({ where: { parentId: id }, select: { id: true } }),
      ]);
      return [...needs(linkedNeeds.map((link) => ({ id: link.needId }))), ...solutions(children)];
    }
    case 'Provider':
      return solutions((await tx.solutionProvider.findMany({ where: { providerId: id }, select: { solutionId: true } })).map((link) => ({ id: link.solutionId })));
    case 'Theme':
      return needs(await tx.need.findMany({ where: { themeId: id }, select: { id: true } }));
  }
}

/**
 * Archive (kept, off the public site) or delete (gone; its history stays in the audit log).
 * A deletion also records, and bumps the version of, every entry it changes (see above), so
 * that their history says so and a form open on them is refused rather than undoing it.
 */
export async function removeEntry(db: Db, entityType: EntryType, id: string, version: number, mode: 'archive' | 'delete', context: WriteContext): Promise<WriteOutcome> {
  return inTransaction(db, async (tx) => {
    const before = await loadEntrySnapshot(tx, entityType, id);
    if (!before) return { ok: false, reason: 'not-found' };
    if (before.version !== version) await conflict(tx, entityType, id, before);
    const table = delegateOf(tx, entityType);
    const linked = mode === 'delete' ? await watchLinkedEntries(tx, await entriesChangedByDeletion(tx, entityType, id), context) : null;
    const { count } =
      mode === 'archive'
        ? await table.updateMany({ where: { id, version }, data: { status: 'ARCHIVED', version: { increment: 1 } } })
        : await table.deleteMany({ where: { id, version } });
    if (count === 0) await conflict(tx, entityType, id, (await loadEntrySnapshot(tx, entityType, id))!);
    const after = mode === 'archive' ? await loadEntrySnapshot(tx, entityType, id) : null;
    await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb: mode, entityType, entityId: id, before, after });
    await linked?.record();
    return { ok: true, id, slug: before.slug, version: after?.version ?? version, verb: mode };
  });
}
