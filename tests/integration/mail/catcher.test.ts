// The local mail catcher of `npm start`: the sender delivers to it over real SMTP, and a
// person reads the message on its inbox page (plain HTML, no JavaScript needed), the HTML
// version shown in a sandboxed frame under a policy that loads nothing from elsewhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMailEnv } from '@/lib/env';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { enqueueMail } from '@/lib/mail/outbox';
import { renderMail } from '@/lib/mail/render';
import { deliverDueMail } from '@/lib/mail/sender';
import { createSmtpTransport } from '@/lib/mail/transport';
import { prepareMail, startMailCatcher, type MailCatcher } from '@/scripts/lib/mail-catcher';
import { createTestClient } from '../helpers/members';

let prisma: PrismaClient;
let catcher: MailCatcher;

beforeAll(async () => {
  prisma = createTestClient();
  await prisma.mailMessage.deleteMany();
  catcher = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
});
afterAll(async () => {
  await catcher.stop();
  await prisma.mailMessage.deleteMany();
  await prisma.$disconnect();
});

describe('local mail catcher', () => {
  it('receives what the sender sends and shows it in its inbox page', async () => {
    const body = renderMail(
      { subject: 'Votre fiche <b>Insertech</b>', paragraphs: ['Bonjour de la Table.'], reason: 'Vous recevez ce message pour un essai.' },
      { siteUrl: 'http://localhost:3000', contactEmail: 'table@example.org' },
    );
    await enqueueMail(prisma, { kind: 'test', to: 'insertech@example.org', ...body });
    const transport = createSmtpTransport(catcher.smtpUrl);
    try {
      expect(await deliverDueMail(prisma, transport, { from: 'Répertoire <repertoire@localhost>', contactEmail: 'table@example.org' })).toMatchObject({ sent: 1 });
    } finally {
      transport.close();
    }
    expect(catcher.messages).toHaveLength(1);

    const inbox = await fetch(catcher.inboxUrl);
    expect(inbox.status).toBe(200);
    expect(inbox.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const inboxHtml = await inbox.text();
    expect(inboxHtml).toContain('insertech@example.org');
    expect(inboxHtml).toContain('Votre fiche &lt;b&gt;Insertech&lt;/b&gt;');
    const link = /href="(\/messages\/[0-9a-f-]{36})"/.exec(inboxHtml)?.[1];
    expect(link).toBeDefined();

    const message = await (await fetch(new URL(link!, catcher.inboxUrl))).text();
    expect(message).toContain('Bonjour de la Table.');
    expect(message).toContain('Pour ne plus recevoir ces messages');
    expect(message).toMatch(/<iframe sandbox title="Version HTML du message" srcdoc="[^"]*&lt;p&gt;Bonjour de la Table\.&lt;\/p&gt;/);
    const raw = await fetch(new URL(`${link!}.eml`, catcher.inboxUrl));
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect(await raw.text()).toMatch(/^Subject: /m);
    expect((await fetch(new URL('/messages/00000000-0000-0000-0000-000000000000', catcher.inboxUrl))).status).toBe(404);
  });

  it('gives the server a mail setup it accepts when SMTP_URL is unset', async () => {
    const setup = await prepareMail({ MAIL_CATCHER_SMTP_PORT: '0', MAIL_CATCHER_HTTP_PORT: '0' });
    try {
      expect(setup.env.SMTP_URL).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
      expect(setup.inboxUrl).toMatch(/^http:\/\/localhost:\d+$/);
      expect(parseMailEnv(setup.env, 'http://localhost:3000')).toMatchObject({ smtpUrl: setup.env.SMTP_URL, contactEmail: 'repertoire@localhost' });
      expect((await fetch(setup.inboxUrl!)).status).toBe(200);
    } finally {
      await setup.stop();
    }
  });

  it('is not started when SMTP_URL names a real mail service', async () => {
    const setup = await prepareMail({ SMTP_URL: 'smtps://utilisateur:secret@smtp.example.org:465' });
    expect(setup).toMatchObject({ env: {}, inboxUrl: null });
    await setup.stop();
  });
});
