// A real SMTP server in the test process (smtp-server, the library the local catcher also
// uses), that keeps what it accepted, parsed (mailparser). It can be stopped and started
// again on the same port (mail server down), answer with a temporary or permanent refusal,
// and hold its answer to the end of DATA until the test lets it go.
//
// A message counts as received only when the server answered 250 to it on a connection that
// was still open: if the client vanished before (killed mid-send), SMTP says the message was
// never accepted, and this server forgets it, as a real one does.
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export type ReceivedMail = ParsedMail & { envelopeTo: string[] };

export type TestSmtpServer = {
  readonly url: string;
  readonly received: ReceivedMail[];
  /** 'accept' (default), 'tempfail' (451) or 'reject' (550) every message. */
  answer: 'accept' | 'tempfail' | 'reject';
  /** Milliseconds to wait before answering each message. */
  delayMs: number;
  /** Holds the answer to the next message; `arrived` resolves once its data is in. */
  holdNext(): { arrived: Promise<void>; release(): void };
  /** Closes the port: connections are refused until start(). */
  stop(): Promise<void>;
  start(): Promise<void>;
  waitForCount(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once `count` client connections have closed since the server was created. */
  waitForClosedConnections(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const closedSessions = new Set<string>();
  let hold: { arrived: () => void; released: Promise<void> } | null = null;
  let port = 0;
  let server: SMTPServer | null = null;

  const self: TestSmtpServer = {
    url: '',
    received: [],
    answer: 'accept',
    delayMs: 0,
    holdNext() {
      let arrived!: () => void;
      let release!: () => void;
      const arrivedPromise = new Promise<void>((resolve) => (arrived = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { arrived, released };
      return { arrived: arrivedPromise, release };
    },
    stop: async () => {
      const current = server;
      server = null;
      if (current) await new Promise<void>((resolve) => current.close(() => resolve()));
    },
    start: async () => {
      server = create();
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, '127.0.0.1', () => resolve());
      });
      const address = (listening as unknown as { server: { address(): { port: number } } }).server.address();
      port = address.port;
      (self as { url: string }).url = `smtp://127.0.0.1:${port}`;
    },
    async waitForCount(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (self.received.length < count) {
        if (Date.now() > deadline) throw new Error(`${self.received.length} of ${count} messages received.`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async waitForClosedConnections(count, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (closedSessions.size < count) {
        if (Date.now() > deadline) throw new Error(`${closedSessions.size} of ${count} connections closed.`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: async () => self.stop(),
  };

  function create(): SMTPServer {
    return new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onClose(session: SMTPServerSession) {
        closedSessions.add(session.id);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          void (async () => {
            const current = hold;
            if (current) {
              hold = null;
              current.arrived();
              await current.released;
            }
            if (self.delayMs) await new Promise((resolve) => setTimeout(resolve, self.delayMs));
            if (self.answer === 'tempfail') return callback(Object.assign(new Error('Boîte temporairement indisponible'), { responseCode: 451 }));
            if (self.answer === 'reject') return callback(Object.assign(new Error('Destinataire inconnu'), { responseCode: 550 }));
            if (closedSessions.has(session.id)) return; // the client is gone: never accepted
            const parsed = await simpleParser(Buffer.concat(chunks));
            self.received.push(Object.assign(parsed, { envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) }));
            callback(null, 'Message accepté');
          })();
        });
      },
    });
  }

  await self.start();
  return self;
}
