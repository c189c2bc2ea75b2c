// `npm run db:import -- <fichier.json>`: restores a file of `npm run db:export` into an EMPTY
// database (DATABASE_URL, or the embedded PostgreSQL: the running one, else started and stopped here),
// after applying the migrations. All or nothing, in one transaction; a database that holds
// anything is refused. Members come back without passwords: each needs a new access link.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { BackupError, parseBackupText, restoreDatabase } from '../lib/backup/restore';
import { openScriptDatabase } from './lib/database';
import { installShutdownHandlers } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';

const USAGE = 'Usage : npm run db:import -- <fichier.json>';

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  if (files.length !== 1 || files[0]!.startsWith('--')) {
    console.error(USAGE);
    process.exitCode = 1;
    return;
  }
  const source = path.resolve(files[0]!);
  const text = await readFile(source, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new BackupError(`Impossible de lire ${source} (${error.code ?? error.message}).`);
  });
  // Checked before touching any database: a wrong file fails fast.
  const input = parseBackupText(text);

  const database = await openScriptDatabase();
  installShutdownHandlers(database.stop);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(', ')}`);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      const report = await restoreDatabase(prisma, input);
      console.log(`Sauvegarde restaurée depuis ${source} (migration ${report.migration}) :`);
      for (const [table, count] of Object.entries(report.counts)) console.log(`  ${table.padEnd(18)} ${count}`);
      if (report.isOlderThanDatabase) {
        console.log('La sauvegarde précède les dernières migrations : les colonnes ajoutées depuis ont reçu leur valeur par défaut.');
      }
      if (report.members > 0) {
        console.log(
          `\n${report.members} ${report.members > 1 ? 'membres restaurés' : 'membre restauré'} SANS mot de passe (la sauvegarde n’en contient pas).\n` +
            'Pour retrouver l’accès : npm run admin:create -- <courriel> --reinitialiser donne un lien à une personne qui administre ;\n' +
            'elle redonne ensuite accès aux autres depuis /admin/membres (« Réinitialiser l’accès »).',
        );
      }
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  if (error instanceof BackupError) {
    console.error(`\nRestauration refusée : ${error.message}`);
    for (const detail of error.details) console.error(`  - ${detail}`);
  } else {
    console.error(`\nLa restauration a échoué : ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 1;
});
