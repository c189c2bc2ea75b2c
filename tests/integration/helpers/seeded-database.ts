// A database of one test file's own on the test PostgreSQL server, migrated and loaded with
// the 2023 inventory (the integration tests that read the directory start from it).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { seedInventory } from '@/lib/seed/seed-inventory';
import { ensureDatabase, withDatabase } from '@/scripts/lib/embedded-postgres';
import { applyMigrations } from '@/scripts/lib/migrations';

export async function createSeededDatabase(serverUrl: string, databaseName: string): Promise<PrismaClient> {
  await ensureDatabase(serverUrl, databaseName);
  const url = withDatabase(serverUrl, databaseName);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  await seedInventory(prisma);
  return prisma;
}
