// Security headers (next.config.ts, proxy.ts, the page cache) on pages, the API, errors and
// the admin sign-in: a CSP that forbids framing, plugins, <base> and foreign form targets;
// no referrer leak across origins; no MIME sniffing; HSTS only when the visitor came over
// https (the reverse proxy says so with X-Forwarded-Proto), never on plain http.
// Scripts: every page holds its inline scripts to a fresh nonce per response (from proxy.ts
// when rendered per request, from the page cache when kept whole there), never to
// 'unsafe-inline'; the pages still run their own scripts, and a script injected into them is
// refused.
import { expect, test, type APIResponse, type Page } from '@playwright/test';
import { seedNeeds } from './helpers/inventory';

const PATHS = ['/', '/besoins', '/recherche?q=formation', '/api/v1/needs', '/page-qui-n-existe-pas', '/admin/connexion'];
const PAGES = ['/', '/besoins', '/recherche?q=formation', '/fournisseurs?aide=FUNDING', '/page-qui-n-existe-pas', '/admin/connexion', '/panier', '/trouver'];

type Policy = Map<string, string>;

function directives(csp: string): Policy {
  const map = new Map<string, string>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values.join(' '));
  }
  return map;
}

/** Every Content-Security-Policy the response carries (a browser enforces each one). */
function policies(response: APIResponse): Policy[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'content-security-policy')
    .flatMap((header) => header.value.split(','))
    .map(directives);
}

function expectSecurityHeaders(response: APIResponse): void {
  const headers = response.headers();
  const all = policies(response);
  expect(all.length).toBeGreaterThan(0);
  for (const csp of all) {
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'self'");
    expect(csp.get('form-action')).toBe("'self'");
  }
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
}

/** The script-src of the page's own policy: the one that does not allow every inline script. */
function strictScriptSources(response: APIResponse): string[] {
  const strict = policies(response)
    .map((csp) => csp.get('script-src') ?? '')
    .filter((sources) => !sources.split(' ').includes("'unsafe-inline'"));
  expect(strict, 'a policy without unsafe-inline for scripts').toHaveLength(1);
  return strict[0]!.split(' ');
}

/** Every <script> start tag of a page (external, inline and JSON-LD alike). */
const scriptTags = (html: string) => [...html.matchAll(/<script\b[^>]*>/gi)].map(([tag]) => tag);

test.describe('en-têtes de sécurité', () => {
  for (const path of PATHS) {
    test(`${path} : CSP, Referrer-Policy, nosniff, pas de HSTS en http`, async ({ request }) => {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBeLessThan(500);
      expectSecurityHeaders(response);
      expect(response.headers()['strict-transport-security']).toBeUndefined();
    });
  }

  test('HSTS derrière un proxy TLS (X-Forwarded-Proto: https)', async ({ request }) => {
    for (const path of ['/', '/api/v1/needs']) {
      const response = await request.get(path, { headers: { 'x-forwarded-proto': 'https' } });
      expectSecurityHeaders(response);
      expect(response.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    }
  });
});

test.describe('scripts : un nonce, jamais unsafe-inline', () => {
  test('une page rendue à la demande : un nonce neuf à chaque réponse, sur chacun de ses scripts', async ({ request }) => {
    const nonces: string[] = [];
    // A search, then a list that is in the cache but for its filter.
    for (const path of ['/recherche?q=formation', '/recherche?q=formation', '/fournisseurs?aide=FUNDING']) {
      const response = await request.get(path);
      const sources = strictScriptSources(response);
      const nonce = sources.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce).toBeTruthy();
      nonces.push(nonce!);
      const html = await response.text();
      const scripts = scriptTags(html).filter((tag) => !tag.includes('application/ld+json'));
      expect(scripts.length).toBeGreaterThan(2);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
    expect(new Set(nonces).size).toBe(3);
  });

  // A need page (HIT or MISS, whatever ran before) and a slug nobody asked for yet (a MISS,
  // then a HIT).
  const cachedPaths = () => {
    const fresh = `/besoins/csp-${Date.now()}`;
    return { paths: [`/besoins/${seedNeeds.at(-1)!.key}`, fresh, fresh], fresh };
  };

  test('une page du cache : un nonce neuf à chaque réponse, sur chacun de ses scripts, dès la première visite', async ({ request }) => {
    const { paths } = cachedPaths();
    const seen: string[] = [];
    const nonces: string[] = [];
    for (const path of paths) {
      const response = await request.get(path);
      seen.push(response.headers()['x-nextjs-cache'] ?? '');
      const sources = strictScriptSources(response);
      expect(sources.some((source) => source.startsWith("'sha256-"))).toBe(false);
      const nonce = sources.find((source) => source.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce).toBeTruthy();
      nonces.push(nonce!);
      // One nonce, whatever the number of scripts: the policy stays small.
      const policy = response.headersArray().find(({ name, value }) => name.toLowerCase() === 'content-security-policy' && value.includes(nonce!));
      expect(policy?.value.length).toBeLessThan(1024);
      const scripts = scriptTags(await response.text());
      expect(scripts.length).toBeGreaterThan(2);
      for (const tag of scripts) expect(tag).toContain(`<script nonce="${nonce}"`);
    }
    expect(seen.slice(1)).toEqual(['MISS', 'HIT']);
    expect(new Set(nonces).size).toBe(3);
  });

  async function watchViolations(page: Page): Promise<string[]> {
    const violations: string[] = [];
    await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        void (window as unknown as { reportViolation: (text: string) => void }).reportViolation(`${event.violatedDirective} ${event.sample}`);
      });
    });
    return violations;
  }

  for (const path of PAGES) {
    test(`${path} : ses scripts s’exécutent, un script injecté est refusé`, async ({ page }) => {
      const violations = await watchViolations(page);
      await page.goto(path);
      // React took over the page: its scripts, inline ones included, ran.
      await expect
        .poll(() => page.evaluate(() => [...document.querySelectorAll('a, button')].some((element) => Object.keys(element).some((key) => key.startsWith('__reactFiber')))))
        .toBe(true);
      expect(violations).toEqual([]);

      const ran = await page.evaluate(async () => {
        const script = document.createElement('script');
        script.textContent = 'window.injected = true;';
        document.body.append(script);
        await new Promise((resolve) => setTimeout(resolve, 100));
        return (window as unknown as { injected?: boolean }).injected === true;
      });
      expect(ran).toBe(false);
      await expect.poll(() => violations.length).toBe(1);
      expect(violations[0]).toContain('script-src');
    });
  }

  test('une page du cache, à la première visite puis depuis le cache : ses scripts s’exécutent et Next navigue sans recharger', async ({ page }) => {
    const violations = await watchViolations(page);
    const { fresh } = cachedPaths();
    for (const expected of ['MISS', 'HIT']) {
      const response = await page.goto(fresh);
      expect(response?.headers()['x-nextjs-cache']).toBe(expected);
      // The router took over: a link is followed without loading a new document.
      await page.evaluate(() => Object.assign(window, { sameDocument: true }));
      await page.getByRole('navigation', { name: 'Navigation principale' }).getByRole('link', { name: 'Solutions A–Z' }).click();
      await expect(page).toHaveURL(/\/solutions$/);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
      expect(violations).toEqual([]);
    }
  });
});
