// What one visitor can make the server do, against the production build (proxy.ts):
//  - searches are counted per address: past the limit, a French 429 page with Retry-After,
//    accessible, and other addresses are not affected;
//  - a long search says that only its first words were searched.
// Each test comes from addresses of its own (the server trusts the last X-Forwarded-For
// entry, as behind a reverse proxy), so that no count is shared with another test.
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
