// Called by instrumentation.ts when the Node.js server starts. A production server without
// a real NEXTAUTH_SECRET exits with an explicit message, rather than answering every
// request with an error (`npm start` and the test runner always provide one).
import { getAuthEnv } from '@/lib/env';

export function assertAuthConfiguration(): void {
  try {
    getAuthEnv();
  } catch (error) {
    console.error(`\nLe serveur ne démarre pas : ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
