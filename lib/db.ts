import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { installUnavailableResponses, recordDatabaseFailure, recordDatabaseSuccess } from '@/lib/db-outage';
import { getEnv } from '@/lib/env';

/** Columns no query loads unless it opts in. Shared with tests that build their own client. */
export const DB_OMIT = { user: { passwordHash: true } } as const;

// Pool limits (docs/deploy.md explains the sizing). Every request that needs PostgreSQL
// either gets an answer or fails within these bounds, so no request hangs on a database
// that is down, frozen or overloaded:
//  - at most DATABASE_POOL_MAX connections per server process (default 10);
//  - 5 s to get a connection (new or from the pool), then the query fails;
//  - 10 s per statement, enforced by PostgreSQL itself (statement_timeout);
//  - 15 s per query on our side, for a server that stopped answering at all.
export const POOL_LIMITS = {
  connectionTimeoutMillis: 5_000,
  idleTimeoutMillis: 30_000,
  statement_timeout: 10_000,
  query_timeout: 15_000,
} as const;

// One client per process (kept on globalThis so dev hot reloads do not open new pools).
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const env = getEnv();
  // A page that fails because PostgreSQL is unreachable is answered 503 with a French
  // page rather than 500 (lib/db-outage.ts).
  installUnavailableResponses();
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    keepAlive: true,
    ...POOL_LIMITS,
  });
  // Password hashes never leave the data layer: no query returns them unless it asks with
  // `omit: { passwordHash: false }` (only lib/security/credentials.ts does). The declared
  // type stays the plain PrismaClient, which the data functions take as a parameter; at run
  // time the column is not read.
  const client = new PrismaClient({ adapter, omit: DB_OMIT }).$extends({
    query: {
      // Every query says whether the database answers: the outage state behind the 503.
      async $allOperations({ args, query }) {
        try {
          const result = await query(args);
          recordDatabaseSuccess();
          return result;
        } catch (error) {
          recordDatabaseFailure(error);
          throw error;
        }
      },
    },
  });
  return client as unknown as PrismaClient;
}

export function getDb(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}
