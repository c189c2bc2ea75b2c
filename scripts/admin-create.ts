// `npm run admin:create -- <email> [--nom "Prénom Nom"] [--lien] [--reinitialiser]`
//
// Creates an ADMIN account in the database of `npm start` (embedded, or DATABASE_URL), after
// applying the migrations; works while `npm start` runs (scripts/lib/database.ts). At a terminal it asks for the password (typed twice, hidden);
// otherwise, or with --lien, it prints a one-time link (7 days) where the person chooses it.
// An existing address is left as it is, unless --reinitialiser: then its password and
// sessions are revoked and a new link is printed (how to get back in when the last admin
// forgot their password).
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { getSiteUrl } from '../lib/env';
import { createAdmin, resetMemberAccess } from '../lib/security/accounts';
import { accessLinkPath } from '../lib/security/tokens';
import { emailSchema, nameSchema, passwordSchema } from '../lib/validation/user';
import { openScriptDatabase } from './lib/database';
import { installShutdownHandlers } from './lib/embedded-postgres';
import { applyMigrations } from './lib/migrations';
import { repoRoot } from './lib/next-app';
import { readServedPort } from './lib/served-port';

const USAGE = 'Usage : npm run admin:create -- <courriel> [--nom "Prénom Nom"] [--lien] [--reinitialiser]';

type Options = { email: string; name: string; wantsLink: boolean; reset: boolean };

function parseArguments(argv: string[]): Options | string {
  let email: string | undefined;
  let name: string | undefined;
  let wantsLink = false;
  let reset = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--lien') wantsLink = true;
    else if (argument === '--reinitialiser') reset = true;
    else if (argument === '--nom') name = argv[++index];
    else if (argument.startsWith('--nom=')) name = argument.slice('--nom='.length);
    else if (argument.startsWith('--')) return `Option inconnue : ${argument}\n${USAGE}`;
    else if (email === undefined) email = argument;
    else return `Un seul courriel à la fois.\n${USAGE}`;
  }
  if (!email) return USAGE;
  const parsedEmail = emailSchema.safeParse(email);
  if (!parsedEmail.success) return `${parsedEmail.error.issues[0]?.message ?? 'Adresse invalide.'}\n${USAGE}`;
  const parsedName = nameSchema.safeParse(name ?? parsedEmail.data.split('@')[0]);
  if (!parsedName.success) return `${parsedName.error.issues[0]?.message ?? 'Nom invalide.'}\n${USAGE}`;
  return { email: parsedEmail.data, name: parsedName.data, wantsLink, reset };
}

/** Reads a line without echoing it (raw mode). Ctrl-C aborts. */
function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stdout } = process;
    stdout.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const done = (error?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.removeListener('data', onData);
      stdout.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string): void => {
      for (const character of chunk) {
        if (character === '\u0003') return done(new Error('Annulé.'));
        if (character === '\r' || character === '\n' || character === '\u0004') return done();
        if (character === '\u007f' || character === '\b') typed = typed.slice(0, -1);
        else typed += character;
      }
    };
    stdin.on('data', onData);
  });
}

async function askPassword(): Promise<string> {
  console.log('Choisissez le mot de passe de ce compte (au moins 12 caractères; rien ne s’affiche pendant la saisie).');
  for (;;) {
    const password = await readHidden('Mot de passe : ');
    const parsed = passwordSchema.safeParse(password);
    if (!parsed.success) {
      console.log(parsed.error.issues[0]?.message ?? 'Mot de passe invalide.');
      continue;
    }
    if ((await readHidden('Encore une fois : ')) !== password) {
      console.log('Les deux mots de passe ne sont pas identiques. Recommencez.');
      continue;
    }
    return password;
  }
}

function printLink(token: string): void {
  // Without SITE_URL or PORT here, the port `npm start` is serving on (recorded while it runs).
  if (!process.env.SITE_URL?.trim() && !process.env.PORT?.trim()) {
    const served = readServedPort(path.join(repoRoot, '.data'));
    if (served !== undefined) process.env.PORT = String(served);
  }
  console.log(`\n  ${getSiteUrl()}${accessLinkPath(token)}\n`);
  console.log('Ce lien fonctionne une seule fois, pendant 7 jours. Transmettez-le seulement à la personne concernée.');
  console.log('(SITE_URL donne le début de l’adresse, sinon le port du site : réglez SITE_URL si le site est servi ailleurs.)');
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    process.exitCode = 1;
    return;
  }
  const database = await openScriptDatabase();
  installShutdownHandlers(database.stop);
  try {
    const applied = await applyMigrations(database.url);
    if (applied.length > 0) console.log(`Migrations appliquées : ${applied.join(', ')}`);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    try {
      const existing = await prisma.user.findUnique({ where: { email: options.email }, select: { id: true, role: true, isActive: true } });
      if (existing) {
        if (!options.reset) {
          console.log(
            `Un compte existe déjà pour ${options.email} (${existing.role === 'ADMIN' ? 'administration' : 'édition'}, ` +
              `${existing.isActive ? 'actif' : 'désactivé'}). Rien n’a été modifié.\n` +
              `Pour lui donner un nouveau lien (l’ancien mot de passe cessera de fonctionner) : npm run admin:create -- ${options.email} --reinitialiser`,
          );
          return;
        }
        const result = await resetMemberAccess(prisma, existing.id, { actorId: null });
        if (!result.ok) {
          console.error(result.reason === 'inactive' ? 'Ce compte est désactivé : une personne qui administre le répertoire doit le réactiver.' : 'Compte introuvable.');
          process.exitCode = 1;
          return;
        }
        console.log(`Accès de ${options.email} réinitialisé. Nouveau lien pour choisir le mot de passe :`);
        printLink(result.token);
        return;
      }
      if (options.reset) {
        console.error(`Aucun compte pour ${options.email}. Retirez --reinitialiser pour le créer.`);
        process.exitCode = 1;
        return;
      }
      const password = !options.wantsLink && process.stdin.isTTY ? await askPassword() : undefined;
      const result = await createAdmin(prisma, { email: options.email, name: options.name, password });
      if (!result.ok) {
        console.error(`Un compte existe déjà pour ${options.email}.`);
        process.exitCode = 1;
        return;
      }
      if (result.token) {
        console.log(`Compte d’administration créé pour ${options.email}. Lien pour choisir le mot de passe :`);
        printLink(result.token);
      } else {
        console.log(`Compte d’administration créé pour ${options.email}. Connectez-vous sur /admin/connexion.`);
      }
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`\nLe compte n’a pas pu être créé : ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
