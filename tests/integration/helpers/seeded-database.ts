// A database of one test file's own on the test PostgreSQL server, migrated and loaded with
// the 2023 inventory and the starter synonyms (the integration tests that read the directory
// start from it).
//
// Under mutation testing (npm run test:mutation) the same files run once per mutant: there
// TEST_SEEDED_TEMPLATE names a database seeded once, and each file gets a copy of it
// (CREATE DATABASE … TEMPLATE, a file copy) instead of seeding again.
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { seedInventory } from '@/lib/seed/seed-inventory';
import { seedSynonyms } from '@/lib/seed/seed-synonyms';
import { ensureDatabase, withDatabase } from '@/scripts/lib/embedded-postgres';
import { applyMigrations } from '@/scripts/lib/migrations';

async function seeded(serverUrl: string, databaseName: string): Promise<PrismaClient> {
  await ensureDatabase(serverUrl, databaseName);
  const url = withDatabase(serverUrl, databaseName);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedInventory(prisma);
  await seedSynonyms(prisma);
  return prisma;
}

/** Copies `template` (seeding it first, once, when it does not exist yet) into `databaseName`. */
async function fromTemplate(serverUrl: string, template: string, databaseName: string): Promise<PrismaClient> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // One builder at a time (Stryker runs several workers); the others wait, then copy.
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
    if (!exists.rowCount) {
      const building = `${template}_building`;
      await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(building)} WITH (FORCE)`);
      await (await seeded(serverUrl, building)).$disconnect();
      await client.query(`ALTER DATABASE ${client.escapeIdentifier(building)} RENAME TO ${client.escapeIdentifier(template)}`);
    }
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(databaseName)} TEMPLATE ${client.escapeIdentifier(template)}`);
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
  } finally {
    await client.end();
  }
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: withDatabase(serverUrl, databaseName) }) });
}

export async function createSeededDatabase(serverUrl: string, databaseName: string): Promise<PrismaClient> {
  const template = process.env.TEST_SEEDED_TEMPLATE;
  return template ? fromTemplate(serverUrl, template, databaseName) : seeded(serverUrl, databaseName);
}
