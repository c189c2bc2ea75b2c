// The wiring, end to end: the server's instrumentation hook starts the scheduler, whose
// sender job delivers a queued message to a real SMTP server, and whose erasure job runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getSchedulerEnv } from '@/lib/env';
import { stopBackgroundJobs } from '@/lib/jobs/start';
import { enqueueMail } from '@/lib/mail/outbox';
import { renderMail } from '@/lib/mail/render';
import { createTestClient } from '../helpers/members';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const SETTINGS = ['NEXT_RUNTIME', 'SMTP_URL', 'MAIL_FROM', 'SCHEDULER_TICK_SECONDS'] as const;
const saved = Object.fromEntries(SETTINGS.map((name) => [name, process.env[name]]));
let prisma: PrismaClient;

async function until(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Condition not met in time.');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
let smtp: TestSmtpServer;

beforeAll(async () => {
  prisma = createTestClient();
  await prisma.mailMessage.deleteMany();
  await prisma.scheduledJob.deleteMany();
  smtp = await startTestSmtpServer();
});
afterAll(async () => {
  await stopBackgroundJobs();
  for (const name of SETTINGS) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await smtp.close();
  await prisma.mailMessage.deleteMany();
  await prisma.scheduledJob.deleteMany();
  await prisma.$disconnect();
});

describe('scheduled work started by instrumentation.ts', () => {
  it('delivers queued mail, runs the erasures and the verification reminders', async () => {
    Object.assign(process.env, { NEXT_RUNTIME: 'nodejs', SMTP_URL: smtp.url, MAIL_FROM: 'Table <repertoire@example.org>', SCHEDULER_TICK_SECONDS: '1' });
    const body = renderMail({ subject: 'Par le planificateur', paragraphs: ['Bonjour.'], reason: 'Vous recevez ce message pour un essai.' }, { siteUrl: 'https://repertoire.example.org', contactEmail: 'table@example.org' });
    const id = await enqueueMail(prisma, { kind: 'test', to: 'organisme@example.org', ...body });

    const { register } = await import('@/instrumentation');
    await register();

    await smtp.waitForCount(1);
    expect(smtp.received[0]!.subject).toBe('Par le planificateur');
    // The row says SENT, and every job has run once (the others right after the sender).
    await until(async () => (await prisma.mailMessage.findUniqueOrThrow({ where: { id } })).status === 'SENT');
    await until(async () => (await prisma.scheduledJob.count({ where: { lastRunAt: { not: null } } })) === 3);
    const jobs = await prisma.scheduledJob.findMany({ orderBy: { name: 'asc' } });
    expect(jobs.map((job) => [job.name, job.lastError, job.lastRunAt !== null])).toEqual([
      ['law25-erasures', null, true],
      ['mail-sender', null, true],
      ['verification-reminders', null, true],
    ]);
  });

  it('is off during next build, without a database, or with SCHEDULER=off', () => {
    const base = { ...process.env, DATABASE_URL: 'postgresql://x@localhost/x', SCHEDULER: undefined, NEXT_PHASE: undefined };
    const read = (env: Record<string, string | undefined>) => {
      const before = { ...process.env };
      process.env = env as NodeJS.ProcessEnv;
      try {
        return getSchedulerEnv().isEnabled;
      } finally {
        process.env = before;
      }
    };
    expect(read(base)).toBe(true);
    expect(read({ ...base, SCHEDULER: 'off' })).toBe(false);
    expect(read({ ...base, DATABASE_URL: undefined })).toBe(false);
    expect(read({ ...base, NEXT_PHASE: 'phase-production-build' })).toBe(false);
  });
});
