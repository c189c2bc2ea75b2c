// Mail settings: SMTP_URL optional (the catcher then), MAIL_FROM required with a real
// service, replies and stop requests going to MAIL_REPLY_TO or else to MAIL_FROM's address.
import { describe, expect, it } from 'vitest';
import { parseMailEnv } from '@/lib/env';

const site = 'https://repertoire.example.org';

describe('parseMailEnv', () => {
  it('needs nothing without SMTP_URL', () => {
    expect(parseMailEnv({}, site)).toEqual({
      smtpUrl: null,
      from: 'Répertoire numérique communautaire <repertoire@repertoire.example.org>',
      contactEmail: 'repertoire@repertoire.example.org',
      postalAddress: null,
    });
  });

  it('requires MAIL_FROM with a real mail service, and an address in it', () => {
    expect(() => parseMailEnv({ SMTP_URL: 'smtps://u:p@smtp.example.org:465' }, site)).toThrow(/MAIL_FROM est requis/);
    expect(() => parseMailEnv({ SMTP_URL: 'smtps://u:p@smtp.example.org:465', MAIL_FROM: 'La Table' }, site)).toThrow(/doit contenir une adresse/);
    expect(
      parseMailEnv({ SMTP_URL: 'smtps://u:p@smtp.example.org:465', MAIL_FROM: 'La Table <table@example.org>', MAIL_POSTAL_ADDRESS: '1 rue Exemple' }, site),
    ).toEqual({ smtpUrl: 'smtps://u:p@smtp.example.org:465', from: 'La Table <table@example.org>', contactEmail: 'table@example.org', postalAddress: '1 rue Exemple' });
  });

  it('sends replies to MAIL_REPLY_TO when set', () => {
    expect(parseMailEnv({ MAIL_FROM: 'envoi@example.org', MAIL_REPLY_TO: 'table@example.org' }, site).contactEmail).toBe('table@example.org');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://, in French', () => {
    expect(() => parseMailEnv({ SMTP_URL: 'http://smtp.example.org' }, site)).toThrow(/SMTP_URL doit être une adresse smtp/);
  });
});
