// What is kept of a search that found nothing: the words, never anything that looks personal.
import { describe, expect, it } from 'vitest';
import { MAX_LOGGED_QUERY_LENGTH, dayOf, sanitiseEmptyQuery } from '@/lib/search/empty-searches';

describe('sanitiseEmptyQuery', () => {
  it('keeps the words, in lower case, one space apart', () => {
    expect(sanitiseEmptyQuery('  Tablette   USAGÉE ')).toBe('tablette usagée');
    expect(sanitiseEmptyQuery("L’aide à l'écriture")).toBe("l'aide à l'écriture");
    expect(sanitiseEmptyQuery('wi-fi gratuit')).toBe('wi-fi gratuit');
  });

  it('removes emails, web addresses, phone numbers, postal codes and long numbers', () => {
    expect(sanitiseEmptyQuery('aide marie.tremblay@exemple.org')).toBe('aide');
    expect(sanitiseEmptyQuery('contact @gmail')).toBe('contact');
    expect(sanitiseEmptyQuery('site https://exemple.org/profil?id=3 www.moi.ca')).toBe('site');
    expect(sanitiseEmptyQuery('rappeler 514-555-1234 svp')).toBe('rappeler svp');
    expect(sanitiseEmptyQuery('rappeler (418) 555 1234')).toBe('rappeler');
    expect(sanitiseEmptyQuery('+1 450.555.0000 ordi')).toBe('ordi');
    expect(sanitiseEmptyQuery('ordi H2X 1Y4')).toBe('ordi');
    expect(sanitiseEmptyQuery('ordi h2x1y4 montréal')).toBe('ordi montréal');
    expect(sanitiseEmptyQuery('dossier 123456789')).toBe('dossier');
    expect(sanitiseEmptyQuery('NAS 046 454 286')).toBe('nas');
  });

  it('keeps nothing when no word is left', () => {
    expect(sanitiseEmptyQuery('514-555-1234')).toBeNull();
    expect(sanitiseEmptyQuery('personne@exemple.org')).toBeNull();
    expect(sanitiseEmptyQuery('!!! ???')).toBeNull();
    expect(sanitiseEmptyQuery('42')).toBeNull();
  });

  it('drops markup characters and cuts long queries', () => {
    expect(sanitiseEmptyQuery('<script>alert(1)</script> ordi')).toBe('script alert 1 script ordi');
    const long = sanitiseEmptyQuery('mot '.repeat(100))!;
    expect(Array.from(long).length).toBeLessThanOrEqual(MAX_LOGGED_QUERY_LENGTH);
    expect(long.endsWith(' ')).toBe(false);
  });
});

describe('dayOf', () => {
  it('is midnight UTC of the day', () => {
    expect(dayOf(new Date('2026-03-05T23:59:59.999Z')).toISOString()).toBe('2026-03-05T00:00:00.000Z');
  });
});
