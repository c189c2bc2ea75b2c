// SMTP through nodemailer. Bounded in time: a server that does not answer fails the attempt
// well within the sender's lease (lib/mail/sender.ts), so that a slow send is never taken
// over by a second sender while it may still succeed.
import nodemailer from 'nodemailer';

export type TransportMessage = {
  from: string;
  to: string;
  replyTo: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row: a message sent again after a crash carries the same id. */
  messageId: string;
  headers: Record<string, string>;
};

/** What the sender needs from a transport: send, or throw with the server's answer. */
export type MailTransport = {
  send(message: TransportMessage): Promise<{ response: string }>;
  close(): void;
};

/** The longest one send may take (connection + greeting + each SMTP step); the lease is longer. */
export const SMTP_TIMEOUTS_MS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 } as const;

export function createSmtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS_MS });
  return {
    async send(message) {
      const info = await transporter.sendMail({ ...message, disableFileAccess: true, disableUrlAccess: true });
      return { response: String(info.response ?? '') };
    },
    close() {
      transporter.close();
    },
  };
}
