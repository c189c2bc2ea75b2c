// `npm run dev`: the same database and mail setup as `npm start`, with Next's development server.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { installShutdownHandlers } from './lib/embedded-postgres';
import { prepareMail } from './lib/mail-catcher';
import { repoRoot } from './lib/next-app';
import { prepareDatabase } from './lib/prepare-database';

async function main(): Promise<void> {
  const database = await prepareDatabase();
  const mail = await prepareMail();
  installShutdownHandlers(mail.stop);
  const child = spawn(process.execPath, [path.join(repoRoot, 'node_modules', 'next', 'dist', 'bin', 'next'), 'dev'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, ...mail.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' },
  });
  installShutdownHandlers(async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  child.once('exit', (code) => void mail.stop().then(database.stop, database.stop).finally(() => process.exit(code ?? 0)));
}

main().catch((error: unknown) => {
  console.error(`\nImpossible de démarrer : ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
