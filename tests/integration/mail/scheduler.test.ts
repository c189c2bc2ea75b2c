// The scheduler with several instances (each its own connection pool and instance id, as
// separate servers would be): a job runs once per interval whichever instance ticks, a run
// that crashed frees its job when its claim passes, a failing job is recorded and retried.
// Then the jobs themselves: the Law 25 erasures erase what is past due and keep the rest.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { runErasures } from '@/lib/jobs/erasures';
import { ERASURES_JOB, MAIL_SENDER_JOB, SCHEDULED_JOBS, VERIFICATION_REMINDERS_JOB } from '@/lib/jobs/jobs';
import { claimJob, runDueJobs, startScheduler, type Job } from '@/lib/jobs/scheduler';
import { createMember, createTestClient } from '../helpers/members';

const DAY = 24 * 60 * 60 * 1000;
let instances: PrismaClient[];
let prisma: PrismaClient;

function countingJob(name: string, options: { intervalSeconds?: number; durationMs?: number; fail?: boolean } = {}): Job & { runs: number } {
  const job = {
    name,
    intervalSeconds: options.intervalSeconds ?? 3600,
    leaseSeconds: 60,
    runs: 0,
    async run() {
      job.runs += 1;
      await new Promise((resolve) => setTimeout(resolve, options.durationMs ?? 50));
      if (options.fail) throw new Error('Échec voulu');
    },
  };
  return job;
}

beforeAll(() => {
  instances = [createTestClient(), createTestClient(), createTestClient()];
  prisma = instances[0]!;
});
beforeEach(async () => {
  await prisma.scheduledJob.deleteMany();
});
afterAll(async () => {
  await prisma.scheduledJob.deleteMany();
  await Promise.all(instances.map((client) => client.$disconnect()));
});

describe('scheduler', () => {
  it('runs a job once when several instances tick at the same moment', async () => {
    const job = countingJob('test-once', { durationMs: 200 });
    const reports = await Promise.all(instances.map((db, index) => runDueJobs(db, [job], `instance-${index}`)));
    expect(job.runs).toBe(1);
    expect(reports.flatMap((report) => report.ran)).toEqual(['test-once']);
    // Ticking again before the interval has passed: nothing runs.
    await Promise.all(instances.map((db, index) => runDueJobs(db, [job], `instance-${index}`)));
    expect(job.runs).toBe(1);
    const row = await prisma.scheduledJob.findUniqueOrThrow({ where: { name: 'test-once' } });
    expect(row).toMatchObject({ lockedUntil: null, lockedBy: null, lastError: null });
    expect(row.nextRunAt.getTime() - row.lastRunAt!.getTime()).toBe(3600 * 1000);
  });

  it('runs it again, once, when its interval has passed', async () => {
    const job = countingJob('test-interval', { intervalSeconds: 1 });
    await runDueJobs(instances[0]!, [job], 'instance-0');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await Promise.all(instances.map((db, index) => runDueJobs(db, [job], `instance-${index}`)));
    expect(job.runs).toBe(2);
  });

  it('two running schedulers run a job once', async () => {
    const job = countingJob('test-two-schedulers', { durationMs: 100 });
    const schedulers = instances.slice(0, 2).map((db, index) => startScheduler({ db, jobs: [job], tickMs: 20, instanceId: `scheduler-${index}` }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));
    expect(job.runs).toBe(1);
  });

  it('frees the job of a run that crashed once its claim passes; the late run records nothing', async () => {
    const job = countingJob('test-crash');
    // Instance A claims it and dies before finishing.
    expect(await claimJob(instances[0]!, job, 'instance-a')).toBe(true);
    expect((await runDueJobs(instances[1]!, [job], 'instance-b')).ran).toEqual([]);
    await prisma.scheduledJob.update({ where: { name: 'test-crash' }, data: { lockedUntil: new Date(Date.now() - 1000) } });
    expect((await runDueJobs(instances[1]!, [job], 'instance-b')).ran).toEqual(['test-crash']);
    expect(job.runs).toBe(1);
  });

  it('records a failing job’s error, runs the others, and tries it again at its next time', async () => {
    const failing = countingJob('test-failing', { fail: true, intervalSeconds: 1 });
    const other = countingJob('test-other');
    expect(await runDueJobs(prisma, [failing, other], 'instance-0')).toEqual({ ran: ['test-other'], failed: ['test-failing'] });
    const row = await prisma.scheduledJob.findUniqueOrThrow({ where: { name: 'test-failing' } });
    expect(row).toMatchObject({ lastError: 'Échec voulu', lockedUntil: null });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await runDueJobs(prisma, [failing, other], 'instance-0');
    expect(failing.runs).toBe(2);
    expect(other.runs).toBe(1);
  });

  it('schedules the mail sender, the Law 25 erasures and the verification reminders', () => {
    expect(SCHEDULED_JOBS.map((job) => job.name)).toEqual([MAIL_SENDER_JOB.name, ERASURES_JOB.name, VERIFICATION_REMINDERS_JOB.name]);
    // A sender run must end (SMTP timeouts) long before another instance may take it over.
    expect(MAIL_SENDER_JOB.leaseSeconds).toBeGreaterThanOrEqual(10 * 60);
  });
});

describe('Law 25 erasures', () => {
  it('erase what the privacy page promises, and keep what is still within its time', async () => {
    const now = new Date();
    const old = (days: number) => new Date(now.getTime() - days * DAY);
    const member = await createMember(prisma);
    const suggestion = { kind: 'NEW_RESOURCE' as const, title: 'Test effacement', message: 'Message', senderHash: 'h'.repeat(64) };
    const [oldDecided, recentDecided, oldPending, recentPending] = await Promise.all([
      prisma.suggestion.create({ data: { ...suggestion, status: 'REJECTED', decidedAt: old(400), createdAt: old(410) } }),
      prisma.suggestion.create({ data: { ...suggestion, status: 'REJECTED', decidedAt: old(30), createdAt: old(40) } }),
      prisma.suggestion.create({ data: { ...suggestion, email: 'vieille@example.org', emailConsent: true, createdAt: old(200) } }),
      prisma.suggestion.create({ data: { ...suggestion, email: 'recente@example.org', emailConsent: true, createdAt: old(10) } }),
    ]);
    await prisma.loginAttempt.createMany({
      data: [
        { emailHash: 'a'.repeat(64), ip: '203.0.113.1', outcome: 'FAILURE', createdAt: old(31) },
        { emailHash: 'b'.repeat(64), ip: '203.0.113.1', outcome: 'FAILURE', createdAt: old(1) },
      ],
    });
    await prisma.endedSession.createMany({
      data: [
        { id: 'test-erasure-old', userId: member.id, expiresAt: new Date(now.getTime() - 60_000) },
        { id: 'test-erasure-live', userId: member.id, expiresAt: new Date(now.getTime() + 60 * 60_000) },
      ],
    });
    const mail = { kind: 'test', to: 'organisme@example.org', subject: 'Essai', text: 'Essai', html: '<p>Essai</p>' };
    await prisma.mailMessage.createMany({
      data: [
        { ...mail, subject: 'vieux envoyé', status: 'SENT', updatedAt: old(91) },
        { ...mail, subject: 'vieux échec', status: 'FAILED', updatedAt: old(91) },
        { ...mail, subject: 'récent envoyé', status: 'SENT', updatedAt: old(10) },
        { ...mail, subject: 'vieux en attente', status: 'QUEUED', updatedAt: old(91) },
      ],
    });
    // Searches that found nothing: one seen on a single day 91 days ago goes, a recent one stays.
    await prisma.emptySearch.createMany({
      data: [
        { query: 'test effacement ancienne', day: old(91), count: 1 },
        { query: 'test effacement recente', day: old(2), count: 1 },
      ],
    });
    // Verification requests: 24 months after they were sent.
    const provider = await prisma.provider.create({ data: { slug: 'test-effacement-demandes', name: 'Test effacement demandes' }, select: { id: true } });
    await prisma.verificationRequest.createMany({
      data: [
        { providerId: provider.id, sentAt: old(740) },
        { providerId: provider.id, sentAt: old(700) },
      ],
    });
    try {
      await runErasures(prisma, now);
      expect((await prisma.verificationRequest.findMany({ where: { providerId: provider.id } })).map((row) => row.sentAt)).toEqual([old(700)]);
      const ids = (await prisma.suggestion.findMany({ where: { title: 'Test effacement' }, select: { id: true } })).map((row) => row.id);
      expect(ids.sort()).toEqual([recentDecided.id, oldPending.id, recentPending.id].sort());
      expect(ids).not.toContain(oldDecided.id);
      expect((await prisma.suggestion.findUniqueOrThrow({ where: { id: oldPending.id } })).email).toBeNull();
      expect((await prisma.suggestion.findUniqueOrThrow({ where: { id: recentPending.id } })).email).toBe('recente@example.org');
      expect((await prisma.loginAttempt.findMany({ where: { ip: '203.0.113.1' } })).map((row) => row.emailHash)).toEqual(['b'.repeat(64)]);
      expect((await prisma.endedSession.findMany({ where: { userId: member.id } })).map((row) => row.id)).toEqual(['test-erasure-live']);
      // Queued mail is never erased: it has not gone out yet.
      expect((await prisma.mailMessage.findMany({ select: { subject: true } })).map((row) => row.subject).sort()).toEqual(['récent envoyé', 'vieux en attente']);
      expect((await prisma.emptySearch.findMany({ where: { query: { startsWith: 'test effacement' } } })).map((row) => row.query)).toEqual([
        'test effacement recente',
      ]);
    } finally {
      await prisma.emptySearch.deleteMany({ where: { query: { startsWith: 'test effacement' } } });
      await prisma.suggestion.deleteMany({ where: { title: 'Test effacement' } });
      await prisma.loginAttempt.deleteMany({ where: { ip: '203.0.113.1' } });
      await prisma.mailMessage.deleteMany();
      await prisma.user.delete({ where: { id: member.id } });
      await prisma.provider.delete({ where: { id: provider.id } });
    }
  });
});
