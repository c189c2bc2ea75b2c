// The database's own description of its tables (PostgreSQL's catalog): columns and their
// types, primary keys, foreign keys, enum values and the last migration applied. A backup
// follows the schema as it is in the database rather than a list written by hand, so that a
// column or table added later is carried (or refused loudly) without touching this code.
import type { PrismaClient, Prisma } from '@/lib/generated/prisma/client';

type Db = Pick<PrismaClient, '$queryRaw'> | Pick<Prisma.TransactionClient, '$queryRaw'>;

export type ColumnInfo = {
  name: string;
  /** 'text', 'integer', 'boolean', 'timestamp', 'jsonb', 'enum', or the type's name when none of these. */
  type: string;
  /** The enum's values (type 'enum'). */
  enumValues?: string[];
  isArray: boolean;
  isNullable: boolean;
  hasDefault: boolean;
  /** PostgreSQL's name for the type, e.g. "tsvector", "Region". */
  udtName: string;
};

export type ForeignKey = { table: string; columns: string[]; referencedTable: string; referencedColumns: string[] };

export type Catalog = {
  columns: Map<string, ColumnInfo[]>;
  primaryKeys: Map<string, string[]>;
  foreignKeys: ForeignKey[];
};

type ColumnRow = { table: string; column: string; dataType: string; udtName: string; isNullable: string; hasDefault: boolean };

const SCALAR_TYPES: Record<string, string> = {
  text: 'text',
  'character varying': 'text',
  integer: 'integer',
  boolean: 'boolean',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamp',
  jsonb: 'jsonb',
  json: 'jsonb',
};
const ARRAY_ELEMENT_TYPES: Record<string, string> = { _text: 'text', _varchar: 'text', _int4: 'integer', _bool: 'boolean' };

export async function readCatalog(db: Db, tables: readonly string[]): Promise<Catalog> {
  const tableList = [...tables];
  // One query after the other: inside a transaction they share one connection.
  const columnRows = await db.$queryRaw<ColumnRow[]>`
      SELECT table_name AS "table", column_name AS "column", data_type AS "dataType", udt_name AS "udtName",
             is_nullable AS "isNullable", (column_default IS NOT NULL) AS "hasDefault"
      FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY (${tableList})
      ORDER BY table_name, ordinal_position`;
  const enumRows = await db.$queryRaw<{ name: string; value: string }[]>`
      SELECT t.typname AS name, e.enumlabel AS value
      FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      ORDER BY t.typname, e.enumsortorder`;
  const primaryKeyRows = await db.$queryRaw<{ table: string; columns: string[] }[]>`
      SELECT c.relname AS "table", array_agg(a.attname::text ORDER BY k.ord) AS columns
      FROM pg_index i
      JOIN pg_class c ON c.oid = i.indrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord) ON true
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
      WHERE i.indisprimary AND n.nspname = current_schema() AND c.relname = ANY (${tableList})
      GROUP BY c.relname`;
  const foreignKeyRows = await db.$queryRaw<ForeignKey[]>`
      SELECT src.relname AS "table", dst.relname AS "referencedTable",
        ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
        ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
              JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS "referencedColumns"
      FROM pg_constraint con
      JOIN pg_class src ON src.oid = con.conrelid
      JOIN pg_class dst ON dst.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = con.connamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema() AND src.relname = ANY (${tableList})
      ORDER BY src.relname, con.conname`;

  const enums = new Map<string, string[]>();
  for (const row of enumRows) enums.set(row.name, [...(enums.get(row.name) ?? []), row.value]);

  const columns = new Map<string, ColumnInfo[]>();
  for (const row of columnRows) {
    const isArray = row.dataType === 'ARRAY';
    const elementUdt = isArray ? row.udtName.replace(/^_/, '') : row.udtName;
    const enumValues = enums.get(elementUdt);
    const type = enumValues
      ? 'enum'
      : isArray
        ? (ARRAY_ELEMENT_TYPES[row.udtName] ?? elementUdt)
        : (SCALAR_TYPES[row.dataType] ?? row.udtName);
    columns.set(row.table, [
      ...(columns.get(row.table) ?? []),
      {
        name: row.column,
        type,
        ...(enumValues ? { enumValues } : {}),
        isArray,
        isNullable: row.isNullable === 'YES',
        hasDefault: row.hasDefault,
        udtName: elementUdt,
      },
    ]);
  }

  return {
    columns,
    primaryKeys: new Map(primaryKeyRows.map((row) => [row.table, row.columns])),
    foreignKeys: foreignKeyRows,
  };
}

/**
 * The tables in an order where every table comes after those it references (self-references
 * aside: rows of one table are ordered among themselves). Ties by name, so the order is stable.
 */
export function insertionOrder(tables: readonly string[], foreignKeys: readonly ForeignKey[]): string[] {
  const pending = new Set(tables);
  const order: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending]
      .filter((table) =>
        foreignKeys.every((key) => key.table !== table || key.referencedTable === table || !pending.has(key.referencedTable)),
      )
      .sort();
    if (ready.length === 0) throw new Error(`Dépendances circulaires entre les tables : ${[...pending].join(', ')}.`);
    for (const table of ready) {
      order.push(table);
      pending.delete(table);
    }
  }
  return order;
}

/** Names of the migrations applied to this database, oldest first. */
export async function readAppliedMigrations(db: Db): Promise<string[]> {
  const exists = await db.$queryRaw<{ exists: boolean }[]>`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS exists`;
  if (!exists[0]?.exists) return [];
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT migration_name AS name FROM _prisma_migrations
    WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
    ORDER BY migration_name`;
  return rows.map((row) => row.name);
}
