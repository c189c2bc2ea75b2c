// The jobs the server runs on schedule (lib/jobs/scheduler.ts), whichever instance claims them.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getMailEnv, type MailEnv } from '@/lib/env';
import { deliverDueMail } from '@/lib/mail/sender';
import { createSmtpTransport, type MailTransport } from '@/lib/mail/transport';
import { runVerificationReminders } from '@/lib/verification/campaign';
import { runErasures } from './erasures';
import type { Job } from './scheduler';

let transport: { url: string; transport: MailTransport } | undefined;
let hasWarnedNoSmtp = false;

function transportFor(env: MailEnv & { smtpUrl: string }): MailTransport {
  if (transport?.url !== env.smtpUrl) {
    transport?.transport.close();
    transport = { url: env.smtpUrl, transport: createSmtpTransport(env.smtpUrl) };
  }
  return transport.transport;
}

async function sendQueuedMail(db: PrismaClient): Promise<void> {
  const env = getMailEnv();
  if (!env.smtpUrl) {
    // `next start` run by hand, or the tests' server: messages wait in the outbox.
    if (!hasWarnedNoSmtp) console.warn('Courriels : aucun serveur (SMTP_URL). Les messages restent dans la file d’envoi.');
    hasWarnedNoSmtp = true;
    return;
  }
  const report = await deliverDueMail(db, transportFor({ ...env, smtpUrl: env.smtpUrl }), env);
  if (report.retried || report.failed) {
    console.warn(`Courriels : ${report.sent} envoyé(s), ${report.retried} à réessayer, ${report.failed} en échec (voir MailMessage.lastResponse).`);
  }
}

export const MAIL_SENDER_JOB: Job = { name: 'mail-sender', intervalSeconds: 10, leaseSeconds: 15 * 60, run: sendQueuedMail };
export const ERASURES_JOB: Job = { name: 'law25-erasures', intervalSeconds: 60 * 60, leaseSeconds: 10 * 60, run: (db) => runErasures(db) };

/** Verification campaigns: answers, reminders after 21 and 42 days, « à vérifier » after (lib/verification/campaign.ts). */
export const VERIFICATION_REMINDERS_JOB: Job = {
  name: 'verification-reminders',
  intervalSeconds: 60 * 60,
  leaseSeconds: 10 * 60,
  run: (db) => runVerificationReminders(db),
};

export const SCHEDULED_JOBS: readonly Job[] = [MAIL_SENDER_JOB, ERASURES_JOB, VERIFICATION_REMINDERS_JOB];
