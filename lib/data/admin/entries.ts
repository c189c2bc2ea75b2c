import 'server-only';
// The one save path of the four kinds of entry, and the admin reads every kind shares (list,
// edit form, conflict preview), given the definition (lib/entries/). What differs from one
// kind to another is its links: each kind's hooks (lib/data/admin/<kind>.ts) say how they are
// checked, written, previewed and restored.
//
// A save runs in one transaction (lib/data/admin/write.ts): it reads the "before" snapshot,
// refuses a stale version, lets the links hook check what the form sent, updates the row only
// where { id, version } still match (or creates it with a unique slug), rewrites the links,
// reads the "after" snapshot and records both; the entries on the other side of links it adds
// or removes get a version bump and a record of their own (watchLinkedEntries).
import { choiceCodes } from '@/lib/entries/checks';
import { editableFields, fieldOf, hasVerification, type Field } from '@/lib/entries/fields';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import type { EntryDefs } from '@/lib/entries/registry';
import type { EditableKey, EntryType, ValueOf } from '@/lib/entries/types';
import type { EntryStatus } from '@/lib/generated/prisma/enums';
import { loadEntrySnapshot, recordEntryChange, type EntrySnapshot, type EntrySnapshotByType } from '@/lib/history/snapshot';
import { needLinks } from '@/lib/data/admin/need-links';
import { providerEditLinks } from '@/lib/data/admin/provider-links';
import { solutionLinks } from '@/lib/data/admin/solution-links';
import { listFilterWhere, pageOf, type AdminListFilter, type AdminListPage, type AdminListRow } from '@/lib/data/admin/lists';
import {
  conflict,
  inTransaction,
  uniqueSlug,
  verbOfSave,
  verificationData,
  watchLinkedEntries,
  withSlugRetry,
  type Db,
  type EntryKey,
  type Tx,
  type WriteContext,
  type WriteOutcome,
} from '@/lib/data/admin/write';
import type { NeedField, NeedInput } from '@/lib/validation/need';
import type { ProviderField, ProviderInput } from '@/lib/validation/provider';
import type { SolutionField, SolutionInput } from '@/lib/validation/solution';
import type { ThemeField, ThemeInput } from '@/lib/validation/theme';

export type EntryInputs = { Need: NeedInput; Solution: SolutionInput; Provider: ProviderInput; Theme: ThemeInput };
export type EntryFields = { Need: NeedField; Solution: SolutionField; Provider: ProviderField; Theme: ThemeField };

export type SaveRequest<Input> = {
  /** Absent for a creation. */
  id?: string;
  /** The version the form was opened on (required for an update). */
  version?: number;
  input: Input;
  isVerify?: boolean;
};

type Row = Record<string, unknown>;

/**
 * How a kind's links take part in a save, a restore and the admin reads. Only needs and
 * solutions have links of their own (a provider's are edited from its solutions).
 */
export type LinkHooks<Input, Resolved> = {
  /** Checks what the form sent (typed slugs, ids that still exist, the references); throws a WriteRefusal when invalid. */
  resolve(tx: Tx, id: string | null, input: Input): Promise<Resolved>;
  /** The entries on the other side whose snapshot the write changes (watched before it). */
  touched(tx: Tx, id: string | null, resolved: Resolved, before: EntrySnapshot | null): Promise<EntryKey[]>;
  /** Rewrites the links. */
  write(tx: Tx, id: string, resolved: Resolved): Promise<void>;
  /** The links the form would save, shaped like a snapshot (labels resolved), for the conflict panel. */
  preview(db: Db, input: Input): Promise<Row>;
  /** The links of a snapshot as the form's input (restore). */
  inputOf(snapshot: EntrySnapshot): Partial<Input>;
  /** The links of a snapshot that still exist, and what cannot come back. */
  plan(db: Db, snapshot: EntrySnapshot, entityId: string): Promise<{ links: Row; skipped: string[] }>;
  /** The entries a snapshot links to. */
  linkedKeys(snapshot: EntrySnapshot): EntryKey[];
  /** Writes the links of a recreated entry. */
  insert(tx: Tx, id: string, snapshot: EntrySnapshot): Promise<void>;
  edit: EditLinks;
};

/** Prisma `select` of the links an edit page shows, and how to read them. */
export type EditLinks = { select: Row; read(row: Row): Row };

const LINK_HOOKS: Partial<Record<EntryType, LinkHooks<never, never>>> = {
  Need: needLinks as unknown as LinkHooks<never, never>,
  Solution: solutionLinks as unknown as LinkHooks<never, never>,
};

const EDIT_LINKS: Partial<Record<EntryType, EditLinks>> = { Need: needLinks.edit, Solution: solutionLinks.edit, Provider: providerEditLinks };

export function linkHooksOf<T extends EntryType>(type: T): LinkHooks<EntryInputs[T], unknown> | undefined {
  return LINK_HOOKS[type] as LinkHooks<EntryInputs[T], unknown> | undefined;
}

/** The loose delegate of a kind's table: Prisma's delegates have no common callable type. */
type Table = {
  findUnique(args: { where: { id: string }; select?: Row; include?: Row }): Promise<Row | null>;
  findMany(args: Row): Promise<Row[]>;
  count(args: Row): Promise<number>;
  create(args: { data: Row; select: { id: true } }): Promise<{ id: string }>;
  updateMany(args: { where: { id: string; version: number }; data: Row }): Promise<{ count: number }>;
  aggregate(args: Row): Promise<{ _max: Record<string, number | null> }>;
};

export function tableOf(db: Pick<Tx, 'need' | 'solution' | 'provider' | 'theme'>, type: EntryType): Table {
  return db[ENTRY_DEFS[type].table] as unknown as Table;
}

/** In the options' order, whatever the order a form or a restored snapshot gave. */
function inOptionOrder(field: Field, values: readonly string[]): string[] {
  return field.type === 'multiChoice' ? choiceCodes(field).filter((code) => values.includes(code)) : [...values];
}

/** The columns a save writes from the form's values (an empty appendsLast number is left out). */
function columnsOf(type: EntryType, input: Row, isVerify: boolean, verifier: 'MEMBER' | 'ORGANIZATION' = 'MEMBER'): Row {
  const def = ENTRY_DEFS[type];
  const data: Row = {};
  for (const field of editableFields(def)) {
    const value = input[field.key];
    if (field.type === 'int' && field.appendsLast && value === null) continue;
    data[field.key] = field.type === 'multiChoice' ? inOptionOrder(field, value as string[]) : value;
  }
  if (!hasVerification(def)) return data;
  // Providers record who verified them (« par l'organisme » / « par la Table »).
  const credited = isVerify && 'verifiedBy' in def.fields ? { verifiedBy: verifier } : {};
  return { ...data, ...verificationData(input as { toVerify: boolean; verifyNote: string }, isVerify), ...credited };
}

/** A new entry's appendsLast numbers: after every other one. */
async function appendedColumns(tx: Tx, type: EntryType, input: Row): Promise<Row> {
  const data: Row = {};
  for (const field of editableFields(ENTRY_DEFS[type])) {
    if (field.type !== 'int' || !field.appendsLast || input[field.key] !== null) continue;
    const last = await tableOf(tx, type).aggregate({ _max: { [field.key]: true } });
    data[field.key] = (last._max[field.key] ?? 0) + 1;
  }
  return data;
}

export async function saveEntry<T extends EntryType>(
  db: Db,
  type: T,
  request: SaveRequest<EntryInputs[T]>,
  context: WriteContext,
): Promise<WriteOutcome<EntryFields[T]>> {
  return withSlugRetry(() => inTransaction<EntryFields[T]>(db, (tx) => saveEntryIn(tx, type, request, context)));
}

/**
 * The save inside a transaction the caller holds, for a decision that writes several entries
 * at once (an organisation's proposal: its listing and its solutions) or none. A refusal
 * throws a WriteRefusal, which rolls the caller's transaction back.
 */
export async function saveEntryIn<T extends EntryType>(
  tx: Tx,
  type: T,
  request: SaveRequest<EntryInputs[T]>,
  context: WriteContext,
): Promise<WriteOutcome<EntryFields[T]>> {
  const def = ENTRY_DEFS[type];
  const links = linkHooksOf(type);
  const input = request.input as unknown as Row;
  const isVerify = request.isVerify ?? false;
  const before = request.id ? await loadEntrySnapshot(tx, type, request.id) : null;
  if (request.id && !before) return { ok: false, reason: 'not-found' };
  if (before && before.version !== request.version) await conflict(tx, type, request.id!, before);
  const resolved = links ? await links.resolve(tx, request.id ?? null, request.input) : null;

  const data = columnsOf(type, input, isVerify, context.verifier);
  const table = tableOf(tx, type);
  let id = request.id;
  if (id && before) {
    const updated = await table.updateMany({ where: { id, version: request.version! }, data: { ...data, version: { increment: 1 } } });
    if (updated.count === 0) await conflict(tx, type, id, (await loadEntrySnapshot(tx, type, id))!);
  } else {
    const slug = await uniqueSlug(tx, def.table, String(input[def.titleField]));
    id = (await table.create({ data: { ...data, ...(await appendedColumns(tx, type, input)), slug }, select: { id: true } })).id;
  }

  const linked = links ? await watchLinked(tx, links, id, resolved, before, context) : null;
  if (links) await links.write(tx, id, resolved);
  const after = (await loadEntrySnapshot(tx, type, id))!;
  const verb = context.verb ?? verbOfSave(before, after, isVerify);
  await recordEntryChange(tx, { actorId: context.actorId, ip: context.ip, verb, entityType: type, entityId: id, before, after });
  await linked?.record();
  await context.alsoWrite?.(tx, id);
  return { ok: true, id, slug: after.slug, version: after.version, verb };
}

async function watchLinked<Input>(tx: Tx, links: LinkHooks<Input, unknown>, id: string, resolved: unknown, before: EntrySnapshot | null, context: WriteContext) {
  return watchLinkedEntries(tx, await links.touched(tx, id, resolved, before), context);
}

/** What the form would save, shaped like a snapshot (references with their label), for the conflict panel. */
export async function previewEntry<T extends EntryType>(db: Db, type: T, input: EntryInputs[T]): Promise<Row> {
  const def = ENTRY_DEFS[type];
  const values = input as unknown as Row;
  const preview: Row = {};
  for (const field of editableFields(def)) {
    const value = values[field.key];
    if (field.type === 'int' && field.appendsLast && value === null) continue;
    if (field.type === 'ref') {
      const target = typeof value === 'string' ? await tableOf(db, field.target).findUnique({ where: { id: value }, select: { id: true, [ENTRY_DEFS[field.target].titleField]: true } }) : null;
      preview[field.relation] = target ? { id: target.id, label: target[ENTRY_DEFS[field.target].titleField] } : null;
    } else preview[field.key] = field.type === 'multiChoice' ? [...(value as string[])].sort() : value;
  }
  const links = linkHooksOf(type);
  return { ...preview, ...(links ? await links.preview(db, input) : {}) };
}

/** The links each kind's edit page shows. */
export type EditLinkValues = {
  Need: {
    solutions: { id: string; title: string; slug: string; status: EntryStatus; position: number }[];
    links: { id: string; title: string; slug: string; note: string }[];
  };
  Solution: {
    needs: { id: string; title: string }[];
    providers: { id: string; name: string; role: string; isRoleInferred: boolean }[];
    children: { id: string; title: string }[];
  };
  Provider: { solutions: { id: string; title: string; role: string }[] };
  Theme: object;
};

/** The entry as its edit form shows it: every editable value (a reference by its id), the state and the links. */
export type EntryEditDto<T extends EntryType = EntryType> = { -readonly [K in EditableKey<EntryDefs[T]>]: ValueOf<EntryDefs[T]['fields'][K]> } & {
  id: string;
  slug: string;
  version: number;
  status: EntryStatus;
  verifiedAt: string | null;
  updatedAt: string;
} & EditLinkValues[T];

export async function getEntryForEdit<T extends EntryType>(db: Db, type: T, id: string): Promise<EntryEditDto<T> | null> {
  const def = ENTRY_DEFS[type];
  const links = EDIT_LINKS[type];
  const select: Row = { id: true, slug: true, version: true, status: true, updatedAt: true, ...(hasVerification(def) ? { verifiedAt: true } : {}) };
  for (const field of editableFields(def)) select[field.key] = true;
  const row = await tableOf(db, type).findUnique({ where: { id }, select: { ...select, ...links?.select } });
  if (!row) return null;
  const values: Row = {};
  for (const field of editableFields(def)) values[field.key] = row[field.key];
  return {
    ...values,
    id: row.id as string,
    slug: row.slug as string,
    version: row.version as number,
    status: row.status as EntryStatus,
    ...(hasVerification(def) ? { verifiedAt: row.verifiedAt instanceof Date ? row.verifiedAt.toISOString() : null } : {}),
    updatedAt: (row.updatedAt as Date).toISOString(),
    ...links?.read(row),
  } as EntryEditDto<T>;
}

/** Second column of the themes' list: how many needs each one groups. */
const themeDetail = (row: Row) => {
  const count = (row._count as { needs: number }).needs;
  return `${count} ${count > 1 ? 'besoins' : 'besoin'}`;
};

export async function listAdminEntries(db: Db, type: EntryType, filter: AdminListFilter): Promise<AdminListPage> {
  const def = ENTRY_DEFS[type];
  const isVerifiable = hasVerification(def);
  const hasContact = 'contactEmail' in def.fields;
  const where = listFilterWhere({ ...filter, toVerify: isVerifiable && filter.toVerify, contact: hasContact ? filter.contact : null }, def.adminList.search);
  const detail = 'detail' in def.adminList ? fieldOf(def, def.adminList.detail) : undefined;
  const hasPosition = 'position' in def.fields;
  const select: Row = { id: true, slug: true, [def.titleField]: true, status: true, updatedAt: true, version: true };
  if (isVerifiable) Object.assign(select, { verifiedAt: true, toVerify: true });
  if (hasPosition) select.position = true;
  if (hasContact) select.contactEmail = true;
  if ('detail' in def.adminList) select[def.adminList.detail] = true;
  else select._count = { select: { needs: true } };
  const table = tableOf(db, type);
  const [total, rows] = await Promise.all([
    table.count({ where }),
    table.findMany({ where, orderBy: def.adminList.orderBy.map((column) => ({ [column]: 'asc' })), ...pageOf(filter), select }),
  ]);
  return {
    total,
    rows: rows.map(
      (row): AdminListRow => ({
        id: row.id as string,
        slug: row.slug as string,
        title: row[def.titleField] as string,
        detail: detail?.type === 'choice' ? (detail.options[row[detail.key] as string] ?? String(row[detail.key])) : themeDetail(row),
        status: row.status as EntryStatus,
        verifiedAt: row.verifiedAt instanceof Date ? row.verifiedAt.toISOString() : null,
        toVerify: row.toVerify === true,
        updatedAt: (row.updatedAt as Date).toISOString(),
        version: row.version as number,
        ...(hasPosition ? { position: row.position as number } : {}),
        ...(hasContact ? { hasContact: row.contactEmail !== '' } : {}),
      }),
    ),
  };
}

export type { EntrySnapshotByType };
