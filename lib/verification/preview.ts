import 'server-only';
// The message a campaign would send, shown to members before they send it (/admin/verification):
// the same wording and layout (updateMailContent, renderMail), for the first provider a campaign
// would ask, with a sample link (the real one is made at sending) and its real stop link.
import type { Db } from '@/lib/data/admin/write';
import { getAuthEnv, getMailEnv, getSiteUrl } from '@/lib/env';
import { renderMail } from '@/lib/mail/render';
import { stopUrlFor } from '@/lib/mail/suppression';
import { listProvidersToVerify } from '@/lib/verification/campaign';
import { UPDATE_LINK_TTL_MS, updateLinkPath, updateMailContent } from '@/lib/verification/links';

export type CampaignPreview = { providerName: string; subject: string; text: string };

export async function previewVerificationRequest(db: Db, now = new Date()): Promise<CampaignPreview | null> {
  const provider = (await listProvidersToVerify(db, now)).find((row) => row.contactEmail.trim() !== '');
  if (!provider) return null;
  const siteUrl = getSiteUrl();
  const link = { url: `${siteUrl}${updateLinkPath('lien-a-usage-unique-cree-a-l-envoi')}`, expiresAt: new Date(now.getTime() + UPDATE_LINK_TTL_MS) };
  const content = updateMailContent(provider.name, 'campaign', link);
  const mailEnv = getMailEnv();
  const rendered = renderMail(
    { ...content, action: { label: 'Vérifier ou mettre à jour la fiche', url: link.url }, stopUrl: stopUrlFor(siteUrl, provider.contactEmail, getAuthEnv().secret) },
    { siteUrl, contactEmail: mailEnv.contactEmail, postalAddress: mailEnv.postalAddress },
  );
  return { providerName: provider.name, subject: rendered.subject, text: rendered.text };
}
