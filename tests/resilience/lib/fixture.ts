// What every resilience scenario shares: a throwaway embedded PostgreSQL holding the seeded
// inventory, the production build, and standalone servers started against them.
import { randomBytes } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../lib/generated/prisma/client';
import { ensureAdminWithPassword } from '../../../lib/security/accounts';
import { seedInventory } from '../../../lib/seed/seed-inventory';
import { ensureDatabase, startEmbeddedPostgres, withDatabase, type EmbeddedPostgres } from '../../../scripts/lib/embedded-postgres';
import { applyMigrations } from '../../../scripts/lib/migrations';
import { startServer, type RunningServer } from '../../../scripts/lib/next-app';
export { freePort } from '../../../scripts/lib/free-port';
import { freePort } from '../../../scripts/lib/free-port';

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export type Admin = { email: string; name: string; password: string };

/** An embedded PostgreSQL that a scenario may stop and start again (same folder, same port). */
export type Database = {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A Prisma client of the test's own (not the server's), for checks and direct writes. */
  client(): PrismaClient;
  close(): Promise<void>;
};

export async function startDatabase(dataDir: string, admin: Admin): Promise<Database> {
  const port = await freePort();
  // persistent: stopping it mid-test must keep the data; close() removes the folder.
  let server: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir, port, persistent: true });
  const serverUrl = server.urlFor('postgres');
  const name = 'repertoire_resilience';
  await ensureDatabase(serverUrl, name);
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 4 }) });
  await seedInventory(prisma);
  await ensureAdminWithPassword(prisma, admin);
  let isUp = true;
  return {
    url,
    port,
    client: () => prisma,
    stop: async () => {
      if (!isUp) return;
      isUp = false;
      await server.stop();
    },
    start: async () => {
      if (isUp) return;
      server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
      isUp = true;
    },
    close: async () => {
      await prisma.$disconnect().catch(() => undefined);
      if (isUp) await server.stop();
      isUp = false;
      const { rm } = await import('node:fs/promises');
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Secrets shared by every instance of one run, as a host would configure them. */
export function sharedSecrets(): Record<string, string> {
  return {
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    // AES-256 key of the server actions' closures: base64 of 32 random bytes.
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  };
}

export async function startInstance(env: NodeJS.ProcessEnv): Promise<RunningServer> {
  const port = await freePort();
  return startServer({
    port,
    host: '127.0.0.1',
    env: { ...env, SITE_URL: `http://127.0.0.1:${port}`, NEXTAUTH_URL: `http://127.0.0.1:${port}` },
    quiet: true,
  });
}

export type Timed = { status: number; ms: number; body: string; headers?: Headers; error?: string };

/** GET with a deadline; a network error or a timeout is status 0. */
export async function timedGet(url: string, timeoutMs = 15_000, headers: Record<string, string> = {}): Promise<Timed> {
  const started = performance.now();
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers, redirect: 'manual' });
    const body = await response.text();
    return { status: response.status, ms: performance.now() - started, body, headers: response.headers };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, body: '', error: error instanceof Error ? error.message : String(error) };
  }
}
