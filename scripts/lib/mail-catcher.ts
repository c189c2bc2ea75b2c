// The local mail catcher of `npm start` and `npm run dev` when SMTP_URL is unset: a real
// SMTP server (smtp-server) that keeps what it receives instead of delivering it, and a small
// inbox page to read it in the browser. Nothing leaves the machine.
//
// Why not maildev: it brings a web framework, websockets and dependencies that want Node 22;
// smtp-server (which the tests also use) and mailparser are two libraries of the nodemailer
// family, and the inbox is a page of plain HTML that works without JavaScript.
//
// Both listen on 127.0.0.1 only: the messages hold one-time links. The inbox lives in memory
// (the last MAX_MESSAGES messages) and is empty again after a restart.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const MAX_MESSAGES = 200;
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export type CaughtMail = {
  id: string;
  receivedAt: Date;
  envelopeFrom: string;
  envelopeTo: string[];
  subject: string;
  from: string;
  text: string;
  html: string | null;
  raw: string;
};

export type MailCatcher = {
  smtpUrl: string;
  inboxUrl: string;
  messages: CaughtMail[];
  stop(): Promise<void>;
};

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

// Received HTML is shown in a sandboxed frame (no scripts, no forms, no same origin) and the
// page allows nothing to load from elsewhere: the catcher does not fetch a mail's images.
const PAGE_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-store',
};

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr-CA"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} — récepteur de courriels local</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:60rem;line-height:1.5}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccc;vertical-align:top}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}
iframe{width:100%;height:32rem;border:1px solid #ccc}</style></head>
<body>${body}</body></html>`;
}

function formatDate(date: Date): string {
  return date.toLocaleString('fr-CA', { dateStyle: 'short', timeStyle: 'medium', timeZone: 'America/Toronto' });
}

function inboxPage(messages: CaughtMail[]): string {
  const rows = messages
    .map(
      (mail) =>
        `<tr><td>${escapeHtml(formatDate(mail.receivedAt))}</td><td>${escapeHtml(mail.envelopeTo.join(', '))}</td>` +
        `<td><a href="/messages/${mail.id}">${escapeHtml(mail.subject || '(sans sujet)')}</a></td></tr>`,
    )
    .join('\n');
  return page(
    'Boîte de réception',
    `<h1>Boîte de réception locale</h1>
<p>Les courriels que le site envoie sans serveur de courriel configuré (SMTP_URL) arrivent ici; aucun ne sort de cet ordinateur.
${messages.length} message(s), les plus récents en premier. Rechargez la page pour voir les nouveaux.</p>
${messages.length ? `<table><thead><tr><th scope="col">Reçu le</th><th scope="col">Destinataire</th><th scope="col">Sujet</th></tr></thead><tbody>${rows}</tbody></table>` : '<p>Aucun message pour l’instant.</p>'}`,
  );
}

function messagePage(mail: CaughtMail): string {
  return page(
    mail.subject,
    `<p><a href="/">← Boîte de réception</a></p>
<h1>${escapeHtml(mail.subject || '(sans sujet)')}</h1>
<dl><dt>De</dt><dd>${escapeHtml(mail.from)}</dd><dt>À</dt><dd>${escapeHtml(mail.envelopeTo.join(', '))}</dd>
<dt>Reçu le</dt><dd>${escapeHtml(formatDate(mail.receivedAt))}</dd></dl>
<h2>Texte</h2><pre>${escapeHtml(mail.text)}</pre>
${mail.html ? `<h2>HTML</h2><iframe sandbox title="Version HTML du message" srcdoc="${escapeHtml(mail.html)}"></iframe>` : ''}
<p><a href="/messages/${mail.id}.eml">Message brut (.eml)</a></p>`,
  );
}

async function listen(server: net.Server | http.Server, port: number): Promise<number> {
  // The preferred port when free, else any free one (another catcher may already run).
  for (const candidate of port ? [port, 0] : [0]) {
    const bound = await new Promise<number | null>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' ? resolve(null) : reject(error));
      server.once('error', onError);
      server.listen(candidate, '127.0.0.1', () => {
        server.off('error', onError);
        const address = server.address();
        resolve(typeof address === 'object' && address ? address.port : null);
      });
    });
    if (bound) return bound;
  }
  throw new Error('Aucun port libre pour le récepteur de courriels.');
}

export async function startMailCatcher(options: { smtpPort?: number; httpPort?: number } = {}): Promise<MailCatcher> {
  const messages: CaughtMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    banner: 'Récepteur de courriels local du Répertoire numérique communautaire',
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            messages.unshift({
              id: randomUUID(),
              receivedAt: new Date(),
              envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
              envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: parsed.subject ?? '',
              from: parsed.from?.text ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
              raw: raw.toString('utf8'),
            });
            messages.splice(MAX_MESSAGES);
            callback(null, 'Reçu par le récepteur local');
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });

  const web = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      response.writeHead(200, PAGE_HEADERS).end(inboxPage(messages));
      return;
    }
    if (url.pathname === '/messages.json') {
      response.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }).end(JSON.stringify(messages));
      return;
    }
    const match = /^\/messages\/([0-9a-f-]{36})(\.eml)?$/.exec(url.pathname);
    const mail = match ? messages.find((candidate) => candidate.id === match[1]) : undefined;
    if (mail && match?.[2]) {
      response.writeHead(200, { 'Content-Type': 'message/rfc822', 'Content-Disposition': `attachment; filename="${mail.id}.eml"` }).end(mail.raw);
      return;
    }
    if (mail) {
      response.writeHead(200, PAGE_HEADERS).end(messagePage(mail));
      return;
    }
    response.writeHead(404, PAGE_HEADERS).end(page('Introuvable', '<h1>Message introuvable</h1><p><a href="/">← Boîte de réception</a></p>'));
  });

  const smtpServer = (smtp as unknown as { server: net.Server }).server;
  const smtpPort = await listen(smtpServer, options.smtpPort ?? 1025);
  let httpPort: number;
  try {
    httpPort = await listen(web, options.httpPort ?? 1080);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    inboxUrl: `http://localhost:${httpPort}`,
    messages,
    async stop() {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => web.close(() => resolve())),
        new Promise<void>((resolve) => smtp.close(() => resolve())),
      ]);
    },
  };
}

export type MailSetup = {
  /** Variables for the server process: SMTP_URL of the catcher, or nothing (the user's own). */
  env: Record<string, string>;
  /** Address of the catcher's inbox, when it runs. */
  inboxUrl: string | null;
  stop(): Promise<void>;
};

/** `npm start` / `npm run dev`: the user's SMTP_URL when set, else a local catcher (as for PostgreSQL). */
export async function prepareMail(env: Record<string, string | undefined> = process.env): Promise<MailSetup> {
  const configured = env.SMTP_URL?.trim();
  if (configured) {
    const url = new URL(configured);
    console.log(`Courriels : envoyés par ${url.protocol}//${url.host} (SMTP_URL)`);
    return { env: {}, inboxUrl: null, stop: async () => {} };
  }
  const portOf = (value: string | undefined) => (value?.trim() && Number.isInteger(Number(value)) ? Number(value) : undefined);
  const catcher = await startMailCatcher({ smtpPort: portOf(env.MAIL_CATCHER_SMTP_PORT), httpPort: portOf(env.MAIL_CATCHER_HTTP_PORT) });
  console.log(`Courriels : pas de SMTP_URL, ils restent sur cet ordinateur. Boîte de réception locale : ${catcher.inboxUrl} (SMTP ${catcher.smtpUrl})`);
  // The server asks for MAIL_FROM whenever SMTP_URL is set: the catcher accepts any sender.
  const from = env.MAIL_FROM?.trim() || 'Répertoire numérique communautaire <repertoire@localhost>';
  return { env: { SMTP_URL: catcher.smtpUrl, MAIL_FROM: from }, inboxUrl: catcher.inboxUrl, stop: catcher.stop };
}
