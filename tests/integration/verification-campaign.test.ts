// Yearly verification campaigns against a real PostgreSQL and a real SMTP server: who gets a
// request, the stop list, reminders after 21 and 42 days and « à vérifier » 21 days after the
// last one (the clock is moved by passing "now"), with several instances running the job at
// once, and the answers, failures and stop requests that end a request early.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getVerificationOverview } from '@/lib/data/admin/verification';
import { getAuthEnv } from '@/lib/env';
import { deliverDueMail } from '@/lib/mail/sender';
import { stopUrlFor, suppressAddress, verifyStopLink } from '@/lib/mail/suppression';
import { createSmtpTransport } from '@/lib/mail/transport';
import { runVerificationReminders, sendVerificationCampaign } from '@/lib/verification/campaign';
import { consumeProviderUpdateLink } from '@/lib/verification/links';
import { clearEntryAndMemberTables, createMember, createTestClient } from './helpers/members';
import { startTestSmtpServer, type TestSmtpServer } from './helpers/smtp-server';

const DAY = 24 * 60 * 60 * 1000;
const T0 = new Date('2026-05-04T14:00:00Z');
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let prisma: PrismaClient;
let others: PrismaClient[];
let smtp: TestSmtpServer;

async function clear() {
  await prisma.verificationRequest.deleteMany();
  await prisma.mailSuppression.deleteMany();
  await prisma.mailMessage.deleteMany();
  await prisma.providerUpdateLink.deleteMany();
  await prisma.providerProposal.deleteMany();
  await clearEntryAndMemberTables(prisma);
}

async function provider(slug: string, data: { contactEmail?: string; verifiedAt?: Date | null; status?: 'PUBLISHED' | 'DRAFT' } = {}) {
  return prisma.provider.create({
    data: { slug, name: `Organisme ${slug}`, status: data.status ?? 'PUBLISHED', contactEmail: data.contactEmail ?? '', verifiedAt: data.verifiedAt ?? null },
    select: { id: true },
  });
}

const mails = (kind?: string) => prisma.mailMessage.findMany({ where: kind ? { kind } : {}, orderBy: { createdAt: 'asc' } });

beforeAll(async () => {
  prisma = createTestClient();
  others = [createTestClient(), createTestClient()];
  smtp = await startTestSmtpServer();
});
beforeEach(clear);
afterAll(async () => {
  await clear();
  await smtp.close();
  await Promise.all([prisma, ...others].map((client) => client.$disconnect()));
});

describe('sending a campaign', () => {
  it('asks the published providers not verified for 12 months that have a contact, once, and skips the stop list', async () => {
    const member = await createMember(prisma);
    const stale = await provider('ancienne', { contactEmail: 'Info@Ancienne.example', verifiedAt: new Date('2025-01-10T12:00:00Z') });
    await provider('jamais', { contactEmail: 'arret@jamais.example' });
    await provider('sans-contact');
    await provider('recente', { contactEmail: 'info@recente.example', verifiedAt: new Date('2026-02-01T12:00:00Z') });
    await provider('brouillon', { contactEmail: 'info@brouillon.example', status: 'DRAFT' });
    await suppressAddress(prisma, 'ARRET@jamais.example', 'REPLY');
    expect(await getVerificationOverview(prisma, T0)).toMatchObject({ due: 3, dueWithContact: 2, dueSuppressed: 1, dueOpen: 0, sendable: 1, suppressedAddresses: 1 });

    const report = await sendVerificationCampaign(prisma, { actorId: member.id, now: T0 });
    expect(report).toEqual({ sent: 1, withoutContact: 1, suppressed: 1, alreadyOpen: 0 });
    const queued = await mails();
    expect(queued.map((mail) => [mail.kind, mail.to])).toEqual([['verification-request', 'Info@Ancienne.example']]);
    const request = await prisma.verificationRequest.findFirstOrThrow();
    expect(request).toMatchObject({ providerId: stale.id, createdById: member.id, mailIds: [queued[0]!.id], outcome: null });
    expect(await prisma.providerUpdateLink.count({ where: { providerId: stale.id, reason: 'campaign' } })).toBe(1);
    const overview = await getVerificationOverview(prisma, T0);
    expect(overview).toMatchObject({ due: 3, dueOpen: 1, sendable: 0 });
    expect(overview.rows.map((row) => [row.name, row.request?.status ?? null, row.hasContact, row.isSuppressed])).toEqual([
      ['Organisme ancienne', 'sent', true, false],
      ['Organisme jamais', null, true, true],
      ['Organisme sans-contact', null, false, false],
    ]);

    // A second click (or a second member at once) sends nothing more.
    const [again, concurrent] = await Promise.all([
      sendVerificationCampaign(prisma, { actorId: member.id, now: T0 }),
      sendVerificationCampaign(others[0]!, { actorId: member.id, now: T0 }),
    ]);
    expect(again.sent + concurrent.sent).toBe(0);
    expect(await prisma.mailMessage.count()).toBe(1);
  });

  it('delivers the request over SMTP with the update link and a working stop link', async () => {
    await provider('ancienne', { contactEmail: 'info@ancienne.example' });
    await sendVerificationCampaign(prisma, { actorId: null, now: T0 });
    const report = await deliverDueMail(prisma, createSmtpTransport(smtp.url), { from: 'Table <repertoire@example.org>', contactEmail: 'table@example.org' });
    expect(report.sent).toBe(1);
    await smtp.waitForCount(1);
    const received = smtp.received.at(-1)!;
    expect(received.envelopeTo).toEqual(['info@ancienne.example']);
    expect(received.subject).toContain('la fiche de Organisme ancienne est-elle encore exacte');
    const text = received.text ?? '';
    expect(text).toMatch(/\/mise-a-jour\/[\w-]+/);
    const stop = /Pour ne plus recevoir ces messages : (\S+)/.exec(text)?.[1];
    expect(stop).toBeDefined();
    const url = new URL(stop!);
    expect(url.pathname).toBe('/courriels/arret');
    expect(verifyStopLink(url.searchParams.get('adresse'), url.searchParams.get('cle'), getAuthEnv().secret)).toBe('info@ancienne.example');
    // A key made for another address, or changed, opens nothing.
    expect(verifyStopLink('autre@ancienne.example', url.searchParams.get('cle'), getAuthEnv().secret)).toBeNull();
    expect(verifyStopLink('info@ancienne.example', `${url.searchParams.get('cle')}x`, getAuthEnv().secret)).toBeNull();
    expect(new URL(stopUrlFor('https://r.example', 'INFO@ancienne.example', getAuthEnv().secret)).searchParams.get('cle')).toBe(url.searchParams.get('cle'));
  });
});

describe('reminders (moved clock)', () => {
  it('reminds after 21 and 42 days, then marks the provider « à vérifier » 21 days after the last reminder, each step once across instances', async () => {
    const { id } = await provider('silencieuse', { contactEmail: 'info@silencieuse.example' });
    await sendVerificationCampaign(prisma, { actorId: null, now: T0 });

    expect((await runVerificationReminders(prisma, at(20.9))).firstReminders).toBe(0);
    // Three instances run the job at the same moment: one reminder.
    const first = await Promise.all([prisma, ...others].map((db) => runVerificationReminders(db, at(21))));
    expect(first.reduce((sum, report) => sum + report.firstReminders, 0)).toBe(1);
    expect((await mails('verification-reminder')).map((mail) => mail.subject)).toEqual(['Petit rappel : la fiche de Organisme silencieuse est-elle encore exacte ?']);

    expect((await runVerificationReminders(prisma, at(41.9))).lastReminders).toBe(0);
    const last = await Promise.all([prisma, ...others].map((db) => runVerificationReminders(db, at(42))));
    expect(last.reduce((sum, report) => sum + report.lastReminders, 0)).toBe(1);
    expect((await mails('verification-reminder')).at(-1)?.subject).toMatch(/^Dernier rappel : /);

    expect((await runVerificationReminders(prisma, at(62.9))).unanswered).toBe(0);
    expect((await prisma.provider.findUniqueOrThrow({ where: { id } })).toVerify).toBe(false);
    const closing = await Promise.all([prisma, ...others].map((db) => runVerificationReminders(db, at(63))));
    expect(closing.reduce((sum, report) => sum + report.unanswered, 0)).toBe(1);

    const flagged = await prisma.provider.findUniqueOrThrow({ where: { id } });
    expect(flagged.toVerify).toBe(true);
    expect(flagged.verifyNote).toBe('Aucune réponse de l’organisme à la demande de vérification du 4 mai 2026 ni aux deux relances : vérifier ses coordonnées et son offre.');
    expect(flagged.version).toBe(2);
    const history = await prisma.auditLog.findMany({ where: { entityId: id } });
    expect(history.map((entry) => entry.action)).toEqual(['provider.unanswered']);
    expect(await prisma.verificationRequest.findFirstOrThrow()).toMatchObject({ outcome: 'NO_ANSWER' });
    // Three messages in all, and nothing more later.
    await runVerificationReminders(prisma, at(200));
    expect(await prisma.mailMessage.count()).toBe(3);
  });

  it('spaces the reminders when the job did not run for a while', async () => {
    await provider('tardive', { contactEmail: 'info@tardive.example' });
    await sendVerificationCampaign(prisma, { actorId: null, now: T0 });
    expect(await runVerificationReminders(prisma, at(50))).toMatchObject({ firstReminders: 1, lastReminders: 0 });
    expect(await runVerificationReminders(prisma, at(51))).toMatchObject({ firstReminders: 0, lastReminders: 0 });
    expect(await runVerificationReminders(prisma, at(71))).toMatchObject({ lastReminders: 1 });
  });

  it('stops at an answer: a used link (confirmed), or a member who verified the provider', async () => {
    const confirmed = await provider('confirme', { contactEmail: 'info@confirme.example' });
    const verified = await provider('verifie', { contactEmail: 'info@verifie.example' });
    await sendVerificationCampaign(prisma, { actorId: null, now: T0 });
    const link = await prisma.providerUpdateLink.findFirstOrThrow({ where: { providerId: confirmed.id } });
    expect(await consumeProviderUpdateLink(prisma, link.id, 'CONFIRMED', at(3))).toBe(true);
    await prisma.provider.update({ where: { id: verified.id }, data: { verifiedAt: at(5), verifiedBy: 'MEMBER' } });

    // The page says so at once, before the job records it.
    const overview = await getVerificationOverview(prisma, at(6));
    expect(overview.rows.map((row) => [row.name, row.request?.status, row.request?.answeredAt])).toEqual([
      ['Organisme confirme', 'confirmed', at(3).toISOString()],
      ['Organisme verifie', 'verified-by-member', at(5).toISOString()],
    ]);

    const report = await runVerificationReminders(prisma, at(30));
    expect(report).toMatchObject({ answered: 2, firstReminders: 0 });
    const requests = await prisma.verificationRequest.findMany({ orderBy: { providerId: 'asc' } });
    expect(Object.fromEntries(requests.map((request) => [request.providerId, [request.outcome, request.answeredAt?.toISOString()]]))).toEqual({
      [confirmed.id]: ['CONFIRMED', at(3).toISOString()],
      [verified.id]: ['VERIFIED_BY_MEMBER', at(5).toISOString()],
    });
    expect(await prisma.mailMessage.count({ where: { kind: 'verification-reminder' } })).toBe(0);
  });

  it('sends no reminder to an address that asked to stop, nor after a final refusal', async () => {
    await provider('arret', { contactEmail: 'info@arret.example' });
    const refused = await provider('refus', { contactEmail: 'info@refus.example' });
    await sendVerificationCampaign(prisma, { actorId: null, now: T0 });
    await suppressAddress(prisma, 'info@arret.example', 'LINK');
    const refusedMail = await prisma.mailMessage.findFirstOrThrow({ where: { to: 'info@refus.example' } });
    await prisma.mailMessage.update({ where: { id: refusedMail.id }, data: { status: 'FAILED', lastResponse: '550 Unknown user' } });

    const report = await runVerificationReminders(prisma, at(21));
    expect(report).toMatchObject({ failed: 1, firstReminders: 1 });
    expect(await prisma.mailMessage.count({ where: { kind: 'verification-reminder' } })).toBe(0);
    expect(await prisma.verificationRequest.findFirstOrThrow({ where: { providerId: refused.id } })).toMatchObject({ reminder1At: null });
    expect((await prisma.verificationRequest.findFirstOrThrow({ where: { providerId: refused.id } })).failedAt).not.toBeNull();
  });
});
