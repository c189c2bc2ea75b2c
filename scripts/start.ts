// `npm start`: database up (embedded when DATABASE_URL is unset), migrations applied,
// the inventory loaded into an empty database, a local mail catcher when SMTP_URL is unset,
// the site built when its sources changed, then served on PORT (3000 by default). Ctrl-C
// stops the site, then the mail catcher and the database.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { privacyOfficerGap } from '../lib/env';
import { readOrCreateLocalSecret } from '../lib/security/local-secret';
import { installShutdownHandlers } from './lib/embedded-postgres';
import { prepareMail } from './lib/mail-catcher';
import { assertPortIsFree, ensureBuild, repoRoot, startServer } from './lib/next-app';
import { prepareDatabase } from './lib/prepare-database';
import { recordServedPort } from './lib/served-port';

let stopDatabase: (() => Promise<void>) | undefined;
let stopMail: (() => Promise<void>) | undefined;

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  // Say it before anything slow happens.
  await assertPortIsFree(port, host);
  // Law 25: the public must be able to write to the person in charge of personal information.
  const privacyGap = privacyOfficerGap();
  if (privacyGap) {
    console.warn(`Attention : ${privacyGap} Les visiteurs sont dirigés vers le formulaire de suggestion en attendant (README, « Secrets and settings »).`);
  }

  const database = await prepareDatabase();
  stopDatabase = database.stop;
  const mail = await prepareMail();
  stopMail = mail.stop;
  installShutdownHandlers(mail.stop);

  ensureBuild();
  // The production server refuses to run without a session secret: without NEXTAUTH_SECRET,
  // one is made once and kept in .data/auth-secret (sessions then survive a restart).
  let authSecret = process.env.NEXTAUTH_SECRET?.trim();
  if (!authSecret) {
    const local = readOrCreateLocalSecret(path.join(repoRoot, '.data'));
    if (local.isNew) console.log('Secret de session créé dans .data/auth-secret (NEXTAUTH_SECRET le remplace s’il est défini).');
    authSecret = local.secret;
  }
  const server = await startServer({ port, host, env: { ...process.env, ...mail.env, DATABASE_URL: database.url, NEXTAUTH_SECRET: authSecret } });
  installShutdownHandlers(server.stop);
  // For `npm run admin:create` in another terminal: its links then name this port.
  mkdirSync(path.join(repoRoot, '.data'), { recursive: true });
  const forgetPort = recordServedPort(path.join(repoRoot, '.data'), port);
  installShutdownHandlers(async () => forgetPort());
  console.log(`\nLe répertoire est servi sur http://localhost:${port} (Ctrl-C pour arrêter).`);
  if (mail.inboxUrl) console.log(`Courriels envoyés par le site : ${mail.inboxUrl}`);

  // If the server dies on its own, stop the database and say so.
  server.process.once('exit', (code, signal) => {
    if (server.isStopping()) return;
    console.error(`Le serveur s'est arrêté (code ${code ?? signal}).`);
    void mail
      .stop()
      .catch(() => undefined)
      .then(() => database.stop())
      .finally(() => process.exit(1));
  });
}

main().catch(async (error: unknown) => {
  console.error(`\nImpossible de démarrer le répertoire : ${error instanceof Error ? error.message : String(error)}`);
  await stopMail?.().catch(() => undefined);
  await stopDatabase?.().catch(() => undefined);
  process.exit(1);
});
