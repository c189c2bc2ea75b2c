// The suppression list (Canada's anti-spam law): an address that asked to stop gets no more
// campaign mail (requests and reminders) from the directory. Two ways in: the stop link of
// every campaign message (/courriels/arret, a page with one button: a link scanner that opens
// the page stops nothing), and a member recording a reply « Arrêt » at /admin/verification.
//
// The stop link needs no table: its key is an HMAC of the address under NEXTAUTH_SECRET, so it
// cannot be made for an address one did not receive mail at, and it never expires (a stop
// request must work whenever the person reads the message).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Prisma } from '@/lib/generated/prisma/client';

export const STOP_PATH = '/courriels/arret';

/** Addresses are compared in lower case, without surrounding spaces. */
export function normaliseAddress(email: string): string {
  return email.trim().toLowerCase();
}

export const suppressedAddressSchema = z
  .string()
  .trim()
  .max(254, 'L’adresse dépasse 254 caractères.')
  .pipe(z.email({ error: 'Entrez une adresse courriel valide, par exemple nom@organisme.org.' }))
  .transform(normaliseAddress);

function stopKey(email: string, secret: string): string {
  return createHmac('sha256', secret).update(`mail-stop:${normaliseAddress(email)}`).digest('base64url');
}

/** The stop link of a message sent to `email`: the address and its key, in the query. */
export function stopUrlFor(siteUrl: string, email: string, secret: string): string {
  const url = new URL(STOP_PATH, siteUrl);
  url.searchParams.set('adresse', normaliseAddress(email));
  url.searchParams.set('cle', stopKey(email, secret));
  return url.toString();
}

/** The address of a stop link when its key matches, else null. */
export function verifyStopLink(address: unknown, key: unknown, secret: string): string | null {
  if (typeof address !== 'string' || typeof key !== 'string') return null;
  const parsed = suppressedAddressSchema.safeParse(address);
  if (!parsed.success) return null;
  const expected = Buffer.from(stopKey(parsed.data, secret));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected) ? parsed.data : null;
}

type SuppressionDb = Pick<Prisma.TransactionClient, 'mailSuppression'>;

/** Records that `email` asked to stop; recording it twice keeps the first date. */
export async function suppressAddress(
  db: SuppressionDb,
  email: string,
  source: 'LINK' | 'REPLY',
  createdById: string | null = null,
): Promise<{ isNew: boolean }> {
  const address = normaliseAddress(email);
  const existing = await db.mailSuppression.findUnique({ where: { email: address }, select: { email: true } });
  if (existing) return { isNew: false };
  await db.mailSuppression.upsert({ where: { email: address }, create: { email: address, source, createdById }, update: {} });
  return { isNew: true };
}

export async function isSuppressed(db: SuppressionDb, email: string): Promise<boolean> {
  return (await db.mailSuppression.findUnique({ where: { email: normaliseAddress(email) }, select: { email: true } })) !== null;
}

/** The addresses of `emails` that asked to stop, normalised. */
export async function suppressedAmong(db: SuppressionDb, emails: readonly string[]): Promise<Set<string>> {
  const addresses = [...new Set(emails.filter(Boolean).map(normaliseAddress))];
  if (addresses.length === 0) return new Set();
  const rows = await db.mailSuppression.findMany({ where: { email: { in: addresses } }, select: { email: true } });
  return new Set(rows.map((row) => row.email));
}
