// Loads the round table's inventory (prisma/seed/inventaire-2023.json) into the database.
//
// The seed runs again on databases that people have edited since, so every item it writes
// is remembered in SeedRecord (key, hash of the seeded fields, the row's updatedAt):
//  - no record: create the row (or adopt an identical row with the same slug), remember it;
//  - record but no row: a person deleted it, leave it deleted;
//  - same hash: nothing to do;
//  - new hash: update only if nobody touched the row since the seed wrote it, otherwise
//    keep the person's version and report it.
// Links have no updatedAt: for them "untouched" means their current content still hashes
// to the recorded hash, and the entry whose form edits them (the solution for its providers,
// the need for its related needs, both for a need–solution link) is untouched too. A link the seed once made and the file no longer has (a provider's
// role corrected, say from "offre" to "cité en exemple", changes the link's key) is removed
// when untouched, so that databases seeded before a correction get it too. Entries (themes,
// needs, solutions, providers) that leave the file are never removed: people may rely on them.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import inventoryJson from '../../prisma/seed/inventaire-2023.json' with { type: 'json' };
import type { Prisma, PrismaClient } from '../generated/prisma/client';
import { ProviderRole } from '../generated/prisma/enums';
import { flattenSolutions, parseInventory, type SeedInventory, type SeedInventoryInput, type SeedSolution } from './schema';

type Tx = Prisma.TransactionClient;
type Fields = Record<string, unknown>;

export const SEED_ENTITIES = ['theme', 'provider', 'need', 'solution', 'needLink', 'needSolution', 'solutionProvider', 'synonymGroup'] as const;
export type SeedEntity = (typeof SEED_ENTITIES)[number];

export type SeedCounts = {
  created: number;
  /** A row with the same slug and the same content already existed: now tracked. */
  adopted: number;
  updated: number;
  unchanged: number;
  /** Links seeded earlier that the file no longer has, removed because nobody changed them. */
  removed: number;
  skipped: number;
};

export type SeedSkipReason =
  /** Edited by a person since the seed wrote it: kept as it is. */
  | 'edited-since'
  /** Deleted by a person since the seed created it: not recreated. */
  | 'deleted-since'
  /** Never seeded, but another row already uses the slug with other content. */
  | 'slug-taken'
  /** A link whose need, solution or provider is not in the database. */
  | 'missing-reference';

export type SeedSkip = { entity: SeedEntity; key: string; reason: SeedSkipReason };

export type SeedReport = {
  counts: Record<SeedEntity, SeedCounts>;
  totals: SeedCounts;
  skipped: SeedSkip[];
};

const PUBLISHED = 'PUBLISHED' as const;
// Any constant works: it only keeps two seeds from interleaving.
export const SEED_LOCK_ID = 7_402_023;

/** The inventory shipped with the repository, validated. */
export function loadInventory(): SeedInventory {
  return parseInventory(inventoryJson);
}

/** JSON with object keys sorted at every level, so equal content gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Fields)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashFields(fields: Fields): string {
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

// --- seeded fields of each kind of item, as plain values (keys instead of ids) -----------

function themeFields(theme: SeedInventory['themes'][number], position: number) {
  return { slug: theme.key, name: theme.name, description: theme.description, position, status: PUBLISHED };
}

function providerFields(provider: SeedInventory['providers'][number]) {
  const { key, ...rest } = provider;
  return { slug: key, ...rest, status: PUBLISHED };
}

function needFields(need: SeedInventory['needs'][number], position: number) {
  return {
    slug: need.key,
    kind: need.kind,
    title: need.title,
    description: need.description,
    note: need.note,
    position,
    theme: need.theme,
    status: PUBLISHED,
    toVerify: need.toVerify,
    verifyNote: need.verifyNote,
  };
}

function solutionFields(solution: SeedSolution, parent: string | null) {
  return {
    slug: solution.key,
    title: solution.title,
    description: solution.description,
    availability: solution.availability,
    kinds: solution.kinds,
    cost: solution.cost,
    inferredFields: solution.inferredFields,
    parent,
    status: PUBLISHED,
    toVerify: solution.toVerify,
    verifyNote: solution.verifyNote,
  };
}

// --- the record-keeping algorithm, shared by every kind of item ---------------------------

export type SeedItem<Row> = {
  entity: SeedEntity;
  /** SeedRecord key, e.g. "provider:la-puce". */
  key: string;
  fields: Fields;
  find(): Promise<Row | null>;
  /** The row's current content, in the shape of `fields`. */
  fieldsOf(row: Row): Fields;
  create(): Promise<Row>;
  update(row: Row): Promise<Row>;
  /** Rows with an updatedAt column; links have none. */
  updatedAtOf?(row: Row): Date;
  /** A link whose entry a person edited since: neither created, changed nor removed. */
  isOwnerEdited?: boolean;
};

type SeedRecordRow = { key: string; hash: string; rowUpdatedAt: Date | null };

export class SeedRun {
  readonly report: SeedReport;
  /** Keys of every item of the file, whatever happened to it. */
  readonly keysInFile = new Set<string>();

  constructor(
    private readonly tx: Tx,
    readonly records: Map<string, SeedRecordRow>,
  ) {
    const empty = (): SeedCounts => ({ created: 0, adopted: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 });
    this.report = {
      counts: Object.fromEntries(SEED_ENTITIES.map((entity) => [entity, empty()])) as Record<SeedEntity, SeedCounts>,
      totals: empty(),
      skipped: [],
    };
  }

  count(entity: SeedEntity, outcome: Exclude<keyof SeedCounts, 'skipped'>): void {
    this.report.counts[entity][outcome] += 1;
    this.report.totals[outcome] += 1;
  }

  skip(entity: SeedEntity, key: string, reason: SeedSkipReason): void {
    this.keysInFile.add(key);
    this.report.counts[entity].skipped += 1;
    this.report.totals.skipped += 1;
    this.report.skipped.push({ entity, key, reason });
  }

  private async remember(key: string, hash: string, rowUpdatedAt: Date | null): Promise<void> {
    await this.tx.seedRecord.upsert({
      where: { key },
      create: { key, hash, rowUpdatedAt },
      update: { hash, rowUpdatedAt, seededAt: new Date() },
    });
    this.records.set(key, { key, hash, rowUpdatedAt });
  }

  /** True unless the seed wrote this entry and nobody changed it since. */
  isEditedSince(entryKey: string, updatedAt: Date | undefined): boolean {
    const record = this.records.get(entryKey);
    return !record?.rowUpdatedAt || !updatedAt || record.rowUpdatedAt.getTime() !== updatedAt.getTime();
  }

  async forget(key: string): Promise<void> {
    await this.tx.seedRecord.delete({ where: { key } });
    this.records.delete(key);
  }

  async apply<Row>(item: SeedItem<Row>): Promise<void> {
    this.keysInFile.add(item.key);
    const hash = hashFields(item.fields);
    const record = this.records.get(item.key);
    const row = await item.find();
    const updatedAtOf = (value: Row): Date | null => item.updatedAtOf?.(value) ?? null;

    if (!record) {
      if (!row && item.isOwnerEdited) return this.skip(item.entity, item.key, 'edited-since');
      if (!row) {
        const created = await item.create();
        await this.remember(item.key, hash, updatedAtOf(created));
        this.count(item.entity, 'created');
      } else if (hashFields(item.fieldsOf(row)) === hash) {
        await this.remember(item.key, hash, updatedAtOf(row));
        this.count(item.entity, 'adopted');
      } else {
        this.skip(item.entity, item.key, 'slug-taken');
      }
      return;
    }
    if (!row) return this.skip(item.entity, item.key, 'deleted-since');
    if (record.hash === hash) return this.count(item.entity, 'unchanged');

    const isUntouched = item.updatedAtOf
      ? record.rowUpdatedAt !== null && item.updatedAtOf(row).getTime() === record.rowUpdatedAt.getTime()
      : hashFields(item.fieldsOf(row)) === record.hash && !item.isOwnerEdited;
    if (!isUntouched) return this.skip(item.entity, item.key, 'edited-since');

    const updated = await item.update(row);
    await this.remember(item.key, hash, updatedAtOf(updated));
    this.count(item.entity, 'updated');
  }
}

// --- each kind of item --------------------------------------------------------------------

async function seedThemes(run: SeedRun, tx: Tx, inventory: SeedInventory): Promise<void> {
  for (const [index, theme] of inventory.themes.entries()) {
    const fields = themeFields(theme, index + 1);
    const { slug, ...data } = fields;
    await run.apply({
      entity: 'theme',
      key: `theme:${slug}`,
      fields,
      find: () => tx.theme.findUnique({ where: { slug } }),
      fieldsOf: (row) => themeFields({ key: row.slug, name: row.name, description: row.description }, row.position),
      create: () => tx.theme.create({ data: fields }),
      update: (row) => tx.theme.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } }),
      updatedAtOf: (row) => row.updatedAt,
    });
  }
}

async function seedProviders(run: SeedRun, tx: Tx, inventory: SeedInventory): Promise<void> {
  for (const provider of inventory.providers) {
    const fields = providerFields(provider);
    const { slug, ...data } = fields;
    await run.apply({
      entity: 'provider',
      key: `provider:${slug}`,
      fields,
      find: () => tx.provider.findUnique({ where: { slug } }),
      fieldsOf: (row) => ({
        slug: row.slug,
        name: row.name,
        alternateName: row.alternateName,
        kind: row.kind,
        description: row.description,
        website: row.website,
        email: row.email,
        phone: row.phone,
        regions: row.regions,
        audiences: row.audiences,
        cost: row.cost,
        formats: row.formats,
        languages: row.languages,
        status: row.status,
        toVerify: row.toVerify,
        verifyNote: row.verifyNote,
      }),
      create: () => tx.provider.create({ data: fields }),
      update: (row) => tx.provider.update({ where: { id: row.id }, data: { ...data, version: { increment: 1 } } }),
      updatedAtOf: (row) => row.updatedAt,
    });
  }
}

async function themeIdOf(tx: Tx, slug: string | null): Promise<string | null> {
  if (slug === null) return null;
  return (await tx.theme.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

async function seedNeeds(run: SeedRun, tx: Tx, inventory: SeedInventory): Promise<void> {
  const include = { theme: { select: { slug: true } } } as const;
  for (const [index, need] of inventory.needs.entries()) {
    const fields = needFields(need, index + 1);
    const { slug, theme, ...data } = fields;
    await run.apply({
      entity: 'need',
      key: `need:${slug}`,
      fields,
      find: () => tx.need.findUnique({ where: { slug }, include }),
      fieldsOf: (row) => ({
        slug: row.slug,
        kind: row.kind,
        title: row.title,
        description: row.description,
        note: row.note,
        position: row.position,
        theme: row.theme?.slug ?? null,
        status: row.status,
        toVerify: row.toVerify,
        verifyNote: row.verifyNote,
      }),
      create: async () => tx.need.create({ data: { slug, ...data, themeId: await themeIdOf(tx, theme) }, include }),
      update: async (row) =>
        tx.need.update({
          where: { id: row.id },
          data: { ...data, themeId: await themeIdOf(tx, theme), version: { increment: 1 } },
          include,
        }),
      updatedAtOf: (row) => row.updatedAt,
    });
  }
}

async function solutionIdOf(tx: Tx, slug: string | null): Promise<string | null> {
  if (slug === null) return null;
  return (await tx.solution.findUnique({ where: { slug }, select: { id: true } }))?.id ?? null;
}

async function seedSolutions(run: SeedRun, tx: Tx, inventory: SeedInventory): Promise<void> {
  const include = { parent: { select: { slug: true } } } as const;
  const visit = async (solution: SeedSolution, parentKey: string | null): Promise<void> => {
    const fields = solutionFields(solution, parentKey);
    const { slug, parent, ...data } = fields;
    await run.apply({
      entity: 'solution',
      key: `solution:${slug}`,
      fields,
      find: () => tx.solution.findUnique({ where: { slug }, include }),
      fieldsOf: (row) => ({
        slug: row.slug,
        title: row.title,
        description: row.description,
        availability: row.availability,
        kinds: row.kinds,
        cost: row.cost,
        inferredFields: row.inferredFields,
        parent: row.parent?.slug ?? null,
        status: row.status,
        toVerify: row.toVerify,
        verifyNote: row.verifyNote,
      }),
      create: async () => tx.solution.create({ data: { slug, ...data, parentId: await solutionIdOf(tx, parent) }, include }),
      update: async (row) =>
        tx.solution.update({
          where: { id: row.id },
          data: { ...data, parentId: await solutionIdOf(tx, parent), version: { increment: 1 } },
          include,
        }),
      updatedAtOf: (row) => row.updatedAt,
    });
    // Parents first, so that children find them.
    for (const child of solution.children) await visit(child, solution.key);
  };
  for (const need of inventory.needs) {
    for (const solution of need.solutions) await visit(solution, null);
  }
}

/** Slug -> id (and updatedAt) for the rows the links point to, read once after the rows are written. */
async function idsBySlug(tx: Tx, inventory: SeedInventory) {
  const solutionSlugs = inventory.needs.flatMap((need) => flattenSolutions(need.solutions).map((solution) => solution.key));
  const select = { id: true, slug: true, updatedAt: true } as const;
  const [needs, solutions, providers] = await Promise.all([
    tx.need.findMany({ where: { slug: { in: inventory.needs.map((need) => need.key) } }, select }),
    tx.solution.findMany({ where: { slug: { in: solutionSlugs } }, select }),
    tx.provider.findMany({ where: { slug: { in: inventory.providers.map((provider) => provider.key) } }, select }),
  ]);
  const toMap = (rows: Array<{ id: string; slug: string }>) => new Map(rows.map((row) => [row.slug, row.id]));
  const updatedAt = (rows: Array<{ slug: string; updatedAt: Date }>) => new Map(rows.map((row) => [row.slug, row.updatedAt]));
  return {
    need: toMap(needs),
    solution: toMap(solutions),
    provider: toMap(providers),
    updatedAt: { need: updatedAt(needs), solution: updatedAt(solutions) },
  };
}

async function seedLinks(run: SeedRun, tx: Tx, inventory: SeedInventory): Promise<void> {
  const ids = await idsBySlug(tx, inventory);
  const isNeedEdited = (slug: string) => run.isEditedSince(`need:${slug}`, ids.updatedAt.need.get(slug));
  const isSolutionEdited = (slug: string) => run.isEditedSince(`solution:${slug}`, ids.updatedAt.solution.get(slug));

  for (const need of inventory.needs) {
    for (const related of need.related) {
      const key = `link:need:${need.key}:${related.need}`;
      const fromId = ids.need.get(need.key);
      const toId = ids.need.get(related.need);
      if (!fromId || !toId) {
        run.skip('needLink', key, 'missing-reference');
        continue;
      }
      const where = { fromId_toId: { fromId, toId } };
      await run.apply({
        entity: 'needLink',
        key,
        fields: { from: need.key, to: related.need, note: related.note },
        find: () => tx.needLink.findUnique({ where }),
        fieldsOf: (row) => ({ from: need.key, to: related.need, note: row.note }),
        isOwnerEdited: isNeedEdited(need.key),
        create: () => tx.needLink.create({ data: { fromId, toId, note: related.note } }),
        update: () => tx.needLink.update({ where, data: { note: related.note } }),
      });
    }

    // Children are linked to the need too, so that every solution can be reached from
    // its need; positions follow the bullets, parents before their children.
    for (const [index, solution] of flattenSolutions(need.solutions).entries()) {
      const key = `link:need-solution:${need.key}:${solution.key}`;
      const position = index + 1;
      const needId = ids.need.get(need.key);
      const solutionId = ids.solution.get(solution.key);
      if (!needId || !solutionId) {
        run.skip('needSolution', key, 'missing-reference');
        continue;
      }
      const where = { needId_solutionId: { needId, solutionId } };
      await run.apply({
        entity: 'needSolution',
        key,
        fields: { need: need.key, solution: solution.key, position },
        find: () => tx.needSolution.findUnique({ where }),
        fieldsOf: (row) => ({ need: need.key, solution: solution.key, position: row.position }),
        isOwnerEdited: isNeedEdited(need.key) || isSolutionEdited(solution.key),
        create: () => tx.needSolution.create({ data: { needId, solutionId, position } }),
        update: () => tx.needSolution.update({ where, data: { position } }),
      });
    }

    for (const solution of flattenSolutions(need.solutions)) {
      for (const link of solution.providers) {
        const key = `link:solution-provider:${solution.key}:${link.provider}:${link.role}`;
        const solutionId = ids.solution.get(solution.key);
        const providerId = ids.provider.get(link.provider);
        if (!solutionId || !providerId) {
          run.skip('solutionProvider', key, 'missing-reference');
          continue;
        }
        const where = { solutionId_providerId_role: { solutionId, providerId, role: link.role } };
        const base = { solution: solution.key, provider: link.provider, role: link.role };
        await run.apply({
          entity: 'solutionProvider',
          key,
          fields: solutionProviderFields(base, link.isRoleInferred),
          find: () => tx.solutionProvider.findUnique({ where }),
          fieldsOf: (row) => solutionProviderFields(base, row.isRoleInferred),
          isOwnerEdited: isSolutionEdited(solution.key),
          create: () => tx.solutionProvider.create({ data: { solutionId, providerId, role: link.role, isRoleInferred: link.isRoleInferred } }),
          update: () => tx.solutionProvider.update({ where, data: { isRoleInferred: link.isRoleInferred } }),
        });
      }
    }
  }
}

// The flag is part of the hash only when set, so that links seeded before it existed (all
// false) still hash as recorded and count as untouched.
function solutionProviderFields(base: Fields, isRoleInferred: boolean): Fields {
  return isRoleInferred ? { ...base, isRoleInferred } : base;
}

const LINK_ENTITIES: Record<string, SeedEntity> = { need: 'needLink', 'need-solution': 'needSolution', 'solution-provider': 'solutionProvider' };

/**
 * The row of a link key ("link:solution-provider:<solution>:<provider>:<role>", …) with its
 * content in the shape the seed hashed, and how to delete it; null when it is gone.
 */
type RecordedLink = { fields: Fields; owners: Array<{ key: string; updatedAt: Date }>; remove(): Promise<unknown> };

async function findRecordedLink(tx: Tx, key: string): Promise<RecordedLink | null> {
  const [, kind, from, to, role] = key.split(':');
  const need = (slug: string | undefined) => tx.need.findUnique({ where: { slug: slug ?? '' }, select: { id: true, updatedAt: true } });
  const solution = (slug: string | undefined) => tx.solution.findUnique({ where: { slug: slug ?? '' }, select: { id: true, updatedAt: true } });
  const provider = (slug: string | undefined) => tx.provider.findUnique({ where: { slug: slug ?? '' }, select: { id: true } });
  if (kind === 'need') {
    const [fromRow, toRow] = await Promise.all([need(from), need(to)]);
    if (!fromRow || !toRow) return null;
    const where = { fromId_toId: { fromId: fromRow.id, toId: toRow.id } };
    const row = await tx.needLink.findUnique({ where });
    const owners = [{ key: `need:${from}`, updatedAt: fromRow.updatedAt }];
    return row && { fields: { from, to, note: row.note }, owners, remove: () => tx.needLink.delete({ where }) };
  }
  if (kind === 'need-solution') {
    const [needRow, solutionRow] = await Promise.all([need(from), solution(to)]);
    if (!needRow || !solutionRow) return null;
    const where = { needId_solutionId: { needId: needRow.id, solutionId: solutionRow.id } };
    const row = await tx.needSolution.findUnique({ where });
    const owners = [
      { key: `need:${from}`, updatedAt: needRow.updatedAt },
      { key: `solution:${to}`, updatedAt: solutionRow.updatedAt },
    ];
    return row && { fields: { need: from, solution: to, position: row.position }, owners, remove: () => tx.needSolution.delete({ where }) };
  }
  if (kind === 'solution-provider') {
    const parsedRole = z.enum(ProviderRole).safeParse(role);
    const [solutionRow, providerRow] = await Promise.all([solution(from), provider(to)]);
    if (!solutionRow || !providerRow || !parsedRole.success) return null;
    const where = { solutionId_providerId_role: { solutionId: solutionRow.id, providerId: providerRow.id, role: parsedRole.data } };
    const row = await tx.solutionProvider.findUnique({ where });
    const base = { solution: from, provider: to, role: parsedRole.data };
    const owners = [{ key: `solution:${from}`, updatedAt: solutionRow.updatedAt }];
    return row && { fields: solutionProviderFields(base, row.isRoleInferred), owners, remove: () => tx.solutionProvider.delete({ where }) };
  }
  return null;
}

/** Removes the links seeded earlier that the file no longer has, when nobody changed them. */
async function retireLinks(run: SeedRun, tx: Tx): Promise<void> {
  const retired = [...run.records.values()].filter((record) => record.key.startsWith('link:') && !run.keysInFile.has(record.key));
  for (const record of retired.sort((a, b) => (a.key < b.key ? -1 : 1))) {
    const entity = LINK_ENTITIES[record.key.split(':')[1] ?? ''];
    if (!entity) continue;
    const link = await findRecordedLink(tx, record.key);
    if (!link) {
      // Already gone (deleted by a person, or with its need, solution or provider).
      await run.forget(record.key);
      continue;
    }
    if (hashFields(link.fields) !== record.hash || link.owners.some((owner) => run.isEditedSince(owner.key, owner.updatedAt))) {
      run.skip(entity, record.key, 'edited-since');
      continue;
    }
    await link.remove();
    await run.forget(record.key);
    run.count(entity, 'removed');
  }
}

/**
 * Seeds the inventory (the repository's file by default) in one transaction.
 * Safe to run again: see the rules at the top of this file.
 */
export async function seedInventory(prisma: PrismaClient, data?: SeedInventoryInput | SeedInventory): Promise<SeedReport> {
  const inventory = data === undefined ? loadInventory() : parseInventory(data);
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SEED_LOCK_ID})`;
      const records = new Map(
        (await tx.seedRecord.findMany({ select: { key: true, hash: true, rowUpdatedAt: true } })).map((record) => [record.key, record]),
      );
      const run = new SeedRun(tx, records);
      await seedThemes(run, tx, inventory);
      await seedProviders(run, tx, inventory);
      await seedNeeds(run, tx, inventory);
      await seedSolutions(run, tx, inventory);
      await seedLinks(run, tx, inventory);
      await retireLinks(run, tx);
      return run.report;
    },
    // A few hundred small statements; generous limits for slow disks and CI machines.
    { maxWait: 30_000, timeout: 300_000 },
  );
}

// --- French summary for the command line ------------------------------------------------

const ENTITY_LABELS: Record<SeedEntity, string> = {
  theme: 'Thèmes',
  provider: 'Fournisseurs',
  need: 'Besoins et enjeux',
  solution: 'Solutions',
  needLink: 'Liens entre besoins',
  needSolution: 'Liens besoin–solution',
  solutionProvider: 'Liens solution–fournisseur',
  synonymGroup: 'Groupes de synonymes',
};

const SKIP_LABELS: Record<SeedSkipReason, string> = {
  'edited-since': 'conservé : modifié par une personne depuis le dernier chargement',
  'deleted-since': 'non recréé : supprimé par une personne depuis le dernier chargement',
  'slug-taken': 'ignoré : une autre fiche utilise déjà cette clé',
  'missing-reference': 'ignoré : une fiche liée est absente de la base',
};

/** A table of the counts, then one line per skipped item. */
export function formatSeedReport(report: SeedReport): string {
  const columns: Array<[keyof SeedCounts, string]> = [
    ['created', 'créés'],
    ['adopted', 'repris'],
    ['updated', 'mis à jour'],
    ['unchanged', 'inchangés'],
    ['removed', 'retirés'],
    ['skipped', 'ignorés'],
  ];
  const labelWidth = Math.max(...Object.values(ENTITY_LABELS).map((label) => label.length), 'Total'.length);
  const row = (label: string, counts: SeedCounts): string =>
    `${label.padEnd(labelWidth)}  ${columns.map(([column, title]) => String(counts[column]).padStart(title.length)).join('  ')}`;
  const lines = [
    `${''.padEnd(labelWidth)}  ${columns.map(([, title]) => title).join('  ')}`,
    // Each run loads one file: the inventory, or the synonyms (lib/seed/seed-synonyms.ts).
    ...SEED_ENTITIES.filter((entity) => Object.values(report.counts[entity]).some((count) => count > 0)).map((entity) =>
      row(ENTITY_LABELS[entity], report.counts[entity]),
    ),
    row('Total', report.totals),
  ];
  if (report.skipped.length > 0) {
    lines.push('', 'Non modifiés par le chargement :');
    for (const skip of report.skipped) lines.push(`  - ${skip.key} — ${SKIP_LABELS[skip.reason]}`);
  }
  return lines.join('\n');
}
