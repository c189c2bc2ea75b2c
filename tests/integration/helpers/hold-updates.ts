// Makes a race certain instead of likely: every UPDATE of one row of one table waits, inside
// its own transaction, until the test lets it go. Two saves started together then both read
// the row (its version) before either can write it, whatever the pool or the machine's load.
// Works on the database, not on the code: any implementation of a save meets it.
import pg from 'pg';

const LOCK_KEY = 731_337;

export type UpdateHold = {
  /** Resolves once `count` backends of this database wait on a lock (the held UPDATE and those behind it). */
  waitForWaiters(count: number): Promise<void>;
  /** Lets every held UPDATE go on. */
  release(): Promise<void>;
  /** Removes the trigger (and releases, if not done). */
  dispose(): Promise<void>;
};

export async function holdUpdates(databaseUrl: string, table: string, id: string): Promise<UpdateHold> {
  return holdWrites(databaseUrl, table, 'UPDATE', `OLD.id = ${pg.escapeLiteral(id)}`);
}

/** The same for any row write: `event` of `table` where `condition` (SQL over OLD / NEW) holds. */
export async function holdWrites(databaseUrl: string, table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', condition: string): Promise<UpdateHold> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const trigger = `test_hold_${table.toLowerCase()}_${event.toLowerCase()}`;
  // A session-level advisory lock held by this client; the trigger waits for it, shared.
  await client.query('SELECT pg_advisory_lock($1)', [LOCK_KEY]);
  await client.query(`CREATE OR REPLACE FUNCTION test_hold_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN PERFORM pg_advisory_xact_lock_shared(${LOCK_KEY}); RETURN NEW; END $$`);
  await client.query(`DROP TRIGGER IF EXISTS ${trigger} ON "${table}"`);
  await client.query(`CREATE TRIGGER ${trigger} BEFORE ${event} ON "${table}" FOR EACH ROW WHEN (${condition}) EXECUTE FUNCTION test_hold_update()`);
  let isHeld = true;
  const release = async () => {
    if (!isHeld) return;
    isHeld = false;
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
  };
  return {
    async waitForWaiters(count) {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const { rows } = await client.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
        );
        if (rows[0]!.waiting >= count) return;
        if (Date.now() > deadline) throw new Error(`Only ${rows[0]!.waiting} of ${count} writers reached the held ${event} of ${table} (${condition}).`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    release,
    async dispose() {
      await release();
      await client.query(`DROP TRIGGER IF EXISTS ${trigger} ON "${table}"`);
      await client.end();
    },
  };
}

/**
 * A write that fails in the database itself (as a full disk or a broken constraint would),
 * for `event` of `table` where `condition` holds. Returns the function that removes it.
 */
export async function failWrites(databaseUrl: string, table: string, event: 'INSERT' | 'UPDATE' | 'DELETE', condition: string): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const trigger = `test_fail_${table.toLowerCase()}_${event.toLowerCase()}`;
  await client.query(`CREATE OR REPLACE FUNCTION test_fail_write() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'écriture refusée par le test (%)', TG_TABLE_NAME; END $$`);
  await client.query(`DROP TRIGGER IF EXISTS ${trigger} ON "${table}"`);
  await client.query(`CREATE TRIGGER ${trigger} BEFORE ${event} ON "${table}" FOR EACH ROW WHEN (${condition}) EXECUTE FUNCTION test_fail_write()`);
  return async () => {
    await client.query(`DROP TRIGGER IF EXISTS ${trigger} ON "${table}"`);
    await client.end();
  };
}
