// Started once per server process by instrumentation.ts (Node.js runtime only).
import { getDb } from '@/lib/db';
import { getSchedulerEnv } from '@/lib/env';
import { SCHEDULED_JOBS } from './jobs';
import { startScheduler, type Scheduler } from './scheduler';

const globalForScheduler = globalThis as unknown as { scheduler?: Scheduler };

export function startBackgroundJobs(): void {
  const env = getSchedulerEnv();
  if (!env.isEnabled || globalForScheduler.scheduler) return;
  let lastError = '';
  globalForScheduler.scheduler = startScheduler({
    db: getDb(),
    jobs: SCHEDULED_JOBS,
    tickMs: env.tickSeconds * 1000,
    onError(error, job) {
      // Once per distinct error: a database that is down for an hour is one line, not 360.
      const message = `${job ? `${job.name} : ` : ''}${error instanceof Error ? error.message : String(error)}`;
      if (message !== lastError) console.error(`Tâches planifiées : ${message}`);
      lastError = message;
    },
  });
}

/** Stops this process's scheduler, after the run in progress (tests; a graceful shutdown). */
export async function stopBackgroundJobs(): Promise<void> {
  const scheduler = globalForScheduler.scheduler;
  globalForScheduler.scheduler = undefined;
  await scheduler?.stop();
}
