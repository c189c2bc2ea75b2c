// What one visitor can make the server do, against the production build (proxy.ts):
//  - searches are counted per address: past the limit, a French 429 page with Retry-After,
//    accessible, and other addresses are not affected;
//  - a long search says that only its first words were searched;
//  - a request body over 1 MB is refused (413, in French) everywhere but the admin import,
//    with or without a declared length.
// Each test comes from addresses of its own (the server trusts the last X-Forwarded-For
// entry, as behind a reverse proxy), so that no count is shared with another test.
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';

const address = (last: number) => ({ 'x-forwarded-for': `192.0.2.${last}` });

test.describe('recherche : limite par adresse', () => {
  test('au-delà de la limite par minute : page 429 en français, Retry-After, accessible; une autre adresse passe', async ({ request, page }) => {
    test.setTimeout(120_000);
    const headers = address(60);
    // The form without a query searches nothing and is not counted.
    for (let index = 0; index < 3; index += 1) expect((await request.get('/recherche', { headers })).status()).toBe(200);
    // A one-letter query: the cheapest search there is (nothing to rank, nothing to suggest).
    let last = await request.get('/recherche?q=x', { headers });
    // Bounded: far above the default (60), to this local server only.
    for (let sent = 1; last.status() === 200 && sent < 200; sent += 1) last = await request.get(`/recherche?q=x&n=${sent}`, { headers });
    expect(last.status()).toBe(429);
    expect(Number(last.headers()['retry-after'])).toBeGreaterThan(0);
    expect(Number(last.headers()['ratelimit-limit'])).toBeGreaterThan(0);
    expect(last.headers()['content-type']).toMatch(/^text\/html/);
    expect(last.headers()['cache-control']).toBe('no-store');
    expect(await last.text()).toMatch(/Trop de recherches en peu de temps[\s\S]*Attendez \d+ secondes?, puis relancez votre recherche/);

    // Another address searches as usual.
    expect((await request.get('/recherche?q=loi+25', { headers: address(61) })).status()).toBe(200);

    // What a person sees, with the page's own headers: readable, accessible, with a way on.
    await page.setExtraHTTPHeaders(headers);
    const response = await page.goto('/recherche?q=formation');
    expect(response?.status()).toBe(429);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trop de recherches en peu de temps');
    await expect(page.getByRole('link', { name: 'Parcourir les besoins' })).toHaveAttribute('href', '/besoins');
    await expectNoAxeViolations(page);
  });
});

test('une très longue recherche dit que seuls ses premiers mots ont servi', async ({ page }) => {
  await page.setExtraHTTPHeaders(address(62));
  const words = ['juripop', 'zorglub', 'vlimpf', 'grumpfel', 'plorxa', 'snarfu', 'quuxol', 'fnordi', 'blargu', 'wibblo'];
  await page.goto(`/recherche?q=${encodeURIComponent(words.join(' '))}`);
  await expect(page.getByTestId('avis-recherche')).toContainText('seuls les 8 premiers ont servi');
  await expect(page.getByRole('heading', { level: 3, name: 'Juripop', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test.describe('taille des envois', () => {
  const big = Buffer.alloc(1024 * 1024 + 1, 'a');

  test('plus de 1 Mo est refusé partout sauf à l’import (413 en français)', async ({ request }) => {
    // A form of the public site (a server action, posted without JavaScript).
    const suggestion = await request.post('/suggerer', { headers: { ...address(63), 'content-type': 'multipart/form-data; boundary=x' }, data: big });
    expect(suggestion.status()).toBe(413);
    expect(await suggestion.text()).toContain('Envoi trop volumineux');
    // A route handler that reads its body (next-auth's sign-in).
    const signIn = await request.post('/api/auth/callback/credentials', { headers: { ...address(63), 'content-type': 'application/x-www-form-urlencoded' }, data: big });
    expect(signIn.status()).toBe(413);
    // Under the limit, the request goes through (next-auth answers as usual, not 413).
    const small = await request.post('/api/auth/callback/credentials', {
      headers: { ...address(63), 'content-type': 'application/x-www-form-urlencoded' },
      data: 'email=a',
      maxRedirects: 0,
    });
    expect(small.status()).not.toBe(413);
    // The import is not refused by size here: without a session, it is sent to the sign-in page.
    const imported = await request.post('/admin/import', { headers: { ...address(63), 'content-type': 'multipart/form-data; boundary=x' }, data: big, maxRedirects: 0 });
    expect(imported.status()).toBe(303);
  });

  /** Posts 2 MB exactly as told (Playwright would add a Content-Type), and gives the status. */
  function rawPost(baseURL: string | undefined, headers: Record<string, string>): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const outgoing = http.request(new URL('/suggerer', baseURL), { method: 'POST', headers: { ...address(64), ...headers } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      // The server may answer and close before reading everything.
      outgoing.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let index = 0; index < 32; index += 1) outgoing.write(chunk);
      outgoing.end();
    });
  }

  test('un envoi sans longueur annoncée (chunked), ou sans Content-Type, est compté aussi', async ({ baseURL }) => {
    expect(await rawPost(baseURL, { 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' })).toBe(413);
    // A server action called the way a script would, with no Content-Type at all.
    expect(await rawPost(baseURL, { 'next-action': '0'.repeat(42), 'content-length': String(2 * 1024 * 1024) })).toBe(413);
  });
});
