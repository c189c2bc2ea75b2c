// The migration "login_attempt_email_hash" on a database that already holds sign-in attempts
// as the old schema stored them (the address typed, in clear): they cannot be converted
// (the HMAC key is not in the database), so they must be gone, and nothing typed remains.
// Runs in a database of its own, created on the test server and dropped at the end.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropDatabase, ensureDatabase, withDatabase } from '../../scripts/lib/embedded-postgres';
import { DEFAULT_MIGRATIONS_DIR, applyMigrations } from '../../scripts/lib/migrations';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL ?? process.env.DATABASE_URL;
const databaseName = `migration_login_attempt_${process.pid}_${Date.now()}`;
const MIGRATION = 'login_attempt_email_hash';

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(!serverUrl)(`migration ${MIGRATION}`, () => {
  let url: string;
  let before: string;

  beforeAll(async () => {
    await ensureDatabase(serverUrl!, databaseName);
    url = withDatabase(serverUrl!, databaseName);
    // The migrations folder as it was just before this one.
    before = await mkdtemp(path.join(os.tmpdir(), 'migrations-before-'));
    const names = (await readdir(DEFAULT_MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    const index = names.sort().findIndex((name) => name.endsWith(`_${MIGRATION}`));
    expect(index).toBeGreaterThan(0);
    for (const name of names.slice(0, index)) await cp(path.join(DEFAULT_MIGRATIONS_DIR, name), path.join(before, name), { recursive: true });
    await cp(path.join(DEFAULT_MIGRATIONS_DIR, 'migration_lock.toml'), path.join(before, 'migration_lock.toml'));
  });

  afterAll(async () => {
    await dropDatabase(serverUrl!, databaseName);
    await rm(before, { recursive: true, force: true });
  });

  it('deletes the attempts that kept what was typed, and keeps only a hash column', async () => {
    await applyMigrations(url, { migrationsDir: before });
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO "LoginAttempt" (id, email, ip, outcome) VALUES ('a1', 'mon mot de passe secret', '2001:db8::1', 'FAILURE'), ('a2', 'ada@exemple.org', '192.0.2.1', 'SUCCESS')`,
      ),
    );

    const applied = await applyMigrations(url);
    expect(applied.some((name) => name.endsWith(`_${MIGRATION}`))).toBe(true);

    await withClient(url, async (client) => {
      expect((await client.query('SELECT count(*)::int AS n FROM "LoginAttempt"')).rows[0].n).toBe(0);
      const columns = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_name = 'LoginAttempt' ORDER BY column_name`,
      );
      expect(columns.rows.map((row) => row.column_name)).toEqual(['createdAt', 'emailHash', 'id', 'ip', 'outcome']);
    });
  });
});
