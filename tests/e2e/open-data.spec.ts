// Open data against the production build: the API answers as its OpenAPI document says
// (every documented path, validated with Ajv against the document's own schemas), with
// ETags, CORS, problem details and a rate limit; every download opens; /donnees and
// /donnees/api are accessible.
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { expectNoAxeViolations } from './helpers/axe';
import { allSolutions, seedNeeds, seedProviders } from './helpers/inventory';
import { describeErrors, hsdsValidators, openApiValidator } from '../helpers/json-schemas';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const solutionCount = seedNeeds.flatMap((need) => allSolutions(need.solutions)).length;

// The API counts requests per address: these tests come from addresses of their own (the
// server trusts the last X-Forwarded-For entry, as behind a reverse proxy), so that they
// never share a count with each other or with the other test files.
function fromAddress(last: number) {
  return { extraHTTPHeaders: { 'x-forwarded-for': `198.51.100.${last}` } };
}

async function json(response: APIResponse): Promise<Json> {
  return JSON.parse(await response.text()) as Json;
}

async function openApi(request: APIRequestContext): Promise<Json> {
  const response = await request.get('/api/v1/openapi.json');
  expect(response.status()).toBe(200);
  return json(response);
}

function schemaIdOf(operation: Json, status: string, contentType: string): string {
  const ref = operation.responses[status].content[contentType].schema.$ref as string;
  return ref.replace('#/components/schemas/', '');
}

test.describe('API : contrat OpenAPI', () => {
  test.use(fromAddress(10));

  test('le document OpenAPI 3.1 décrit les listes et les fiches de chaque ressource', async ({ request }) => {
    const doc = await openApi(request);
    expect(doc.openapi).toBe('3.1.0');
    for (const resource of ['needs', 'solutions', 'providers', 'themes']) {
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([`/${resource}`, `/${resource}/{slug}`]));
    }
    expect(doc.info.license.name).toBe('CC BY 4.0');
  });

  test('chaque chemin documenté répond avec la forme documentée', async ({ request }) => {
    const doc = await openApi(request);
    const schema = openApiValidator(doc);
    const base = new URL(doc.servers[0].url).pathname;
    const checked: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
      const operation = item.get;
      let url = `${base}${path === '/' ? '' : path}`;
      if (path.includes('{slug}')) {
        // A real slug, taken from the list the path belongs to.
        const list = await json(await request.get(`${base}${path.replace('/{slug}', '')}`));
        url = url.replace('{slug}', list.items[0].slug);
      }
      const response = await request.get(url);
      expect(response.status(), url).toBe(200);
      expect(response.headers()['content-type'], url).toMatch(/^application\/json/);
      for (const header of Object.keys(operation.responses['200'].headers)) {
        if (header.startsWith('RateLimit') || header === 'Cache-Control') continue;
        expect(response.headers()[header.toLowerCase()], `${url} ${header}`).toBeTruthy();
      }
      expect(response.headers()['cache-control']).toContain('max-age');
      const content = operation.responses['200'].content['application/json'].schema;
      if (content.$ref) {
        const validate = schema(schemaIdOf(operation, '200', 'application/json'));
        expect(validate(await json(response)), `${url}\n${describeErrors(validate.errors)}`).toBe(true);
      }
      checked.push(url);
    }
    expect(checked.length).toBe(Object.keys(doc.paths).length);
  });

  test('les listes donnent leurs totaux, filtrent, cherchent et paginent', async ({ request }) => {
    const doc = await openApi(request);
    const page = openApiValidator(doc)('SolutionPage');
    const all = await json(await request.get('/api/v1/solutions?per_page=100'));
    expect(all.total).toBe(solutionCount);
    expect(all.items).toHaveLength(solutionCount);

    const first = await json(await request.get('/api/v1/solutions?per_page=10&page=2'));
    expect(page(first), describeErrors(page.errors)).toBe(true);
    expect(first).toMatchObject({ total: solutionCount, page: 2, per_page: 10, total_pages: Math.ceil(solutionCount / 10) });
    expect(first.items.map((item: Json) => item.slug)).toEqual(all.items.slice(10, 20).map((item: Json) => item.slug));

    const proposed = await json(await request.get('/api/v1/solutions?availability=PROPOSED&per_page=100'));
    expect(proposed.items.length).toBeGreaterThan(0);
    expect(proposed.items.every((item: Json) => item.availability === 'PROPOSED')).toBe(true);
    expect(page(proposed)).toBe(true);

    const needs = await json(await request.get('/api/v1/needs?per_page=100'));
    expect(needs.items.map((need: Json) => need.slug)).toEqual(seedNeeds.map((need) => need.key));

    // q: the site's French search (accents ignored).
    const found = await json(await request.get('/api/v1/providers?q=cegep'));
    expect(found.items.map((provider: Json) => provider.slug)).toContain('cegep-andre-laurendeau');
    expect(found.total).toBeLessThan(seedProviders.length);

    const future = await json(await request.get('/api/v1/needs?modified_after=2999-01-01'));
    expect(future).toMatchObject({ total: 0, items: [] });
  });

  test('ETag : 304 quand rien n’a changé', async ({ request }) => {
    const first = await request.get('/api/v1/needs');
    const etag = first.headers().etag!;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await request.get('/api/v1/needs', { headers: { 'if-none-match': etag } });
    expect(again.status()).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers().etag).toBe(etag);
    const other = await request.get('/api/v1/needs', { headers: { 'if-none-match': 'W/"autre"' } });
    expect(other.status()).toBe(200);
  });

  test('CORS : lecture permise depuis n’importe quel site, et pré-vérification', async ({ request }) => {
    const response = await request.get('/api/v1/themes', { headers: { origin: 'https://autre-site.example' } });
    expect(response.headers()['access-control-allow-origin']).toBe('*');
    expect(response.headers()['access-control-expose-headers']).toContain('ETag');
    const preflight = await request.fetch('/api/v1/needs', {
      method: 'OPTIONS',
      headers: { origin: 'https://autre-site.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()['access-control-allow-origin']).toBe('*');
    expect(preflight.headers()['access-control-allow-methods']).toContain('GET');
    expect(preflight.headers()['access-control-allow-headers']).toMatch(/If-None-Match/i);
  });

  test('erreurs en problem+json (RFC 9457), en français, jamais en HTML', async ({ request }) => {
    const doc = await openApi(request);
    const problem = openApiValidator(doc)('Problem');
    const cases: [string, number][] = [
      ['/api/v1/needs/nexiste-pas', 404],
      ['/api/v1/providers/PAS%20UN%20SLUG', 404],
      ['/api/v1/nimporte/quoi', 404],
      ['/api/v1/needs/un/deux', 404],
      ['/api/v1/needs?kind=BESOIN', 400],
      ['/api/v1/solutions?per_page=1000', 400],
      ['/api/v1/solutions?modified_after=hier', 400],
      ['/api/v1/themes?inconnu=1', 400],
    ];
    for (const [url, status] of cases) {
      const response = await request.get(url);
      expect(response.status(), url).toBe(status);
      expect(response.headers()['content-type'], url).toMatch(/^application\/problem\+json/);
      expect(response.headers()['access-control-allow-origin']).toBe('*');
      const body = await json(response);
      expect(problem(body), `${url}\n${describeErrors(problem.errors)}`).toBe(true);
      expect(body.status).toBe(status);
      expect(body.title).toMatch(status === 404 ? /introuvable/ : /invalide/);
    }
    const invalid = await json(await request.get('/api/v1/needs?kind=BESOIN&per_page=0'));
    expect(invalid.errors.map((error: Json) => error.parameter)).toEqual(['per_page', 'kind']);
    expect(invalid.errors[1].detail).toContain('NEED, ISSUE');
  });
});

test.describe('API : limite de requêtes', () => {
  test.use(fromAddress(20));

  test('429 avec Retry-After après la limite par minute', async ({ request }) => {
    const first = await request.get('/api/v1/themes');
    const limit = Number(first.headers()['ratelimit-limit']);
    expect(limit).toBeGreaterThan(0);
    let remaining = Number(first.headers()['ratelimit-remaining']);
    let last = first;
    // Bounded: at most `limit` more requests, to this local server only.
    for (let sent = 0; remaining >= 0 && sent <= limit; sent += 1) {
      last = await request.get('/api/v1/themes');
      if (last.status() === 429) break;
      remaining = Number(last.headers()['ratelimit-remaining']);
    }
    expect(last.status()).toBe(429);
    expect(Number(last.headers()['retry-after'])).toBeGreaterThan(0);
    expect(last.headers()['content-type']).toMatch(/^application\/problem\+json/);
    expect((await json(last)).detail).toMatch(/requêtes par minute/);
    // Another address is not affected.
    const other = await request.get('/api/v1/themes', { headers: { 'x-forwarded-for': '198.51.100.21' } });
    expect(other.status()).toBe(200);
  });
});

test.describe('téléchargements : limite par adresse', () => {
  test.use(fromAddress(40));

  test('429 en français avec Retry-After après la limite par minute, une autre adresse n’est pas touchée', async ({ request }) => {
    let last = await request.get('/donnees/themes.csv');
    // Bounded: far above the default (10), to this local server only.
    for (let sent = 1; last.status() === 200 && sent < 100; sent += 1) last = await request.get('/donnees/themes.csv');
    expect(last.status()).toBe(429);
    expect(Number(last.headers()['retry-after'])).toBeGreaterThan(0);
    expect(last.headers()['content-type']).toMatch(/^text\/html/);
    expect(last.headers()['access-control-allow-origin']).toBe('*');
    expect(await last.text()).toMatch(/Trop de téléchargements en peu de temps[\s\S]*un seul téléchargement par fichier suffit/);
    const other = await request.get('/donnees/themes.csv', { headers: { 'x-forwarded-for': '198.51.100.41' } });
    expect(other.status()).toBe(200);
  });
});

test.describe('téléchargements', () => {
  // Downloads are counted per address (10 a minute by default): each test has its own
  // (30 to 37), so that none of them depends on how many the others made.
  const csvFiles: [string, string, number][] = [
    ['inventaire.csv', 'Besoin ou enjeu', 0],
    ['besoins.csv', 'slug', seedNeeds.length],
    ['solutions.csv', 'slug', solutionCount],
    ['fournisseurs.csv', 'slug', seedProviders.length],
    ['themes.csv', 'slug', 10],
    ['liens.csv', 'relation', 0],
  ];

  for (const [index, [file, firstColumn, rows]] of csvFiles.entries()) {
    test.describe(file, () => {
      test.use(fromAddress(30 + index));
      test(`${file} s’ouvre : UTF-8 avec BOM, « ; », en-têtes de téléchargement`, async ({ request }) => {
        const response = await request.get(`/donnees/${file}`);
        expect(response.status()).toBe(200);
        expect(response.headers()['content-type']).toMatch(/^text\/csv; charset=utf-8/);
        expect(response.headers()['content-disposition']).toBe(`attachment; filename="${file}"`);
        expect(response.headers().etag).toMatch(/^W\//);
        const body = await response.body();
        expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
        const records = parse(body.toString('utf8'), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
        expect(Object.keys(records[0]!)[0]).toBe(firstColumn);
        if (rows > 0) expect(records).toHaveLength(rows);
        const again = await request.get(`/donnees/${file}`, { headers: { 'if-none-match': response.headers().etag! } });
        expect(again.status()).toBe(304);
      });
    });
  }

  test.describe('compression', () => {
    // Addresses of its own (198.51.100.59 to 70), one per file.
    test('chaque fichier part compressé (gzip) à qui l’accepte, et le même, octet pour octet, à qui ne l’accepte pas', async ({ baseURL }) => {
      // node:http rather than Playwright's request: it neither asks for nor undoes a compression.
      const get = (file: string, encoding: string) =>
        new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
          const req = httpGet(new URL(`/donnees/${file}`, baseURL), { headers: { 'accept-encoding': encoding, 'x-forwarded-for': `198.51.100.${file.length + 50}` } }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
            res.on('error', reject);
          });
          req.on('error', reject);
        });
      for (const file of ['inventaire.csv', 'besoins.csv', 'solutions.csv', 'fournisseurs.csv', 'themes.csv', 'liens.csv', 'repertoire.json', 'repertoire-hsds.json']) {
        const compressed = await get(file, 'gzip, deflate, br');
        const plain = await get(file, 'identity');
        expect([compressed.status, plain.status], file).toEqual([200, 200]);
        expect(plain.headers['content-encoding'], file).toBeUndefined();
        expect(compressed.headers.etag, file).toBe(plain.headers.etag);
        // Below 1 kB a body goes out as it is.
        if (plain.body.length > 1024) expect(compressed.headers['content-encoding'], file).toBe('gzip');
        const decoded = compressed.headers['content-encoding'] === 'gzip' ? gunzipSync(compressed.body) : compressed.body;
        expect(decoded.equals(plain.body), file).toBe(true);
        expect(plain.body.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) || file.endsWith('.json'), file).toBe(true);
      }
    });
  });

  test.describe('repertoire.json', () => {
    test.use(fromAddress(36));
    test('repertoire.json s’ouvre et suit le schéma Dataset du document OpenAPI', async ({ request }) => {
      const response = await request.get('/donnees/repertoire.json');
      expect(response.headers()['content-type']).toMatch(/^application\/json/);
      const data = await json(response);
      const validate = openApiValidator(await openApi(request))('Dataset');
      expect(validate(data), describeErrors(validate.errors)).toBe(true);
      expect(data.needs).toHaveLength(seedNeeds.length);
      expect(data.meta.licence.name).toBe('CC BY 4.0');
    });
  });

  test.describe('repertoire-hsds.json', () => {
    test.use(fromAddress(37));
    test('repertoire-hsds.json est valide selon les schémas officiels HSDS 3.1', async ({ request }) => {
      const data = await json(await request.get('/donnees/repertoire-hsds.json'));
      const validators = hsdsValidators();
      expect(data.organizations).toHaveLength(seedProviders.length);
      for (const organization of data.organizations) expect(validators.organization(organization), describeErrors(validators.organization.errors)).toBe(true);
      for (const service of data.services) expect(validators.service(service), describeErrors(validators.service.errors)).toBe(true);
      for (const term of data.taxonomy_terms) expect(validators.taxonomy_term(term), describeErrors(validators.taxonomy_term.errors)).toBe(true);
    });
  });
});

test.describe('pages des données', () => {
  test('/donnees montre la licence, la date de dernière modification et chaque fichier', async ({ page }) => {
    await page.goto('/donnees');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données ouvertes');
    await expect(page.getByTestId('licence').getByRole('link', { name: 'CC BY 4.0' })).toHaveAttribute('href', /creativecommons\.org\/licenses\/by\/4\.0/);
    await expect(page.getByTestId('derniere-modification').locator('time')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
    for (const file of ['inventaire.csv', 'besoins.csv', 'solutions.csv', 'fournisseurs.csv', 'themes.csv', 'liens.csv', 'repertoire.json', 'repertoire-hsds.json']) {
      await expect(page.locator(`a[href="/donnees/${file}"]`)).toBeVisible();
    }
    await expect(page.getByText(/point-virgule/)).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('/donnees/api explique l’API avec des exemples curl', async ({ page }) => {
    await page.goto('/donnees/api');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('API du répertoire');
    await expect(page.locator('pre').filter({ hasText: /curl .*\/api\/v1\/needs/ }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: '/api/v1/openapi.json' })).toHaveAttribute('href', '/api/v1/openapi.json');
    await expectNoAxeViolations(page);
  });

  test('les pages des données tiennent sur un téléphone @mobile', async ({ page }) => {
    for (const path of ['/donnees', '/donnees/api']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
});
