// `npm run db:export`: the whole database as one JSON file (see lib/backup/policy.ts for
// what is left out and why). Read in one REPEATABLE READ transaction, so that the file is one
// consistent picture even while the site is in use. Rows are sorted by primary key and
// columns follow the table's order: the same data always gives the same file.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { readAppliedMigrations, readCatalog, insertionOrder, type ColumnInfo } from '@/lib/backup/catalog';
import { BACKED_UP_MODELS, BACKUP_FORMAT, BACKUP_FORMAT_VERSION, BACKUP_POLICY, DERIVED_COLUMN_TYPES, policyOf } from '@/lib/backup/policy';
import { compareKeys, tableDelegate } from '@/lib/backup/tables';

export type BackupRow = Record<string, unknown>;

export type BackupFile = {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  exportedAt: string;
  /** The last migration applied to the database it was taken from. */
  migration: string;
  /** What the file leaves out on purpose: "Table" or "Table.column" → reason. */
  excluded: Record<string, string>;
  /** Rows of each table, tables in an order that can be inserted as is. */
  tables: Record<string, BackupRow[]>;
};

export const SUPPORTED_TYPES = new Set(['text', 'integer', 'boolean', 'timestamp', 'jsonb', 'enum']);

/** Columns of `table` that go in the file; throws on a column type it cannot carry. */
export function backedUpColumns(table: string, columns: readonly ColumnInfo[]): ColumnInfo[] {
  const policy = policyOf(table);
  const omitted = policy?.backup ? (policy.omitColumns ?? {}) : {};
  return columns.filter((column) => {
    if (column.name in omitted || column.udtName in DERIVED_COLUMN_TYPES) return false;
    if (!SUPPORTED_TYPES.has(column.type)) {
      throw new Error(
        `La colonne ${table}.${column.name} est de type « ${column.udtName} », que la sauvegarde ne sait pas encore transporter : ` +
          'ajoutez ce type à lib/backup (export et restauration) ou excluez la colonne dans lib/backup/policy.ts avec une raison.',
      );
    }
    return true;
  });
}

/** What the file leaves out, with the reasons (written into the file for whoever reads it). */
export function exclusionsOf(columnsByTable: Map<string, ColumnInfo[]>): Record<string, string> {
  const excluded: Record<string, string> = {};
  for (const [model, policy] of Object.entries(BACKUP_POLICY)) {
    if (!policy.backup) excluded[model] = policy.reason;
    else for (const [column, reason] of Object.entries(('omitColumns' in policy ? policy.omitColumns : undefined) ?? {})) excluded[`${model}.${column}`] = reason;
  }
  for (const [table, columns] of columnsByTable) {
    for (const column of columns) {
      const reason = DERIVED_COLUMN_TYPES[column.udtName];
      if (reason) excluded[`${table}.${column.name}`] = reason;
    }
  }
  return Object.fromEntries(Object.entries(excluded).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function serialize(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') throw new Error('Valeur bigint non prise en charge par la sauvegarde.');
  return value;
}

export async function exportDatabase(db: PrismaClient, now: Date = new Date()): Promise<BackupFile> {
  return db.$transaction(
    async (tx) => {
      const migrations = await readAppliedMigrations(tx);
      const migration = migrations.at(-1);
      if (!migration) throw new Error('Cette base n’a aucune migration appliquée : il n’y a rien à sauvegarder.');
      const catalog = await readCatalog(tx, BACKED_UP_MODELS);
      const tables: Record<string, BackupRow[]> = {};
      // A table that a later migration creates is not in a database that is behind: the file
      // says which migration it was taken at, and a restore treats the table as empty.
      const present = BACKED_UP_MODELS.filter((model) => catalog.columns.has(model));
      for (const model of insertionOrder(present, catalog.foreignKeys)) {
        const columns = catalog.columns.get(model)!;
        const kept = backedUpColumns(model, columns);
        const policy = policyOf(model);
        const omit = Object.fromEntries(Object.keys(policy?.backup ? (policy.omitColumns ?? {}) : {}).map((column) => [column, true as const]));
        const rows = await tableDelegate(tx, model).findMany(Object.keys(omit).length > 0 ? { omit } : undefined);
        const primaryKey = catalog.primaryKeys.get(model) ?? kept.map((column) => column.name);
        tables[model] = rows
          .map((row) => {
            for (const key of Object.keys(row)) {
              if (!kept.some((column) => column.name === key)) {
                throw new Error(`Le champ ${model}.${key} ne correspond à aucune colonne sauvegardée (nom de colonne différent, @map ?).`);
              }
            }
            return Object.fromEntries(kept.map((column) => [column.name, serialize(row[column.name] ?? null)]));
          })
          .sort((a, b) => compareKeys(primaryKey.map((key) => a[key]), primaryKey.map((key) => b[key])));
      }
      return {
        format: BACKUP_FORMAT,
        formatVersion: BACKUP_FORMAT_VERSION,
        exportedAt: now.toISOString(),
        migration,
        excluded: exclusionsOf(catalog.columns),
        tables,
      };
    },
    { isolationLevel: 'RepeatableRead', timeout: 120_000, maxWait: 10_000 },
  );
}

/** The file's text: indented JSON, one trailing newline. */
export function backupToJson(backup: BackupFile): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}
