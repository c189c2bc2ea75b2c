// vitest as StrykerJS runs it (npm run test:mutation, stryker.config.mjs): the same tests as
// tests/vitest.config.mts (coverage per test then picks those that reach each mutant), each
// Stryker worker on its own database so that two workers never clear each other's tables.
//
// scripts/test-mutation.ts starts the PostgreSQL server and a migrated, empty template
// database; a worker (STRYKER_MUTATOR_WORKER, a new number each time Stryker restarts one)
// gets a copy of it on first use.
import { defineConfig } from 'vitest/config';
import pg from 'pg';
import base from './vitest.config.mts';

const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
const template = process.env.MUTATION_TEMPLATE_DATABASE;
if (!serverUrl || !template) throw new Error('Lancez les tests de mutation avec npm run test:mutation (il prépare leur base de données).');

const worker = process.env.STRYKER_MUTATOR_WORKER ?? '0';
const database = `${template}_w${worker}`;

const client = new pg.Client({ connectionString: serverUrl });
await client.connect();
try {
  const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
  if (!existing.rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)} TEMPLATE ${client.escapeIdentifier(template)}`);
} finally {
  await client.end();
}
const url = new URL(serverUrl);
url.pathname = `/${database}`;

// Not mergeConfig: it would append to the base list of test files instead of replacing it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    env: { DATABASE_URL: url.toString() },
  },
});
