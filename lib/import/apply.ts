// Applies an import, all or nothing, in one transaction. The file's content is parsed,
// checked and planned again here, inside the transaction, from the text the member sends
// back (never from what the preview page showed): if it has errors, or if the plan differs
// from the one previewed (someone changed an entry meanwhile), nothing is written and the
// new preview is returned instead.
//
// History contract (lib/history/snapshot.ts): every entry created gets a "create" record;
// every existing entry whose snapshot changes (its own fields, or links to it) gets its
// version bumped once and an "import" record with before/after snapshots.
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { loadEntrySnapshot, recordEntryChange, type EntryType } from '@/lib/history/snapshot';
import { ENTRY_FIELDS, nameFieldOf } from '@/lib/import/fields';
import { parseImportFile } from '@/lib/import/parse';
import { hasErrors, planImport, type Existing, type ImportPlan, type PlannedRow } from '@/lib/import/plan';
import { canonicalJson } from '@/lib/seed/seed-inventory';
import type { AuditActor } from '@/lib/security/audit';

export type NewEntryStatus = 'PUBLISHED' | 'DRAFT';

export type AppliedEntry = { entity: EntryType; slug: string; name: string; status: string };

export type ApplyResult =
  | { ok: true; created: AppliedEntry[]; updated: AppliedEntry[]; plan: ImportPlan }
  | { ok: false; reason: 'invalid' | 'stale'; plan: ImportPlan }
  | { ok: false; reason: 'conflict' };

type Tx = Prisma.TransactionClient;

// Entries are written in this order: a need names its theme, a solution its parent.
const ENTITY_ORDER: EntryType[] = ['Theme', 'Provider', 'Solution', 'Need'];

class ImportConflict extends Error {}

type Delegate = {
  create(args: { data: Record<string, unknown>; select: { id: true } }): Promise<{ id: string }>;
  updateMany(args: { where: Record<string, unknown>; data: Record<string, unknown> }): Promise<{ count: number }>;
  update(args: { where: { id: string }; data: Record<string, unknown> }): Promise<unknown>;
  count(args: { where: Record<string, unknown> }): Promise<number>;
};

function delegateOf(tx: Tx, entity: EntryType): Delegate {
  const delegates: Record<EntryType, unknown> = { Theme: tx.theme, Need: tx.need, Solution: tx.solution, Provider: tx.provider };
  return delegates[entity] as Delegate;
}

const REF_COLUMNS: Record<string, { column: string; target: EntryType }> = {
  theme: { column: 'themeId', target: 'Theme' },
  parent: { column: 'parentId', target: 'Solution' },
};

/** A snapshot's content, whatever its version number. */
const withoutVersion = (snapshot: object | null) => (snapshot ? canonicalJson({ ...snapshot, version: null }) : 'null');

export async function applyImport(
  db: PrismaClient,
  input: { fileName: string; content: string },
  options: { newStatus: NewEntryStatus; actor: AuditActor; expectedHash: string },
): Promise<ApplyResult> {
  try {
    return await db.$transaction(
      async (tx) => {
        const { plan, existing } = await planImport(tx, parseImportFile(input.fileName, input.content), input.content);
        if (hasErrors(plan)) return { ok: false as const, reason: 'invalid' as const, plan };
        if (plan.hash !== options.expectedHash) return { ok: false as const, reason: 'stale' as const, plan };
        return writePlan(tx, plan, existing, options);
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
  } catch (error) {
    const isMissing = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
    if (error instanceof ImportConflict || isMissing) return { ok: false, reason: 'conflict' };
    throw error;
  }
}

async function writePlan(
  tx: Tx,
  plan: ImportPlan,
  existing: Existing,
  options: { newStatus: NewEntryStatus; actor: AuditActor },
): Promise<ApplyResult> {
  const ids: Record<EntryType, Map<string, string>> = {
    Theme: new Map([...existing.Theme].map(([slug, entry]) => [slug, entry.id])),
    Need: new Map([...existing.Need].map(([slug, entry]) => [slug, entry.id])),
    Solution: new Map([...existing.Solution].map(([slug, entry]) => [slug, entry.id])),
    Provider: new Map([...existing.Provider].map(([slug, entry]) => [slug, entry.id])),
  };
  const rowsOf = (outcome: PlannedRow['outcome']) =>
    ENTITY_ORDER.flatMap((entity) => plan.rows.filter((row) => row.entity === entity && row.outcome === outcome));
  const created = rowsOf('create');
  const updated = rowsOf('update');

  // Existing entries whose snapshot may change: those updated, and the solutions a need's
  // links add or remove (a solution's snapshot lists its needs).
  const affected = new Map<string, { entity: EntryType; id: string }>();
  const touch = (entity: EntryType, id: string | undefined) => {
    if (id) affected.set(`${entity}:${id}`, { entity, id });
  };
  for (const row of updated) touch(row.entity, row.existing!.id);
  for (const row of [...created, ...updated]) {
    if (row.entity !== 'Need' || !row.links.solutions || (row.outcome === 'update' && !row.linkChanges.includes('solutions'))) continue;
    const current = existing.Need.get(row.slug)?.links.solutions ?? [];
    for (const slug of new Set([...current, ...row.links.solutions])) touch('Solution', existing.Solution.get(slug)?.id);
  }
  const before = new Map<string, object | null>();
  for (const [key, { entity, id }] of affected) before.set(key, await loadEntrySnapshot(tx, entity, id));

  // 1. New entries (a sub-point's parent is set in step 3, once every solution exists).
  let nextNeedPosition = ((await tx.need.aggregate({ _max: { position: true } }))._max.position ?? 0) + 1;
  for (const row of created) {
    const data: Record<string, unknown> = { slug: row.slug, status: options.newStatus };
    for (const field of ENTRY_FIELDS[row.entity]) {
      const value = field.key in row.fields ? row.fields[field.key] : field.fallback;
      if (field.kind === 'ref') {
        if (field.key === 'theme' && typeof value === 'string') data.themeId = ids.Theme.get(value);
        continue;
      }
      if (value !== undefined) data[field.key] = value;
    }
    if (row.entity === 'Need' && data.position === undefined) data.position = nextNeedPosition++;
    const { id } = await delegateOf(tx, row.entity).create({ data, select: { id: true } });
    ids[row.entity].set(row.slug, id);
  }

  // 2. Changes to existing entries, only if nobody changed them since the plan was made.
  for (const row of updated) {
    const data: Record<string, unknown> = {};
    for (const change of row.changes) {
      const ref = REF_COLUMNS[change.key];
      if (ref) data[ref.column] = row.fields[change.key] === null ? null : ids[ref.target].get(row.fields[change.key] as string);
      else if (ENTRY_FIELDS[row.entity].some((field) => field.key === change.key)) data[change.key] = row.fields[change.key];
    }
    const where = { id: row.existing!.id, version: row.existing!.version };
    const count = Object.keys(data).length > 0 ? (await delegateOf(tx, row.entity).updateMany({ where, data })).count : await delegateOf(tx, row.entity).count({ where });
    if (count !== 1) throw new ImportConflict();
  }

  // 3. Parents of new sub-points.
  for (const row of created) {
    if (row.entity === 'Solution' && typeof row.fields.parent === 'string') {
      await tx.solution.update({ where: { id: ids.Solution.get(row.slug)! }, data: { parentId: ids.Solution.get(row.fields.parent) } });
    }
  }

  // 4. Links (repertoire.json). Links to unpublished entries, which the file cannot show, stay.
  for (const row of [...created, ...updated]) {
    const isNew = row.outcome === 'create';
    const id = ids[row.entity].get(row.slug)!;
    const entry = existing[row.entity].get(row.slug);
    if (row.links.solutions && (isNew || row.linkChanges.includes('solutions'))) {
      const wanted = row.links.solutions.map((slug) => ids.Solution.get(slug)!);
      const removed = (entry?.links.solutions ?? []).map((slug) => ids.Solution.get(slug)!).filter((solutionId) => !wanted.includes(solutionId));
      await tx.needSolution.deleteMany({ where: { needId: id, solutionId: { in: removed } } });
      for (const [index, solutionId] of wanted.entries()) {
        await tx.needSolution.upsert({
          where: { needId_solutionId: { needId: id, solutionId } },
          create: { needId: id, solutionId, position: index + 1 },
          update: { position: index + 1 },
        });
      }
    }
    if (row.links.related && (isNew || row.linkChanges.includes('related'))) {
      const wanted = row.links.related.map((link) => ({ toId: ids.Need.get(link.slug)!, note: link.note }));
      const removed = (entry?.links.related ?? []).map((link) => ids.Need.get(link.slug)!).filter((toId) => !wanted.some((link) => link.toId === toId));
      await tx.needLink.deleteMany({ where: { fromId: id, toId: { in: removed } } });
      for (const link of wanted) {
        await tx.needLink.upsert({ where: { fromId_toId: { fromId: id, toId: link.toId } }, create: { fromId: id, ...link }, update: { note: link.note } });
      }
    }
    if (row.links.providers && (isNew || row.linkChanges.includes('providers'))) {
      const wanted = row.links.providers.map((link) => ({ providerId: ids.Provider.get(link.slug)!, role: link.role }));
      const removed = (entry?.links.providers ?? []).filter((link) => !row.links.providers!.some((next) => next.slug === link.slug && next.role === link.role));
      for (const link of removed) {
        await tx.solutionProvider.deleteMany({ where: { solutionId: id, providerId: ids.Provider.get(link.slug)!, role: link.role } });
      }
      await tx.solutionProvider.createMany({ data: wanted.map((link) => ({ solutionId: id, ...link })), skipDuplicates: true });
    }
  }

  // 5. History: one record per entry created, and per existing entry that really changed.
  const summary = (row: PlannedRow, status: string): AppliedEntry => ({ entity: row.entity, slug: row.slug, name: String(row.fields[nameFieldOf(row.entity)] ?? row.name), status });
  for (const row of created) {
    const id = ids[row.entity].get(row.slug)!;
    const after = await loadEntrySnapshot(tx, row.entity, id);
    await recordEntryChange(tx, { ...options.actor, verb: 'create', entityType: row.entity, entityId: id, before: null, after });
  }
  for (const [key, { entity, id }] of affected) {
    const previous = before.get(key) ?? null;
    if (withoutVersion(previous) === withoutVersion(await loadEntrySnapshot(tx, entity, id))) continue;
    await delegateOf(tx, entity).update({ where: { id }, data: { version: { increment: 1 } } });
    const after = await loadEntrySnapshot(tx, entity, id);
    await recordEntryChange(tx, { ...options.actor, verb: 'import', entityType: entity, entityId: id, before: previous as never, after });
  }

  const statusOf = (row: PlannedRow) => existing[row.entity].get(row.slug)?.status ?? options.newStatus;
  return { ok: true, created: created.map((row) => summary(row, options.newStatus)), updated: updated.map((row) => summary(row, statusOf(row))), plan };
}
