// `npm run db:import`: a file written by `npm run db:export` back into an EMPTY database, in
// one transaction. The file is checked first, against the tables as they are in the target
// database (its catalog), so that a mistake is reported in French with the table, the row
// and the column, before anything is written. Ids, timestamps and history are kept as they
// were; search documents are rebuilt by the database's triggers as rows arrive.
import { z } from 'zod';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { insertionOrder, readAppliedMigrations, readCatalog, type Catalog, type ColumnInfo } from '@/lib/backup/catalog';
import { backedUpColumns } from '@/lib/backup/export';
import { BACKED_UP_MODELS, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_POLICY, policyOf } from '@/lib/backup/policy';
import { tableDelegate } from '@/lib/backup/tables';

/** A refusal to show as is (French, says what to do). */
export class BackupError extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

export type RestoreReport = {
  /** Rows inserted per table, in insertion order. */
  counts: Record<string, number>;
  migration: string;
  /** The file was taken before the database's latest migration (new columns got their defaults). */
  isOlderThanDatabase: boolean;
  /** Members restored: none of them has a password. */
  members: number;
};

const MAX_REPORTED_ERRORS = 30;
const CHUNK = 500;

const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'Ce fichier n’est pas une sauvegarde du répertoire (champ « format » absent ou différent).' }),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION, {
    error: `Version de format de sauvegarde non prise en charge (attendu : ${BACKUP_FORMAT_VERSION}).`,
  }),
  exportedAt: z.iso.datetime({ error: 'Champ « exportedAt » : date ISO attendue.' }),
  migration: z.string({ error: 'Champ « migration » manquant.' }).min(1),
  excluded: z.record(z.string(), z.string()).optional(),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()), { error: 'Chaque table doit être une liste de lignes.' }), {
    error: 'Champ « tables » manquant.',
  }),
});

type Envelope = z.infer<typeof envelopeSchema>;

function baseSchema(column: ColumnInfo): z.ZodType {
  switch (column.type) {
    case 'text':
      return z.string();
    case 'integer':
      return z.number().int();
    case 'boolean':
      return z.boolean();
    case 'timestamp':
      return z.iso.datetime({ offset: true });
    case 'jsonb':
      return z.json();
    case 'enum':
      return z.enum(column.enumValues as [string, ...string[]]);
    default:
      throw new Error(`Type de colonne non pris en charge : ${column.udtName}.`);
  }
}

/** The shape of one row of `table` in the target database. Columns with a default may be absent (older backups). */
export function rowSchema(table: string, columns: readonly ColumnInfo[]) {
  const shape: Record<string, z.ZodType> = {};
  for (const column of backedUpColumns(table, columns)) {
    let schema = baseSchema(column);
    if (column.isArray) schema = z.array(schema);
    if (column.isNullable && column.type !== 'jsonb') schema = schema.nullable();
    if (column.hasDefault || column.isNullable) schema = schema.optional();
    shape[column.name] = schema;
  }
  return z.strictObject(shape);
}

const frenchErrors = z.locales.fr().localeError;

function validateTables(envelope: Envelope, catalog: Catalog, isLatest: boolean): string[] {
  const errors: string[] = [];
  for (const table of Object.keys(envelope.tables)) {
    const policy = policyOf(table);
    if (!policy) errors.push(`Table « ${table} » inconnue de cette version du répertoire.`);
    else if (!policy.backup) errors.push(`Table « ${table} » : elle n’est jamais sauvegardée (${policy.reason}) et ne peut pas être restaurée.`);
  }
  for (const table of BACKED_UP_MODELS) {
    const rows = envelope.tables[table];
    if (rows === undefined) {
      // Taken before the migration that created it: nothing to restore there.
      if (!isLatest) continue;
      errors.push(`Table « ${table} » absente du fichier (une liste vide [] si elle n’a aucune ligne).`);
      continue;
    }
    const schema = rowSchema(table, catalog.columns.get(table) ?? []);
    rows.forEach((row, index) => {
      const parsed = schema.safeParse(row, { error: frenchErrors });
      if (parsed.success) return;
      for (const issue of parsed.error.issues) {
        const column = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
        errors.push(`Table « ${table} », ligne ${index + 1}${column ? `, colonne « ${column} »` : ''} : ${issue.message}`);
      }
    });
  }
  return errors;
}

/** Rows of a self-referencing table (a solution and its parent), parents first. */
function orderSelfReferences(table: string, rows: Record<string, unknown>[], catalog: Catalog): Record<string, unknown>[] {
  const selfKeys = catalog.foreignKeys.filter((key) => key.table === table && key.referencedTable === table);
  if (selfKeys.length === 0) return rows;
  const keyOf = (row: Record<string, unknown>, columns: string[]) => JSON.stringify(columns.map((column) => row[column] ?? null));
  const present = new Set(rows.flatMap((row) => selfKeys.map((key) => keyOf(row, key.referencedColumns))));
  const inserted = new Set<string>();
  const ordered: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const next: Record<string, unknown>[] = [];
    for (const row of pending) {
      const isReady = selfKeys.every((key) => {
        if (key.columns.some((column) => row[column] === null || row[column] === undefined)) return true;
        const target = keyOf(row, key.columns);
        return inserted.has(target) || !present.has(target);
      });
      if (isReady) {
        ordered.push(row);
        for (const key of selfKeys) inserted.add(keyOf(row, key.referencedColumns));
      } else next.push(row);
    }
    if (next.length === pending.length) throw new BackupError(`Table « ${table} » : références circulaires entre ses lignes.`);
    pending = next;
  }
  return ordered;
}

/** A validated row as Prisma's createMany wants it: dates as Date, SQL NULL for an empty JSON column. */
function toCreateData(row: Record<string, unknown>, columns: readonly ColumnInfo[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const column of columns) {
    if (!(column.name in row)) continue;
    const value = row[column.name];
    if (column.type === 'jsonb' && value === null) data[column.name] = Prisma.DbNull;
    else if (column.type === 'timestamp' && typeof value === 'string') data[column.name] = new Date(value);
    else data[column.name] = value;
  }
  return data;
}

/** Parses the file's text; throws BackupError with a French message. */
export function parseBackupText(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new BackupError(`Le fichier n’est pas du JSON valide : ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function restoreDatabase(db: PrismaClient, input: unknown): Promise<RestoreReport> {
  const envelope = envelopeSchema.safeParse(input, { error: frenchErrors });
  if (!envelope.success) {
    throw new BackupError(
      'Ce fichier n’est pas une sauvegarde valide.',
      envelope.error.issues.map((issue) => `${issue.path.join('.') || 'fichier'} : ${issue.message}`),
    );
  }
  const file = envelope.data;

  const applied = await readAppliedMigrations(db);
  if (applied.length === 0) throw new BackupError('La base cible n’a aucune migration appliquée : lancez d’abord npm run db:migrate.');
  if (!applied.includes(file.migration)) {
    throw new BackupError(
      `La sauvegarde a été faite au niveau de la migration « ${file.migration} », que cette base ne connaît pas ` +
        `(sa dernière migration : « ${applied.at(-1)} »). Restaurez-la avec la version du répertoire qui l’a produite, ou une plus récente.`,
    );
  }

  const catalog = await readCatalog(db, BACKED_UP_MODELS);
  const errors = validateTables(file, catalog, file.migration === applied.at(-1));
  if (errors.length > 0) {
    const shown = errors.slice(0, MAX_REPORTED_ERRORS);
    if (errors.length > shown.length) shown.push(`… et ${errors.length - shown.length} autres erreurs.`);
    throw new BackupError(`Le fichier a ${errors.length} ${errors.length > 1 ? 'erreurs' : 'erreur'} : rien n’a été restauré.`, shown);
  }

  const counts: Record<string, number> = {};
  await db.$transaction(
    async (tx) => {
      // Checked inside the transaction: nothing can slip in between the check and the inserts
      // unnoticed (a concurrent insert makes ours fail on the unique keys, and all rolls back).
      const nonEmpty: string[] = [];
      for (const model of Object.keys(BACKUP_POLICY)) {
        const count = await tableDelegate(tx, model).count();
        if (count > 0) nonEmpty.push(`${model} (${count})`);
      }
      if (nonEmpty.length > 0) {
        throw new BackupError(
          'La base cible n’est pas vide : la restauration n’écrit que dans une base vide, pour ne rien écraser ni mélanger. ' +
            'Créez une nouvelle base (ou videz celle-ci), appliquez les migrations, puis recommencez.',
          [`Tables qui contiennent déjà des lignes : ${nonEmpty.join(', ')}.`],
        );
      }
      for (const model of insertionOrder(BACKED_UP_MODELS, catalog.foreignKeys)) {
        const columns = backedUpColumns(model, catalog.columns.get(model) ?? []);
        const rows = orderSelfReferences(model, file.tables[model] ?? [], catalog).map((row) => toCreateData(row, columns));
        const delegate = tableDelegate(tx, model);
        for (let start = 0; start < rows.length; start += CHUNK) await delegate.createMany({ data: rows.slice(start, start + CHUNK) });
        counts[model] = rows.length;
      }
    },
    { timeout: 600_000, maxWait: 10_000 },
  );

  return {
    counts,
    migration: file.migration,
    isOlderThanDatabase: file.migration !== applied.at(-1),
    members: counts.User ?? 0,
  };
}
