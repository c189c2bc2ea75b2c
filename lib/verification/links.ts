// One-time links that let an organisation update its own listing (issue 15), and the
// « mettez votre fiche à jour » email that carries one. Built like the members' links
// (lib/security/tokens.ts): 32 random bytes in the URL, only their SHA-256 in the database,
// valid 7 days, used once. Both functions write in the caller's transaction: the link and its
// email exist exactly when what caused them (a claim, a campaign, a reminder) is committed.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { getMailEnv, getSiteUrl } from '@/lib/env';
import { enqueueMail, type MailKind } from '@/lib/mail/outbox';
import { renderMail } from '@/lib/mail/render';
import { ACCESS_LINK_TTL_MS, generateToken, hashToken, isWellFormedToken } from '@/lib/security/tokens';

/** Why a link is sent: a claim from the provider's page, a yearly campaign, or one of its reminders. */
export const UPDATE_LINK_REASONS = ['claim', 'campaign', 'reminder-1', 'reminder-2'] as const;
export type UpdateLinkReason = (typeof UPDATE_LINK_REASONS)[number];

/** Same lifetime as the members' links: 7 days. */
export const UPDATE_LINK_TTL_MS = ACCESS_LINK_TTL_MS;

type LinkTx = Pick<Prisma.TransactionClient, 'providerUpdateLink'>;
type MailTx = Pick<Prisma.TransactionClient, 'provider' | 'providerUpdateLink' | 'mailMessage'>;

/** Path of the organisation's form; the token is the only thing that names the provider. */
export function updateLinkPath(token: string): string {
  return `/mise-a-jour/${token}`;
}

/**
 * Creates a one-time link to update `providerId`'s listing, in the caller's transaction.
 * Returns the absolute URL (SITE_URL, like the members' links) and when it expires.
 */
export async function issueProviderUpdateLink(
  tx: LinkTx,
  providerId: string,
  options: { reason?: UpdateLinkReason; now?: Date } = {},
): Promise<{ url: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + UPDATE_LINK_TTL_MS);
  await tx.providerUpdateLink.create({
    data: { tokenHash: hashToken(token), providerId, reason: options.reason ?? 'claim', expiresAt, createdAt: now },
  });
  return { url: `${getSiteUrl()}${updateLinkPath(token)}`, expiresAt };
}

const MAIL_KIND_OF: Record<UpdateLinkReason, MailKind> = {
  claim: 'claim-link',
  campaign: 'verification-request',
  'reminder-1': 'verification-reminder',
  'reminder-2': 'verification-reminder',
};

const dateFormat = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeZone: 'America/Toronto' });

/** The message's French wording per reason (pure, for tests). */
export function updateMailContent(
  providerName: string,
  reason: UpdateLinkReason,
  link: { url: string; expiresAt: Date },
): { subject: string; paragraphs: string[]; reason: string } {
  const until = `Ce lien fonctionne une seule fois, jusqu’au ${dateFormat.format(link.expiresAt)}. Personne n’a besoin de créer un compte.`;
  const review = 'Une personne de la Table relit chaque modification avant sa publication. Si tout est encore exact, un seul bouton suffit : « Tout est encore exact ».';
  if (reason === 'claim') {
    return {
      subject: `Mettez à jour la fiche de ${providerName}`,
      paragraphs: [
        `Vous avez demandé à mettre à jour la fiche de ${providerName} dans le Répertoire numérique communautaire. Voici votre lien.`,
        review,
        until,
        'Si vous n’avez rien demandé, ignorez ce message : rien ne change sans vous.',
      ],
      reason: `Vous recevez ce message parce que cette adresse a été saisie sur la fiche de ${providerName} (« C’est votre organisme ? »).`,
    };
  }
  const reminder = reason === 'campaign' ? '' : reason === 'reminder-1' ? 'Petit rappel : ' : 'Dernier rappel : ';
  return {
    subject: `${reminder}la fiche de ${providerName} est-elle encore exacte ?`,
    paragraphs: [
      `${reminder}chaque année, la Table demande aux organismes de vérifier leur fiche dans le Répertoire numérique communautaire, que des intervenantes et intervenants consultent pour trouver de l’aide numérique. Pouvez-vous vérifier celle de ${providerName} ?`,
      review,
      until,
    ],
    reason: `Vous recevez ce message parce que votre adresse est celle que la Table a notée pour joindre ${providerName} au sujet de sa fiche.`,
  };
}

/**
 * Queues the « mettez votre fiche à jour » email for `providerId`, with a new one-time link, in
 * the caller's transaction. `to` defaults to the provider's private contact (campaigns); a claim
 * approved by a member passes the address the person typed. Throws when there is no address.
 */
export async function enqueueProviderUpdateMail(
  tx: MailTx,
  input: { providerId: string; reason: UpdateLinkReason; to?: string; stopUrl?: string; now?: Date },
): Promise<{ mailId: string; url: string; expiresAt: Date; to: string }> {
  const provider = await tx.provider.findUniqueOrThrow({ where: { id: input.providerId }, select: { id: true, name: true, contactEmail: true } });
  const to = (input.to ?? provider.contactEmail).trim();
  if (!to) throw new Error(`Aucune adresse de contact pour le fournisseur ${provider.id}.`);
  const link = await issueProviderUpdateLink(tx, provider.id, { reason: input.reason, now: input.now });
  const content = updateMailContent(provider.name, input.reason, link);
  const mailEnv = getMailEnv();
  const rendered = renderMail(
    { ...content, action: { label: 'Vérifier ou mettre à jour la fiche', url: link.url }, stopUrl: input.stopUrl },
    { siteUrl: getSiteUrl(), contactEmail: mailEnv.contactEmail, postalAddress: mailEnv.postalAddress },
  );
  const mailId = await enqueueMail(tx, { kind: MAIL_KIND_OF[input.reason], to, ...rendered });
  return { mailId, ...link, to };
}

export type OpenedLink =
  | { ok: true; linkId: string; providerId: string; reason: string }
  | { ok: false; problem: 'invalid' | 'expired' | 'used' };

/**
 * What a token from the URL opens: its own provider only, or why not. Reads only; the caller
 * marks it used in the transaction that records what the organisation did (`consumeProviderUpdateLink`).
 */
export async function openProviderUpdateLink(db: LinkTx, token: string, now = new Date()): Promise<OpenedLink> {
  if (!isWellFormedToken(token)) return { ok: false, problem: 'invalid' };
  const link = await db.providerUpdateLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, providerId: true, reason: true, expiresAt: true, usedAt: true },
  });
  if (!link) return { ok: false, problem: 'invalid' };
  if (link.usedAt) return { ok: false, problem: 'used' };
  if (link.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: 'expired' };
  return { ok: true, linkId: link.id, providerId: link.providerId, reason: link.reason };
}

/**
 * Marks the link used, once: two submissions racing with the same link, only one gets true.
 * Call it inside the transaction that records the confirmation or the proposal.
 */
export async function consumeProviderUpdateLink(
  tx: LinkTx,
  linkId: string,
  outcome: 'CONFIRMED' | 'UPDATED',
  now = new Date(),
): Promise<boolean> {
  const result = await tx.providerUpdateLink.updateMany({
    where: { id: linkId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now, outcome },
  });
  return result.count === 1;
}
