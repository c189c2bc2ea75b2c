// npm run db:migrate — applies prisma/migrations to DATABASE_URL, or to the embedded
// PostgreSQL when DATABASE_URL is not set (the one `npm start` runs, when it is up).
import { openScriptDatabase } from './lib/database';
import { installShutdownHandlers } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';

async function main(): Promise<void> {
  const database = await openScriptDatabase();
  installShutdownHandlers(database.stop);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length === 0) {
      console.log('Migrations : la base est déjà à jour.');
      return;
    }
    console.log(`Migrations appliquées (${applied.length}) :`);
    for (const name of applied) console.log(`  - ${name}`);
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(process.env.DEBUG || !(error instanceof Error) ? error : error.message);
  process.exitCode = 1;
});
