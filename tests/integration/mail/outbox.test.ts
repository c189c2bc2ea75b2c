// The outbox writes in the caller's transaction: a rolled-back change leaves no message, a
// committed one leaves exactly its message, queued; bad input is refused before any write.
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueMail } from '@/lib/mail/outbox';
import { renderMail } from '@/lib/mail/render';
import { createTestClient } from '../helpers/members';

const prisma = createTestClient();
const sender = { siteUrl: 'https://repertoire.example.org', contactEmail: 'table@example.org' };
const message = {
  kind: 'test' as const,
  to: 'organisme@example.org',
  ...renderMail({ subject: 'Essai', paragraphs: ['Un essai.'], reason: 'Vous recevez ce message pour un essai.' }, sender),
};

beforeEach(async () => {
  await prisma.mailMessage.deleteMany();
});
afterAll(async () => {
  await prisma.mailMessage.deleteMany();
  await prisma.$disconnect();
});

describe('enqueueMail', () => {
  it('queues the message with the change that causes it', async () => {
    const id = await prisma.$transaction(async (tx) => {
      await tx.scheduledJob.create({ data: { name: 'test-outbox-cause' } });
      return enqueueMail(tx, message);
    });
    const row = await prisma.mailMessage.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: 'QUEUED', attempts: 0, to: 'organisme@example.org', subject: 'Essai', kind: 'test' });
    expect(row.text).toContain('Un essai.');
    expect(row.html).toContain('<p>Un essai.</p>');
    await prisma.scheduledJob.delete({ where: { name: 'test-outbox-cause' } });
  });

  it('leaves no message when the transaction rolls back', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await enqueueMail(tx, message);
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await prisma.mailMessage.count()).toBe(0);
  });

  it('refuses a bad address or a subject with a line break, and writes nothing', async () => {
    await expect(enqueueMail(prisma, { ...message, to: 'pas une adresse' })).rejects.toThrow(/destinataire invalide/);
    await expect(enqueueMail(prisma, { ...message, subject: 'Essai\r\nBcc: x@example.org' })).rejects.toThrow(/une ligne/);
    expect(await prisma.mailMessage.count()).toBe(0);
  });
});
