// npm run db:migration:new -- <name> — writes prisma/migrations/<timestamp>_<name>/
// with the SQL that brings the existing migrations to prisma/schema.prisma. The SQL is
// computed in a throwaway database; the project's database is not modified.
import path from 'node:path';
import { openScriptDatabase } from './lib/database';
import { installShutdownHandlers } from './lib/embedded-postgres';
import { createMigration } from './lib/migrations';

async function main(): Promise<void> {
  const name = process.argv.slice(2).join(' ').trim();
  if (!name) {
    console.error('Usage : npm run db:migration:new -- <nom>   (par exemple : ajout_recherche)');
    process.exitCode = 1;
    return;
  }
  const database = await openScriptDatabase();
  installShutdownHandlers(database.stop);
  try {
    const migration = await createMigration(name, database.url);
    const file = path.relative(process.cwd(), path.join(migration.directory, 'migration.sql'));
    console.log(`Migration créée : ${file}`);
    console.log('Relisez le SQL, puis appliquez-la avec : npm run db:migrate');
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(process.env.DEBUG || !(error instanceof Error) ? error : error.message);
  process.exitCode = 1;
});
