// `npm run db:seed`: loads the April 2023 inventory (prisma/seed/inventaire-2023.json), then the
// starter synonyms of the search (prisma/seed/synonymes.json), into
// the database given by DATABASE_URL, or into the embedded PostgreSQL when it is unset (the
// one `npm start` runs, when it is up).
// Safe to run again: entries a person edited or deleted since are left alone (see
// lib/seed/seed-inventory.ts), and the summary says which ones.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { formatSeedReport, seedInventory } from '../lib/seed/seed-inventory';
import { seedSynonyms } from '../lib/seed/seed-synonyms';
import { openScriptDatabase } from './lib/database';
import { installShutdownHandlers } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';

async function main(): Promise<void> {
  const db = await openScriptDatabase();
  installShutdownHandlers(db.stop);
  try {
    // A fresh embedded database has no tables yet; applying is a no-op otherwise.
    const applied = await applyMigrations(db.url);
    if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(', ')}`);

    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: db.url }) });
    try {
      console.log(`Chargement de l'inventaire d'avril 2023${db.isEmbedded ? ' (base PostgreSQL intégrée)' : ''}…`);
      const report = await seedInventory(prisma);
      console.log(formatSeedReport(report));
      console.log('\nSynonymes de la recherche (prisma/seed/synonymes.json)…');
      console.log(formatSeedReport(await seedSynonyms(prisma)));
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`\nLe chargement de l'inventaire a échoué : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
