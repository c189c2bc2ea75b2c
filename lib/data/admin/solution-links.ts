import 'server-only';
// A solution's links, as the one save path (lib/data/admin/entries.ts) writes them: the needs
// it answers (a need keeps its order: a link that stays keeps its position, a new one goes
// last) and its providers with their role. A need's snapshot lists its solutions, so the
// needs a save adds or removes are bumped and recorded; providers' snapshots have no links,
// and a solution's does not list its sub-solutions. The parent solution is checked here too.
import type { LinkHooks } from '@/lib/data/admin/entries';
import { changedIds, existingIds, WriteRefusal, type EntryKey } from '@/lib/data/admin/write';
import type { SolutionSnapshot } from '@/lib/history/snapshot';
import type { ProviderRole } from '@/lib/generated/prisma/enums';
import type { SolutionField, SolutionInput } from '@/lib/validation/solution';

type Resolved = { needIds: string[]; providers: SolutionInput['providers'] };

type NeedRow = { need: { id: string; title: string } };
type ProviderRow = { role: string; isRoleInferred: boolean; provider: { id: string; name: string } };

const byLabel = <T extends { label: string }>(items: T[]) => items.sort((a, b) => a.label.localeCompare(b.label, 'fr'));

export const solutionLinks: LinkHooks<SolutionInput, Resolved> = {
  async resolve(tx, solutionId, input) {
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
  },

  async touched(tx, id, resolved) {
    const current = id ? await tx.needSolution.findMany({ where: { solutionId: id }, select: { needId: true } }) : [];
    return changedIds(current.map((link) => link.needId), resolved.needIds).map((needId) => ({ entityType: 'Need' as const, id: needId }));
  },

  async write(tx, id, resolved) {
    const current = await tx.needSolution.findMany({ where: { solutionId: id }, select: { needId: true } });
    const removed = current.filter((link) => !resolved.needIds.includes(link.needId)).map((link) => link.needId);
    if (removed.length) await tx.needSolution.deleteMany({ where: { solutionId: id, needId: { in: removed } } });
    for (const needId of resolved.needIds.filter((needId) => !current.some((link) => link.needId === needId))) {
      const last = await tx.needSolution.aggregate({ where: { needId }, _max: { position: true } });
      await tx.needSolution.create({ data: { needId, solutionId: id, position: (last._max.position ?? 0) + 1 } });
    }
    await tx.solutionProvider.deleteMany({ where: { solutionId: id } });
    if (resolved.providers.length) {
      await tx.solutionProvider.createMany({
        data: resolved.providers.map((link) => ({ solutionId: id, providerId: link.id, role: link.role, isRoleInferred: link.isRoleInferred })),
      });
    }
  },

  async preview(db, input) {
    const [needs, providers] = await Promise.all([
      db.need.findMany({ where: { id: { in: input.needIds } }, select: { id: true, title: true } }),
      db.provider.findMany({ where: { id: { in: input.providers.map((link) => link.id) } }, select: { id: true, name: true } }),
    ]);
    return {
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
  },

  inputOf(snapshot) {
    const solution = snapshot as SolutionSnapshot;
    return {
      needIds: solution.needs.map((link) => link.id),
      addNeedSlugs: [],
      providers: solution.providers.map((link) => ({ id: link.id, role: link.role as ProviderRole, isRoleInferred: link.isRoleInferred === true })),
      addProviderSlugs: [],
    };
  },

  async plan(db, snapshot) {
    const solution = snapshot as SolutionSnapshot;
    const [needs, providers] = await Promise.all([
      existingIds(db, 'Need', solution.needs.map((link) => link.id)),
      existingIds(db, 'Provider', solution.providers.map((link) => link.id)),
    ]);
    return {
      skipped: [
        ...solution.needs.filter((link) => !needs.has(link.id)).map((link) => `le besoin « ${link.label} »`),
        ...solution.providers.filter((link) => !providers.has(link.id)).map((link) => `le fournisseur « ${link.label} »`),
      ],
      links: { needs: solution.needs.filter((link) => needs.has(link.id)), providers: solution.providers.filter((link) => providers.has(link.id)) },
    };
  },

  linkedKeys(snapshot) {
    const solution = snapshot as SolutionSnapshot;
    return [
      ...solution.needs.map((link): EntryKey => ({ entityType: 'Need', id: link.id })),
      ...solution.providers.map((link): EntryKey => ({ entityType: 'Provider', id: link.id })),
    ];
  },

  async insert(tx, id, snapshot) {
    const solution = snapshot as SolutionSnapshot;
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
  },

  edit: {
    select: {
      needs: { select: { need: { select: { id: true, title: true } } } },
      providers: { select: { role: true, isRoleInferred: true, provider: { select: { id: true, name: true } } } },
      children: { select: { id: true, title: true }, orderBy: { title: 'asc' } },
    },
    read: (row) => ({
      needs: (row.needs as NeedRow[]).map((link) => link.need).sort((a, b) => a.title.localeCompare(b.title, 'fr')),
      providers: (row.providers as ProviderRow[])
        .map((link) => ({ ...link.provider, role: link.role, isRoleInferred: link.isRoleInferred }))
        .sort((a, b) => a.name.localeCompare(b.name, 'fr')),
      children: row.children,
    }),
  },
};
