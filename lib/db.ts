import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { getEnv } from '@/lib/env';

/** Columns no query loads unless it opts in. Shared with tests that build their own client. */
export const DB_OMIT = { user: { passwordHash: true } } as const;

// One client per process (kept on globalThis so dev hot reloads do not open new pools).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const env = getEnv();
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    // Fail fast instead of hanging a request when PostgreSQL is unreachable.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 10_000,
  });
  // Password hashes never leave the data layer: no query returns them unless it asks with
  // `omit: { passwordHash: false }` (only lib/security/credentials.ts does). The declared
  // type stays the plain PrismaClient, which the data functions take as a parameter; at run
  // time the column is not read.
  return new PrismaClient({ adapter, omit: DB_OMIT }) as unknown as PrismaClient;
}

export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
