// `npm run db:export -- <fichier.json>`: the whole database (entries, links, history,
// suggestions, members without their passwords) in one JSON file. What is left out, and why:
// lib/backup/policy.ts (also written into the file, under "excluded").
// Database: DATABASE_URL, or the embedded PostgreSQL (the running one, else started and stopped here).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { backupToJson, exportDatabase } from '../lib/backup/export';
import { openScriptDatabase } from './lib/database';
import { installShutdownHandlers } from './lib/embedded-postgres';

const USAGE = 'Usage : npm run db:export -- <fichier.json> [--remplacer]';

/**
 * Members' personal data and the history are in the file: readable by its owner only (600).
 * writeFile's `mode` applies only when it creates the file, so --remplacer would keep an
 * existing file's wider mode: write a new file beside it, then put it in its place (which also
 * replaces a symbolic link rather than writing through it).
 */
async function writePrivateFile(target: string, content: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, content, { encoding: 'utf8', mode: 0o600, flag: 'wx' });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const overwrite = args.includes('--remplacer');
  const files = args.filter((arg) => !arg.startsWith('--'));
  const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--remplacer');
  if (files.length !== 1 || unknown.length > 0) {
    console.error(USAGE);
    process.exitCode = 1;
    return;
  }
  const target = path.resolve(files[0]!);
  if (existsSync(target) && !overwrite) {
    console.error(`Le fichier ${target} existe déjà. Choisissez un autre nom, ou ajoutez --remplacer pour l’écraser.`);
    process.exitCode = 1;
    return;
  }

  const database = await openScriptDatabase();
  installShutdownHandlers(database.stop);
  try {
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      const backup = await exportDatabase(prisma);
      await writePrivateFile(target, backupToJson(backup));
      console.log(`Sauvegarde écrite dans ${target} (migration ${backup.migration}) :`);
      for (const [table, rows] of Object.entries(backup.tables)) console.log(`  ${table.padEnd(18)} ${rows.length}`);
      console.log('Laissés de côté exprès (raisons dans le fichier, champ « excluded ») :');
      for (const key of Object.keys(backup.excluded)) console.log(`  ${key}`);
      console.log('Ce fichier contient des données personnelles (membres, courriels des suggestions) : gardez-le en lieu sûr.');
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`\nLa sauvegarde a échoué : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
