// Builds the French body of every message the directory sends, in plain text and HTML.
// Every message, whatever its purpose:
//  - names the round table that sends it and the site it comes from;
//  - says why this person receives it (`reason`);
//  - says how to stop receiving such messages (Canada's anti-spam law, CASL: an unsubscribe
//    mechanism in every message, plus who sends it and how to reach them);
//  - carries no tracking: no images, no pixels, links are the plain addresses of the site.
// Pure: no I/O, no environment; the caller passes the site's address and contact.

export const ROUND_TABLE_NAME =
  'Table de concertation sur le renforcement des capacités numériques des organismes communautaires';
export const SITE_NAME = 'Répertoire numérique communautaire';

export type MailLink = { label: string; url: string };

export type MailContent = {
  subject: string;
  /** "Bonjour," by default. */
  greeting?: string;
  /** The message itself, one string per paragraph (plain text; escaped in HTML). */
  paragraphs: string[];
  /** The one action the message asks for, if any: a plain link, shown in full. */
  action?: MailLink;
  /** Why this person receives it, e.g. « Vous recevez ce message parce que votre adresse est celle de… ». */
  reason: string;
  /** How to stop: a page of the site when the flow has one; otherwise a reply to this message. */
  stopUrl?: string;
};

export type MailSender = {
  /** Public address of the site, e.g. https://repertoire.example.org */
  siteUrl: string;
  /** Where a person can write to the round table (replies, stop requests). */
  contactEmail: string;
  /** Mailing address of the round table, when configured (CASL asks for one). */
  postalAddress?: string | null;
};

export type RenderedMail = { subject: string; text: string; html: string };

function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Only http(s) addresses become links; anything else is refused rather than sent. */
function assertWebUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`Adresse de lien refusée : ${url}`);
  return parsed.toString();
}

function stopSentence(content: MailContent, sender: MailSender): string {
  return content.stopUrl
    ? `Pour ne plus recevoir ces messages : ${content.stopUrl}`
    : `Pour ne plus recevoir ces messages, répondez à ce courriel en écrivant « Arrêt », ou écrivez à ${sender.contactEmail}.`;
}

export function renderMail(content: MailContent, sender: MailSender): RenderedMail {
  const greeting = content.greeting ?? 'Bonjour,';
  const siteUrl = assertWebUrl(sender.siteUrl);
  const action = content.action ? { label: content.action.label, url: assertWebUrl(content.action.url) } : undefined;
  const stopUrl = content.stopUrl ? assertWebUrl(content.stopUrl) : undefined;
  const stop = stopSentence({ ...content, stopUrl }, sender);
  const signature = [`${ROUND_TABLE_NAME}`, `${SITE_NAME} — ${siteUrl}`, `Pour nous joindre : ${sender.contactEmail}`];
  if (sender.postalAddress) signature.push(sender.postalAddress);

  const text = [
    greeting,
    ...content.paragraphs,
    ...(action ? [`${action.label} :\n${action.url}`] : []),
    '-- ',
    signature.join('\n'),
    content.reason,
    stop,
  ].join('\n\n');

  const p = (value: string) => `<p>${escapeHtml(value).replace(/\n/g, '<br>')}</p>`;
  const link = (url: string, label = url) => `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
  const footer = [
    `<p>${signature.map((line, index) => (index === 1 ? `${escapeHtml(SITE_NAME)} — ${link(siteUrl)}` : escapeHtml(line))).join('<br>')}</p>`,
    p(content.reason),
    stopUrl
      ? `<p>Pour ne plus recevoir ces messages : ${link(stopUrl)}</p>`
      : p(stop),
  ].join('\n');
  const html = [
    '<!doctype html>',
    '<html lang="fr-CA">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>' + escapeHtml(content.subject) + '</title></head>',
    '<body style="font-family: system-ui, sans-serif; line-height: 1.5; max-width: 40em;">',
    p(greeting),
    ...content.paragraphs.map(p),
    ...(action ? [`<p>${escapeHtml(action.label)} :<br>${link(action.url)}</p>`] : []),
    '<hr>',
    `<footer style="font-size: 0.9em;">\n${footer}\n</footer>`,
    '</body>',
    '</html>',
  ].join('\n');

  return { subject: content.subject, text, html };
}
