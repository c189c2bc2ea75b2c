// The sender against a real SMTP server started here: what arrives, retries with back-off
// when the server is down or answers 4xx, a final refusal recorded, two senders at once
// sending each message exactly once, and a claim whose lease passed taken over.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { enqueueMail } from '@/lib/mail/outbox';
import { renderMail } from '@/lib/mail/render';
import { claimNextMail, deliverDueMail, retryDelaySeconds } from '@/lib/mail/sender';
import { createSmtpTransport, type MailTransport } from '@/lib/mail/transport';
import { failWrites } from '../helpers/hold-updates';
import { createTestClient, databaseUrl } from '../helpers/members';
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp-server';

const config = { from: 'Table de concertation <repertoire@example.org>', contactEmail: 'table@example.org' };
const site = { siteUrl: 'https://repertoire.example.org', contactEmail: config.contactEmail };

let prisma: PrismaClient;
let smtp: TestSmtpServer;
let transport: MailTransport;

async function queue(count: number, to = 'organisme@example.org'): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const body = renderMail({ subject: `Message ${index + 1}`, paragraphs: [`Corps du message ${index + 1}.`], reason: 'Vous recevez ce message pour un essai.' }, site);
    ids.push(await enqueueMail(prisma, { kind: 'test', to, ...body }));
  }
  return ids;
}

/** Makes every queued message due now (instead of waiting for its back-off). */
async function makeDue(): Promise<void> {
  await prisma.mailMessage.updateMany({ where: { status: 'QUEUED' }, data: { nextAttemptAt: new Date(Date.now() - 1000) } });
}

beforeAll(async () => {
  prisma = createTestClient();
  smtp = await startTestSmtpServer();
  transport = createSmtpTransport(smtp.url);
});
beforeEach(async () => {
  await prisma.mailMessage.deleteMany();
  smtp.received.length = 0;
  smtp.answer = 'accept';
  smtp.delayMs = 0;
});
afterAll(async () => {
  transport.close();
  await smtp.close();
  await prisma.mailMessage.deleteMany();
  await prisma.$disconnect();
});

describe('mail sender', () => {
  it('delivers a queued message whole and records the server’s answer', async () => {
    const [id] = await queue(1);
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.envelopeTo).toEqual(['organisme@example.org']);
    expect(mail.subject).toBe('Message 1');
    expect(mail.from?.text).toContain('repertoire@example.org');
    expect(mail.text).toContain('Corps du message 1.');
    expect(mail.html).toContain('<p>Corps du message 1.</p>');
    expect(mail.messageId).toBe(`<${id}@example.org>`);
    expect(mail.headerLines.find((header) => header.key === 'list-unsubscribe')?.line).toMatch(/<mailto:table@example\.org\?subject=/);
    const row = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, claimToken: null, leaseExpiresAt: null });
    expect(row.lastResponse).toMatch(/^250 /);
    expect(row.sentAt).toBeInstanceOf(Date);
    // Nothing left to send.
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('keeps messages queued while the server is down, then delivers each exactly once', async () => {
    const ids = await queue(3);
    await smtp.stop();
    try {
      const before = Date.now();
      expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 3, failed: 0 });
      const rows = await prisma.mailMessage.findMany({ where: { id: { in: ids } } });
      for (const row of rows) {
        expect(row).toMatchObject({ status: 'QUEUED', attempts: 1 });
        expect(row.lastResponse).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
        // First back-off: one minute.
        expect(row.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before + 60_000 - 1000);
      }
      // Not due yet: nothing is tried again.
      expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 0, failed: 0 });
      // Still down when due again: second attempt, longer back-off.
      await makeDue();
      expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 3, failed: 0 });
      expect((await prisma.mailMessage.findFirstOrThrow({ where: { id: ids[0] } })).attempts).toBe(2);
    } finally {
      await smtp.start();
    }
    await makeDue();
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 3, retried: 0, failed: 0 });
    await makeDue();
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received.map((mail) => mail.subject).sort()).toEqual(['Message 1', 'Message 2', 'Message 3']);
    expect(await prisma.mailMessage.count({ where: { status: 'SENT', attempts: 3 } })).toBe(3);
  });

  it('retries a temporary refusal (4xx) and records a final one (5xx) as failed, with the answer', async () => {
    const [id] = await queue(1);
    smtp.answer = 'tempfail';
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 1, failed: 0 });
    expect((await prisma.mailMessage.findUniqueOrThrow({ where: { id } })).lastResponse).toMatch(/451/);
    smtp.answer = 'reject';
    await makeDue();
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 0, failed: 1 });
    const row = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'FAILED', attempts: 2 });
    expect(row.lastResponse).toMatch(/550/);
    // A failed message is never tried again.
    smtp.answer = 'accept';
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(0);
  });

  it('does not take a database error after the send for a failed send: the message stays claimed, not queued again', async () => {
    const [id] = await queue(1);
    const restore = await failWrites(databaseUrl!, 'MailMessage', 'UPDATE', `NEW.status = 'SENT'`);
    try {
      await expect(deliverDueMail(prisma, transport, config)).rejects.toThrow(/écriture refusée/);
    } finally {
      await restore();
    }
    expect(smtp.received).toHaveLength(1);
    // Queued again, it would go out at the next run; claimed, it waits for its lease (at least once).
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENDING', attempts: 1, lastResponse: null });
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 0, retried: 0, failed: 0 });
    expect(smtp.received).toHaveLength(1);
  });

  it('gives up after the last attempt', async () => {
    const [id] = await queue(1);
    smtp.answer = 'tempfail';
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      await makeDue();
      await deliverDueMail(prisma, transport, config, { maxAttempts: 3 });
    }
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'FAILED', attempts: 3 });
  });

  it('backs off 1, 2, 4 … minutes, up to 6 hours', () => {
    expect([1, 2, 3, 4].map((attempts) => retryDelaySeconds(attempts))).toEqual([60, 120, 240, 480]);
    expect(retryDelaySeconds(20)).toBe(6 * 60 * 60);
  });

  it('two senders at once send each message exactly once', async () => {
    const ids = await queue(24);
    // Each answer takes a moment, so that the two senders really run side by side.
    smtp.delayMs = 25;
    const other = createTestClient();
    const otherTransport = createSmtpTransport(smtp.url);
    try {
      const [first, second] = await Promise.all([
        deliverDueMail(prisma, transport, config, { batchSize: 100 }),
        deliverDueMail(other, otherTransport, config, { batchSize: 100 }),
      ]);
      expect(first.sent + second.sent).toBe(24);
      expect(first.sent).toBeGreaterThan(0);
      expect(second.sent).toBeGreaterThan(0);
    } finally {
      otherTransport.close();
      await other.$disconnect();
    }
    const messageIds = smtp.received.map((mail) => mail.messageId);
    expect(messageIds).toHaveLength(24);
    expect(new Set(messageIds).size).toBe(24);
    expect(await prisma.mailMessage.count({ where: { id: { in: ids }, status: 'SENT', attempts: 1 } })).toBe(24);
  });

  it('takes over a claim whose lease passed; the late sender cannot overwrite the outcome', async () => {
    const [id] = await queue(1);
    const stale = await claimNextMail(prisma, 60);
    expect(stale?.id).toBe(id);
    // Held: no one else may take it.
    expect(await claimNextMail(prisma, 60)).toBeNull();
    // The lease passes (the holder died).
    await prisma.mailMessage.update({ where: { id }, data: { leaseExpiresAt: new Date(Date.now() - 1000) } });
    expect(await deliverDueMail(prisma, transport, config)).toEqual({ sent: 1, retried: 0, failed: 0 });
    expect(await prisma.mailMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'SENT', attempts: 2 });
    // The first holder comes back and tries to record a failure: refused by its old token.
    const { count } = await prisma.mailMessage.updateMany({ where: { id, claimToken: stale!.claimToken, status: 'SENDING' }, data: { status: 'QUEUED' } });
    expect(count).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });
});
