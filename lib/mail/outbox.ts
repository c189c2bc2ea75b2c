// The outbox: a message is written to PostgreSQL in the transaction that causes it, so that
// it exists exactly when the change that causes it is committed (no mail for a rolled-back
// change, no change without its mail). The sender (lib/mail/sender.ts) delivers it later.
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { RenderedMail } from './render';

/** Why a message is sent. Flows add their key here (a string in the database: no migration). */
export const MAIL_KINDS = ['test', 'verification-request', 'verification-reminder', 'claim-link'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** Sent and failed messages are erased this many days after their last attempt (lib/jobs/erasures.ts). */
export const MAIL_RETENTION_DAYS = 90;

const outgoingMailSchema = z.object({
  kind: z.enum(MAIL_KINDS),
  to: z.email({ error: 'Adresse du destinataire invalide.' }).max(254),
  // One line: a line break in a header would let the text add headers of its own.
  subject: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine((value) => !/[\r\n]/.test(value), 'Le sujet tient sur une ligne.'),
  text: z.string().min(1).max(100_000),
  html: z.string().min(1).max(200_000),
});

export type OutgoingMail = RenderedMail & { kind: MailKind; to: string };

/**
 * Queues `message` inside the caller's transaction (`tx` is the transaction client of
 * `db.$transaction`, or the client itself for a message on its own). Returns its id.
 */
export async function enqueueMail(tx: Pick<Prisma.TransactionClient, 'mailMessage'>, message: OutgoingMail): Promise<string> {
  const data = outgoingMailSchema.parse(message);
  const row = await tx.mailMessage.create({ data, select: { id: true } });
  return row.id;
}
