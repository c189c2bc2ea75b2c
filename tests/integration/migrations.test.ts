// prisma/migrations against a real PostgreSQL: they build the schema from nothing, and
// they still describe prisma/schema.prisma (the drift check: editing the schema without
// `npm run db:migration:new` fails here).
// Runs in a database of its own, created on the test server and dropped at the end.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/lib/embedded-postgres';
import {
  DEFAULT_MIGRATIONS_DIR,
  DEFAULT_SCHEMA_PATH,
  applyMigrations,
  diffMigrationsToSchema,
  isEmptyMigration,
} from '../../scripts/lib/migrations';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `migrations_test_${process.pid}_${Date.now()}`;

const EXPECTED_TABLES = [
  'Need',
  'NeedLink',
  'NeedSolution',
  'Provider',
  'SeedRecord',
  'Solution',
  'SolutionProvider',
  'Theme',
  '_prisma_migrations',
];

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function migrationNames(): Promise<string[]> {
  const entries = await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));
}

describe.skipIf(!serverUrl)('prisma/migrations', () => {
  let url: string;

  beforeAll(async () => {
    await ensureDatabase(serverUrl!, databaseName);
    url = withDatabase(serverUrl!, databaseName);
  });

  afterAll(async () => {
    await dropDatabase(serverUrl!, databaseName);
  });

  it('apply to an empty database and create the tables', async () => {
    const names = await migrationNames();
    expect(names.length).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual(names);

    const tables = await query<{ table_name: string }>(
      url,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    );
    expect(tables.map((row) => row.table_name)).toEqual(expect.arrayContaining(EXPECTED_TABLES));
  });

  it('are recorded as `prisma migrate deploy` records them', async () => {
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      url,
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations ORDER BY migration_name',
    );
    const names = await migrationNames();
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      // The CLI compares this checksum with the file: equal means "already applied".
      const sql = await readFile(path.join(DEFAULT_MIGRATIONS_DIR, row.migration_name, 'migration.sql'), 'utf8');
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it('do nothing when applied again', async () => {
    expect(await applyMigrations(url)).toEqual([]);
  });

  it('match prisma/schema.prisma (no drift)', async () => {
    const diff = await diffMigrationsToSchema(url);
    expect(
      isEmptyMigration(diff),
      'prisma/schema.prisma ne correspond plus aux migrations. ' +
        `Créez une migration : npm run db:migration:new -- <nom>\nSQL manquant :\n${diff}`,
    ).toBe(true);
  });

  // Guards the guard: a drift check that always answers "in sync" would pass above.
  it('notice a schema change that has no migration', async () => {
    const schema = await readFile(DEFAULT_SCHEMA_PATH, 'utf8');
    const changed = schema.replace(/^model Need \{\n/m, 'model Need {\n  driftCanary String?\n');
    expect(changed).not.toBe(schema);

    const dir = await mkdtemp(path.join(os.tmpdir(), 'drift-'));
    try {
      const schemaPath = path.join(dir, 'schema.prisma');
      await writeFile(schemaPath, changed);
      const diff = await diffMigrationsToSchema(url, { schemaPath });
      expect(isEmptyMigration(diff)).toBe(false);
      expect(diff).toMatch(/ALTER TABLE "Need" ADD COLUMN\s+"driftCanary" TEXT/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
