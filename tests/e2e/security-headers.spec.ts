// Security headers (next.config.ts) on pages, the API, errors and the admin sign-in: a CSP
// that forbids framing, plugins, <base> and foreign form targets; no referrer leak across
// origins; no MIME sniffing; HSTS only when the visitor came over https (the reverse proxy
// says so with X-Forwarded-Proto), never on plain http.
import { expect, test, type APIResponse } from '@playwright/test';

const PATHS = ['/', '/besoins', '/recherche?q=formation', '/api/v1/needs', '/page-qui-n-existe-pas', '/admin/connexion'];

function directives(csp: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values.join(' '));
  }
  return map;
}

function expectSecurityHeaders(response: APIResponse): void {
  const headers = response.headers();
  const csp = directives(headers['content-security-policy'] ?? '');
  expect(csp.get('default-src')).toBe("'self'");
  expect(csp.get('frame-ancestors')).toBe("'none'");
  expect(csp.get('object-src')).toBe("'none'");
  expect(csp.get('base-uri')).toBe("'self'");
  expect(csp.get('form-action')).toBe("'self'");
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-powered-by']).toBeUndefined();
}

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
