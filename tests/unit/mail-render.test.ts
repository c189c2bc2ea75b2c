// The body every message shares: the round table named, why the person receives it, how to
// stop (CASL), hostile text kept as text in HTML, and nothing that tracks the reader.
import { describe, expect, it } from 'vitest';
import { renderMail, ROUND_TABLE_NAME } from '@/lib/mail/render';

const sender = { siteUrl: 'https://repertoire.example.org', contactEmail: 'table@example.org', postalAddress: '1 rue Exemple, Montréal (Québec)' };
const content = {
  subject: 'Votre fiche dans le répertoire',
  paragraphs: ['Votre organisme figure dans le répertoire.', 'Nom saisi : <script>alert(1)</script> & « Cie »'],
  action: { label: 'Mettre votre fiche à jour', url: 'https://repertoire.example.org/fiche?jeton=abc' },
  reason: 'Vous recevez ce message parce que votre adresse est celle de votre organisme dans le répertoire.',
};

describe('renderMail', () => {
  it('names the round table, says why and how to stop, in text and HTML', () => {
    const mail = renderMail(content, sender);
    for (const body of [mail.text, mail.html]) {
      expect(body).toContain(ROUND_TABLE_NAME);
      expect(body).toContain('Vous recevez ce message parce que');
      expect(body).toContain('Pour ne plus recevoir ces messages');
      expect(body).toContain('table@example.org');
      expect(body).toContain('1 rue Exemple');
    }
    expect(mail.text).toContain('https://repertoire.example.org/fiche?jeton=abc');
    expect(mail.subject).toBe(content.subject);
  });

  it('offers a stop link when the flow has one', () => {
    const mail = renderMail({ ...content, stopUrl: 'https://repertoire.example.org/arret?jeton=x' }, sender);
    expect(mail.text).toContain('Pour ne plus recevoir ces messages : https://repertoire.example.org/arret?jeton=x');
    expect(mail.html).toContain('href="https://repertoire.example.org/arret?jeton=x"');
  });

  it('keeps hostile text as text in HTML', () => {
    const { html, text } = renderMail(content, sender);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; « Cie »');
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('carries no image, pixel or hidden link target: every link shows its own address', () => {
    const { html } = renderMail(content, sender);
    expect(html).not.toMatch(/<img|background=|url\(/i);
    const links = [...html.matchAll(/<a href="([^"]+)">([^<]*)<\/a>/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, href, label] of links) expect(label).toBe(href);
  });

  it('refuses a link that is not a web address', () => {
    expect(() => renderMail({ ...content, action: { label: 'x', url: 'javascript:alert(1)' } }, sender)).toThrow(/refusée/);
  });
});
