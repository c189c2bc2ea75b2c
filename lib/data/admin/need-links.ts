import 'server-only';
// A need's links, as the one save path (lib/data/admin/entries.ts) writes them: the solutions
// that answer it, in the need's order, and the needs it says it is « lié à », with a note.
// A solution's snapshot lists its needs, so a need's save bumps and records the solutions it
// gains or loses; links to other needs are outgoing only (their snapshots do not change).
import type { LinkHooks } from '@/lib/data/admin/entries';
import { changedIds, existingIds, WriteRefusal, type EntryKey, type Tx } from '@/lib/data/admin/write';
import type { NeedSnapshot } from '@/lib/history/snapshot';
import type { NeedField, NeedInput } from '@/lib/validation/need';

type Resolved = { solutions: { id: string; position: number }[]; links: { id: string; note: string }[] };

/** Links after resolving typed slugs and checking that every id (and the theme) still exists. */
async function resolve(tx: Tx, needId: string | null, input: NeedInput): Promise<Resolved> {
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

type SolutionLinkRow = { position: number; solution: { id: string; title: string; slug: string; status: string } };
type NeedLinkRow = { note: string; to: { id: string; title: string; slug: string } };

export const needLinks: LinkHooks<NeedInput, Resolved> = {
  resolve,

  async touched(_tx, _id, resolved, before) {
    const previous = (before as NeedSnapshot | null)?.solutions.map((link) => link.id) ?? [];
    return changedIds(previous, resolved.solutions.map((link) => link.id)).map((id) => ({ entityType: 'Solution' as const, id }));
  },

  async write(tx, id, resolved) {
    await tx.needSolution.deleteMany({ where: { needId: id } });
    if (resolved.solutions.length) await tx.needSolution.createMany({ data: resolved.solutions.map((link) => ({ needId: id, solutionId: link.id, position: link.position })) });
    await tx.needLink.deleteMany({ where: { fromId: id } });
    if (resolved.links.length) await tx.needLink.createMany({ data: resolved.links.map((link) => ({ fromId: id, toId: link.id, note: link.note })) });
  },

  async preview(db, input) {
    const [solutions, needs] = await Promise.all([
      db.solution.findMany({ where: { OR: [{ id: { in: input.solutions.map((link) => link.id) } }, { slug: { in: input.addSolutionSlugs } }] }, select: { id: true, title: true, slug: true } }),
      db.need.findMany({ where: { OR: [{ id: { in: input.links.map((link) => link.id) } }, { slug: { in: input.addLinkSlugs } }] }, select: { id: true, title: true } }),
    ]);
    const title = (id: string) => solutions.find((row) => row.id === id)?.title ?? id;
    return {
      solutions: [...input.solutions].sort((a, b) => a.position - b.position).map((link) => ({ id: link.id, label: title(link.id), position: link.position })),
      links: input.links.map((link) => ({ id: link.id, label: needs.find((row) => row.id === link.id)?.title ?? link.id, note: link.note })),
    };
  },

  inputOf(snapshot) {
    const need = snapshot as NeedSnapshot;
    return {
      solutions: need.solutions.map((link) => ({ id: link.id, position: link.position })),
      addSolutionSlugs: [],
      links: need.links.map((link) => ({ id: link.id, note: link.note })),
      addLinkSlugs: [],
    };
  },

  async plan(db, snapshot, entityId) {
    const need = snapshot as NeedSnapshot;
    const [solutions, needs] = await Promise.all([
      existingIds(db, 'Solution', need.solutions.map((link) => link.id)),
      existingIds(db, 'Need', need.links.map((link) => link.id)),
    ]);
    const skipped = [
      ...need.solutions.filter((link) => !solutions.has(link.id)).map((link) => `la solution « ${link.label} »`),
      ...need.links.filter((link) => !needs.has(link.id)).map((link) => `le besoin lié « ${link.label} »`),
    ];
    return {
      skipped,
      links: {
        solutions: need.solutions.filter((link) => solutions.has(link.id)),
        links: need.links.filter((link) => needs.has(link.id) && link.id !== entityId),
      },
    };
  },

  linkedKeys(snapshot) {
    const need = snapshot as NeedSnapshot;
    return [
      ...need.solutions.map((link): EntryKey => ({ entityType: 'Solution', id: link.id })),
      ...need.links.map((link): EntryKey => ({ entityType: 'Need', id: link.id })),
    ];
  },

  async insert(tx, id, snapshot) {
    const need = snapshot as NeedSnapshot;
    if (need.solutions.length) await tx.needSolution.createMany({ data: need.solutions.map((link) => ({ needId: id, solutionId: link.id, position: link.position })) });
    if (need.links.length) await tx.needLink.createMany({ data: need.links.map((link) => ({ fromId: id, toId: link.id, note: link.note })) });
  },

  edit: {
    select: {
      solutions: { orderBy: [{ position: 'asc' }, { solutionId: 'asc' }], select: { position: true, solution: { select: { id: true, title: true, slug: true, status: true } } } },
      linksFrom: { select: { note: true, to: { select: { id: true, title: true, slug: true } } } },
    },
    read: (row) => ({
      solutions: (row.solutions as SolutionLinkRow[]).map((link) => ({ ...link.solution, position: link.position })),
      links: (row.linksFrom as NeedLinkRow[]).map((link) => ({ ...link.to, note: link.note })).sort((a, b) => a.title.localeCompare(b.title, 'fr')),
    }),
  },
};
