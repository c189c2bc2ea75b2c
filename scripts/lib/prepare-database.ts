// Shared by `npm start` and `npm run dev`: a database that is up, migrated, and holds the
// inventory when it was empty (and the starter synonyms when it never had them).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { formatSeedReport, seedInventory } from '../../lib/seed/seed-inventory';
import { needsSynonymSeed, seedSynonyms } from '../../lib/seed/seed-synonyms';
import { openDatabase } from './database';
import { installShutdownHandlers } from './embedded-postgres';
import { applyMigrations } from './migrations';

async function seedIfEmpty(url: string): Promise<void> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    // A database that was ever seeded, or that holds entries, is left as it is.
    const [records, needs] = await Promise.all([prisma.seedRecord.count(), prisma.need.count()]);
    if (records === 0 && needs === 0) {
      console.log("Base vide : chargement de l'inventaire d'avril 2023…");
      console.log(formatSeedReport(await seedInventory(prisma)));
    }
    // The starter synonyms, once: also into a database seeded before they existed.
    if (await needsSynonymSeed(prisma)) {
      console.log('Chargement des synonymes de départ de la recherche…');
      console.log(formatSeedReport(await seedSynonyms(prisma)));
    }
  } finally {
    await prisma.$disconnect();
  }
}

/** Opens the database, stops it on Ctrl-C/SIGTERM, applies migrations, seeds if empty. */
export async function prepareDatabase(): Promise<{ url: string; stop(): Promise<void> }> {
  const database = await openDatabase();
  installShutdownHandlers(database.stop);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(', ')}`);
    await seedIfEmpty(database.url);
  } catch (error) {
    await database.stop().catch(() => undefined);
    throw error;
  }
  return database;
}
