// Runs once when the server starts:
//  - in production, a missing or placeholder NEXTAUTH_SECRET stops the server there
//    (lib/security/startup-check.ts);
//  - abort reasons get their stack formatted, so that finished renders do not keep one
//    another in memory (lib/runtime/abort-reasons.ts);
//  - the scheduler starts: the mail sender and the Law 25 erasures (lib/jobs).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertAuthConfiguration } = await import('./lib/security/startup-check');
    assertAuthConfiguration();
    const { formatAbortReasons } = await import('./lib/runtime/abort-reasons');
    formatAbortReasons();
    const { startBackgroundJobs } = await import('./lib/jobs/start');
    startBackgroundJobs();
  }
}
