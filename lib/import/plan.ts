// What an import would do, row by row, against the database as it is now: create, change
// (each field, old → new) or leave unchanged; plus the errors only the database can tell
// (a linked entry that exists neither in the database nor in the file, a sub-point loop).
//
// The files of /donnees show the PUBLISHED directory: a theme, parent solution or link to an
// entry that is not published is absent from them. So an empty reference, or a link missing
// from the file, leaves such hidden references alone: what /donnees exports imports back
// without any change.
import { createHash } from 'node:crypto';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { EntryType } from '@/lib/history/snapshot';
import { ENTRY_FIELDS, ENTRY_LABELS, nameFieldOf, type FieldDef } from '@/lib/import/fields';
import type { ParsedFile } from '@/lib/import/parse';
import { validateRows, type ImportRow, type LinkValues, type RowError } from '@/lib/import/validate';
import { providerRoleLabels } from '@/lib/labels';
import { canonicalJson } from '@/lib/seed/seed-inventory';

export type Outcome = 'create' | 'update' | 'unchanged' | 'error';

export type FieldChange = { key: string; label: string; before: string; after: string };

export type PlannedRow = ImportRow & {
  outcome: Outcome;
  /** The entry it matches (by slug), when it exists. */
  existing: { id: string; version: number } | null;
  /** Name or title, for lists. */
  name: string;
  changes: FieldChange[];
  /** Links whose set changes (repertoire.json only). */
  linkChanges: (keyof LinkValues)[];
};

export type ImportPlan = {
  label: string;
  rows: PlannedRow[];
  notes: string[];
  fileErrors: string[];
  counts: Record<Outcome, number>;
  /** Of the file's content and of every planned change with the versions it starts from. */
  hash: string;
};

export type PlanReader = Pick<Prisma.TransactionClient, 'theme' | 'need' | 'solution' | 'provider'>;

type Ref = { slug: string; status: string } | null;

type ExistingEntry = {
  id: string;
  slug: string;
  version: number;
  status: string;
  values: Record<string, unknown>;
  refs: Record<string, Ref>;
  /** Visible links (to published entries), as /donnees shows them; hidden ones are never touched. */
  links: Required<LinkValues>;
};

export type Existing = Record<EntryType, Map<string, ExistingEntry>>;

const PUBLISHED = 'PUBLISHED';
const isVisible = (status: string) => status === PUBLISHED;
const emptyLinks = (): Required<LinkValues> => ({ solutions: [], related: [], providers: [] });

function scalarValues(row: Record<string, unknown>, entity: EntryType): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS[entity]) if (field.kind !== 'ref') values[field.key] = row[field.key];
  return values;
}

/** The entries the file names (as rows, references or links), by slug. */
export async function loadExisting(db: PlanReader, rows: readonly ImportRow[]): Promise<Existing> {
  const slugs: Record<EntryType, Set<string>> = { Theme: new Set(), Need: new Set(), Solution: new Set(), Provider: new Set() };
  for (const row of rows) {
    if (row.slug) slugs[row.entity].add(row.slug);
    if (typeof row.fields.theme === 'string') slugs.Theme.add(row.fields.theme);
    if (typeof row.fields.parent === 'string') slugs.Solution.add(row.fields.parent);
    for (const slug of row.links.solutions ?? []) slugs.Solution.add(slug);
    for (const link of row.links.related ?? []) slugs.Need.add(link.slug);
    for (const link of row.links.providers ?? []) slugs.Provider.add(link.slug);
  }
  const inList = (entity: EntryType) => ({ slug: { in: [...slugs[entity]] } });

  // One query after the other: inside a transaction they share one connection.
  const themes = await db.theme.findMany({ where: inList('Theme') });
  const providers = await db.provider.findMany({ where: inList('Provider') });
  const solutions = await db.solution.findMany({
    where: inList('Solution'),
    include: {
      parent: { select: { slug: true, status: true } },
      providers: { select: { role: true, provider: { select: { slug: true, status: true } } } },
    },
  });
  const needs = await db.need.findMany({
    where: inList('Need'),
    include: {
      theme: { select: { slug: true, status: true } },
      solutions: {
        orderBy: [{ position: 'asc' }, { solution: { createdAt: 'asc' } }],
        select: { solution: { select: { slug: true, status: true } } },
      },
      linksFrom: { select: { note: true, to: { select: { slug: true, status: true } } } },
    },
  });

  const entry = (
    entity: EntryType,
    row: { id: string; slug: string; version: number; status: string } & Record<string, unknown>,
    refs: Record<string, Ref> = {},
    visible: Required<LinkValues> = emptyLinks(),
  ): [string, ExistingEntry] => [row.slug, { id: row.id, slug: row.slug, version: row.version, status: row.status, values: scalarValues(row, entity), refs, links: visible }];

  return {
    Theme: new Map(themes.map((row) => entry('Theme', row))),
    Provider: new Map(providers.map((row) => entry('Provider', row))),
    Solution: new Map(
      solutions.map((row) => {
        const visible = { ...emptyLinks(), providers: row.providers.filter((link) => isVisible(link.provider.status)).map((link) => ({ slug: link.provider.slug, role: link.role })) };
        return entry('Solution', row, { parent: row.parent }, visible);
      }),
    ),
    Need: new Map(
      needs.map((row) => {
        const visible = {
          ...emptyLinks(),
          solutions: row.solutions.filter((link) => isVisible(link.solution.status)).map((link) => link.solution.slug),
          related: row.linksFrom.filter((link) => isVisible(link.to.status)).map((link) => ({ slug: link.to.slug, note: link.note })),
        };
        return entry('Need', row, { theme: row.theme }, visible);
      }),
    ),
  };
}

// --- Comparing and showing values ----------------------------------------------------------

function sameValue(field: FieldDef, a: unknown, b: unknown): boolean {
  switch (field.kind) {
    case 'date':
      return (a instanceof Date ? a.getTime() : null) === (b instanceof Date ? b.getTime() : null);
    case 'enumList':
      return canonicalJson([...((a as string[]) ?? [])].sort()) === canonicalJson([...((b as string[]) ?? [])].sort());
    case 'languages':
      return canonicalJson(a ?? []) === canonicalJson(b ?? []);
    default:
      return a === b;
  }
}

const EMPTY = '(vide)';

export function displayValue(field: FieldDef, value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  switch (field.kind) {
    case 'bool':
      return value ? 'Oui' : 'Non';
    case 'date': {
      const iso = (value as Date).toISOString();
      return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('T', ' ').replace(/:\d\d\.\d{3}Z$/, ' UTC');
    }
    case 'enum':
      return field.options?.[value as string] ?? String(value);
    case 'enumList': {
      const items = value as string[];
      return items.length === 0 ? EMPTY : items.map((item) => field.options?.[item] ?? item).join(', ');
    }
    case 'languages': {
      const items = value as string[];
      return items.length === 0 ? EMPTY : items.join(', ');
    }
    default:
      return String(value);
  }
}

const LINK_LABELS: Record<keyof LinkValues, string> = {
  solutions: 'Solutions rattachées (dans l’ordre)',
  related: 'Besoins liés (« Lié à… »)',
  providers: 'Fournisseurs et rôles',
};

function linkKey(kind: keyof LinkValues, value: LinkValues[keyof LinkValues]): string {
  if (kind === 'solutions') return canonicalJson(value);
  const items = (value as { slug: string }[]).map((item) => canonicalJson(item)).sort();
  return canonicalJson(items);
}

function displayLinks(kind: keyof LinkValues, value: LinkValues[keyof LinkValues]): string {
  if (!value || value.length === 0) return EMPTY;
  if (kind === 'solutions') return (value as string[]).join(', ');
  if (kind === 'related') return (value as { slug: string; note: string }[]).map((link) => (link.note ? `${link.slug} (${link.note})` : link.slug)).join(' ; ');
  return (value as { slug: string; role: string }[])
    .map((link) => `${link.slug} (${providerRoleLabels[link.role as keyof typeof providerRoleLabels] ?? link.role})`)
    .join(', ');
}

// --- The plan ------------------------------------------------------------------------------

const LINK_TARGETS: Record<keyof LinkValues, EntryType> = { solutions: 'Solution', related: 'Need', providers: 'Provider' };

function referenceErrors(row: ImportRow, existing: Existing, inFile: Record<EntryType, Set<string>>): RowError[] {
  const errors: RowError[] = [];
  const known = (entity: EntryType, slug: string) => existing[entity].has(slug) || inFile[entity].has(slug);
  for (const field of ENTRY_FIELDS[row.entity]) {
    const slug = row.fields[field.key];
    if (field.kind !== 'ref' || typeof slug !== 'string') continue;
    if (!known(field.target!, slug)) {
      errors.push({ column: field.column, message: `« ${slug} » : aucun ${ENTRY_LABELS[field.target!].one.toLowerCase()} n’a cet identifiant, ni dans le répertoire ni dans ce fichier.` });
    }
  }
  for (const kind of Object.keys(row.links) as (keyof LinkValues)[]) {
    const target = LINK_TARGETS[kind];
    const slugs = kind === 'solutions' ? (row.links.solutions ?? []) : (row.links[kind] as { slug: string }[]).map((link) => link.slug);
    const unknown = slugs.filter((slug) => !known(target, slug));
    if (unknown.length > 0) {
      errors.push({ column: kind, message: `identifiant${unknown.length > 1 ? 's' : ''} inconnu${unknown.length > 1 ? 's' : ''}, ni dans le répertoire ni dans ce fichier : ${unknown.map((slug) => `« ${slug} »`).join(', ')}.` });
    }
    if (kind === 'related' && slugs.includes(row.slug)) errors.push({ column: kind, message: 'un besoin ne peut pas être lié à lui-même.' });
  }
  return errors;
}

/**
 * How the parent links (slug → parent slug) chain, so that "does the chain of parents that
 * starts at `from` reach `slug`?" is answered in constant time: each slug has at most one
 * parent, so the links form trees whose roots are either top-level solutions or loops. One
 * pass finds the loops, one walk of the trees numbers each slug (entry and exit), and then
 * `slug` is on the chain from `from` when `from` lies in the tree under `slug`, or, for a slug
 * inside a loop, when the chain from `from` ends in that loop.
 * (Following each row's whole chain instead cost a time that grows with the square of the
 * rows: 20,000 chained sub-points took minutes.)
 */
function parentChains(parents: ReadonlyMap<string, string | null>): (from: string, slug: string) => boolean {
  const parentOf = (slug: string): string | null => {
    const parent = parents.get(slug) ?? null;
    return parent !== null && parents.has(parent) ? parent : null;
  };
  // 1. Loops: walk from each slug not seen yet until a slug seen before; if it was seen on
  // this very walk, the walk closed a loop.
  const loopOf = new Map<string, number>();
  const walkOf = new Map<string, number>();
  let walks = 0;
  for (const start of parents.keys()) {
    if (walkOf.has(start)) continue;
    const walk = walks++;
    const path: string[] = [];
    let current: string | null = start;
    while (current !== null && !walkOf.has(current)) {
      walkOf.set(current, walk);
      path.push(current);
      current = parentOf(current);
    }
    if (current !== null && walkOf.get(current) === walk) {
      for (let index = path.lastIndexOf(current); index < path.length; index += 1) loopOf.set(path[index]!, walk);
    }
  }
  // 2. Trees: every slug outside a loop hangs under its parent; roots are top-level slugs and
  // the slugs of loops. Numbered in one depth-first walk, with the loop each tree ends in.
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const slug of parents.keys()) {
    const parent = loopOf.has(slug) ? null : parentOf(slug);
    if (parent === null) roots.push(slug);
    else if (children.has(parent)) children.get(parent)!.push(slug);
    else children.set(parent, [slug]);
  }
  const entry = new Map<string, number>();
  const exit = new Map<string, number>();
  const endsIn = new Map<string, number>();
  let clock = 0;
  for (const root of roots) {
    const loop = loopOf.get(root) ?? -1;
    const stack: { slug: string; next: number }[] = [{ slug: root, next: 0 }];
    entry.set(root, clock++);
    endsIn.set(root, loop);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const child = children.get(top.slug)?.[top.next++];
      if (child === undefined) {
        exit.set(top.slug, clock);
        stack.pop();
        continue;
      }
      entry.set(child, clock++);
      endsIn.set(child, loop);
      stack.push({ slug: child, next: 0 });
    }
  }
  return (from, slug) => {
    if (!parents.has(slug)) return false;
    if (!parents.has(from)) return from === slug;
    const loop = loopOf.get(slug);
    if (loop !== undefined) return endsIn.get(from) === loop;
    const at = entry.get(from)!;
    return entry.get(slug)! <= at && at < exit.get(slug)!;
  };
}

/** Sub-point loops (a → b → a) once the file's parents replace the database's. */
function parentLoopErrors(rows: readonly ImportRow[], existing: Existing): Map<ImportRow, RowError> {
  const parents = new Map<string, string | null>();
  for (const [slug, entry] of existing.Solution) parents.set(slug, entry.refs.parent?.slug ?? null);
  for (const row of rows) if (row.entity === 'Solution' && row.slug && 'parent' in row.fields) parents.set(row.slug, (row.fields.parent as string | null) ?? null);
  const reaches = parentChains(parents);
  const errors = new Map<ImportRow, RowError>();
  for (const row of rows) {
    const parent = row.fields.parent;
    // Itself as its parent is reported by validateRows.
    if (row.entity !== 'Solution' || typeof parent !== 'string' || parent === row.slug) continue;
    if (reaches(parent, row.slug)) errors.set(row, { column: 'parent', message: 'cette solution deviendrait un sous-point de ses propres sous-points (boucle).' });
  }
  return errors;
}

function planRow(row: ImportRow, existing: Existing): Pick<PlannedRow, 'outcome' | 'existing' | 'changes' | 'linkChanges' | 'errors'> {
  const entry = row.slug ? existing[row.entity].get(row.slug) : undefined;
  const errors = [...row.errors];
  const changes: FieldChange[] = [];
  const linkChanges: (keyof LinkValues)[] = [];

  if (!entry) {
    for (const field of ENTRY_FIELDS[row.entity]) {
      if (field.isRequired && (row.fields[field.key] === undefined || row.fields[field.key] === '') && !errors.some((error) => error.column === field.column)) {
        errors.push({ column: field.column, message: `obligatoire pour créer une fiche (${field.label.toLowerCase()}).` });
      }
    }
    return { outcome: errors.length > 0 ? 'error' : 'create', existing: null, changes, linkChanges, errors };
  }

  for (const field of ENTRY_FIELDS[row.entity]) {
    if (!(field.key in row.fields)) continue;
    const next = row.fields[field.key];
    if (field.kind === 'ref') {
      const current = entry.refs[field.key] ?? null;
      // Empty in the file, but pointing to an unpublished entry: the file could not show it.
      if (next === null && current && !isVisible(current.status)) continue;
      if ((current?.slug ?? null) === next) continue;
      changes.push({ key: field.key, label: field.label, before: current?.slug ?? EMPTY, after: (next as string | null) ?? EMPTY });
      continue;
    }
    if (sameValue(field, entry.values[field.key], next)) continue;
    // Public only under a flag: the file shows it empty when the flag is off.
    if (field.keepsWhenEmpty && next === '') continue;
    changes.push({ key: field.key, label: field.label, before: displayValue(field, entry.values[field.key]), after: displayValue(field, next) });
  }
  for (const kind of Object.keys(row.links) as (keyof LinkValues)[]) {
    const next = row.links[kind]!;
    const current = entry.links[kind];
    if (linkKey(kind, current) === linkKey(kind, next)) continue;
    linkChanges.push(kind);
    changes.push({ key: kind, label: LINK_LABELS[kind], before: displayLinks(kind, current), after: displayLinks(kind, next) });
  }
  const outcome: Outcome = errors.length > 0 ? 'error' : changes.length > 0 ? 'update' : 'unchanged';
  return { outcome, existing: { id: entry.id, version: entry.version }, changes, linkChanges, errors };
}

export async function planImport(db: PlanReader, parsed: ParsedFile, content: string): Promise<{ plan: ImportPlan; existing: Existing }> {
  const rows = validateRows(parsed.rows);
  const existing = await loadExisting(db, rows);
  const inFile: Record<EntryType, Set<string>> = { Theme: new Set(), Need: new Set(), Solution: new Set(), Provider: new Set() };
  for (const row of rows) if (row.slug) inFile[row.entity].add(row.slug);
  const loops = parentLoopErrors(rows, existing);

  const planned: PlannedRow[] = rows.map((row) => {
    const withReferences = { ...row, errors: [...row.errors, ...referenceErrors(row, existing, inFile), ...(loops.has(row) ? [loops.get(row)!] : [])] };
    const entryName = row.fields[nameFieldOf(row.entity)];
    const current = row.slug ? existing[row.entity].get(row.slug) : undefined;
    const name = typeof entryName === 'string' && entryName.trim() ? entryName : String(current?.values[nameFieldOf(row.entity)] ?? (row.slug || '—'));
    return { ...withReferences, name, ...planRow(withReferences, existing) };
  });

  const counts: Record<Outcome, number> = { create: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of planned) counts[row.outcome] += 1;
  const hash = createHash('sha256')
    .update(createHash('sha256').update(content).digest('hex'))
    .update(canonicalJson(planned.map((row) => [row.entity, row.slug, row.outcome, row.existing?.version ?? null, row.changes])))
    .digest('hex');
  return { plan: { label: parsed.label, rows: planned, notes: parsed.notes, fileErrors: parsed.errors, counts, hash }, existing };
}

export function hasErrors(plan: ImportPlan): boolean {
  return plan.fileErrors.length > 0 || plan.counts.error > 0;
}
