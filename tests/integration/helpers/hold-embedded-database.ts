// Run as a child process by tests/integration/scripts-database.test.ts: opens the embedded
// PostgreSQL exactly as `npm start` does (scripts/lib/prepare-database.ts: started, migrated,
// seeded), says so on stdout, then keeps it running until SIGTERM, which stops it cleanly.
import { prepareDatabase } from '../../../scripts/lib/prepare-database';

prepareDatabase().then(
  (database) => {
    console.log(`READY ${database.url}`);
    // Nothing else holds the event loop open: the server is a child process of ours.
    setInterval(() => {}, 60_000);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
