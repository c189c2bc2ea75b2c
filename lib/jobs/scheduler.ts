// Scheduled work for any number of server instances, with PostgreSQL alone (no new
// service): one ScheduledJob row per job. An instance runs a job only after claiming its row
// in one UPDATE that also checks it is due and not held; PostgreSQL serialises concurrent
// UPDATEs of a row, so of several instances ticking at once exactly one gets it, and the
// others skip it until nextRunAt. A run that crashes leaves its claim (lockedUntil), which
// frees the job once it passes. Each run is timed from its end (nextRunAt = end + interval).
//
// This decides which instance runs a job, not whether its work is safe twice: jobs are
// idempotent anyway (the sender claims each message itself, erasures delete what is past due).
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export type Job = {
  name: string;
  /** Time between the end of one run and the start of the next, in seconds. */
  intervalSeconds: number;
  /** How long a run may hold the job before another instance may take it, in seconds. */
  leaseSeconds: number;
  run(db: PrismaClient): Promise<unknown>;
};

export function newInstanceId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Claims `job` for `instanceId` when it is due and free; true when this instance should run it. */
export async function claimJob(db: PrismaClient, job: Job, instanceId: string): Promise<boolean> {
  await db.$executeRaw`
    INSERT INTO "ScheduledJob" (name, "nextRunAt") VALUES (${job.name}, now() AT TIME ZONE 'UTC')
    ON CONFLICT (name) DO NOTHING`;
  const claimed = await db.$executeRaw`
    UPDATE "ScheduledJob"
    SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${job.leaseSeconds}), "lockedBy" = ${instanceId}
    WHERE name = ${job.name}
      AND "nextRunAt" <= now() AT TIME ZONE 'UTC'
      AND ("lockedUntil" IS NULL OR "lockedUntil" < now() AT TIME ZONE 'UTC')`;
  return claimed === 1;
}

async function finishJob(db: PrismaClient, job: Job, instanceId: string, error: string | null): Promise<void> {
  // Only the holder of the claim records the run (a run that outlived its lease does not).
  await db.$executeRaw`
    UPDATE "ScheduledJob"
    SET "nextRunAt" = (now() AT TIME ZONE 'UTC') + make_interval(secs => ${job.intervalSeconds}),
        "lastRunAt" = now() AT TIME ZONE 'UTC', "lastError" = ${error}, "lockedUntil" = NULL, "lockedBy" = NULL
    WHERE name = ${job.name} AND "lockedBy" = ${instanceId}`;
}

export type TickReport = { ran: string[]; failed: string[] };

/** Runs, one after the other, every job of `jobs` this instance could claim. */
export async function runDueJobs(
  db: PrismaClient,
  jobs: readonly Job[],
  instanceId: string,
  onJobError?: (job: Job, error: unknown) => void,
): Promise<TickReport> {
  const report: TickReport = { ran: [], failed: [] };
  for (const job of jobs) {
    if (!(await claimJob(db, job, instanceId))) continue;
    try {
      await job.run(db);
      report.ran.push(job.name);
      await finishJob(db, job, instanceId, null);
    } catch (error) {
      report.failed.push(job.name);
      onJobError?.(job, error);
      await finishJob(db, job, instanceId, (error instanceof Error ? error.message : String(error)).slice(0, 1000));
    }
  }
  return report;
}

export type Scheduler = { stop(): Promise<void> };

/**
 * Ticks every `tickMs` until stopped. A tick that fails (database unreachable) is logged
 * and the next one tries again; ticks never overlap. The timer does not keep the process alive.
 */
export function startScheduler(options: {
  db: PrismaClient;
  jobs: readonly Job[];
  tickMs: number;
  instanceId?: string;
  /** A tick that could not run (database unreachable), or a job that threw (`job` set). */
  onError?: (error: unknown, job?: Job) => void;
}): Scheduler {
  const instanceId = options.instanceId ?? newInstanceId();
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  let isStopped = false;
  const tick = () => {
    current = runDueJobs(options.db, options.jobs, instanceId, (job, error) => options.onError?.(error, job))
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        if (!isStopped) timer = setTimeout(tick, options.tickMs).unref();
      });
  };
  timer = setTimeout(tick, 0).unref();
  return {
    async stop() {
      isStopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
