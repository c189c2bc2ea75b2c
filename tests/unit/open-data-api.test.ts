// The API's pure parts: query parsing, filtering and pagination, records that satisfy both
// their zod schemas and the OpenAPI document generated from them, ETags, the rate limiter,
// and the open data settings.
import { describe, expect, it } from 'vitest';
import { isNotModified, weakEtag } from '@/lib/api/http';
import { listPage } from '@/lib/api/list';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { parseListQuery, RESOURCES, type ListQuery } from '@/lib/api/query';
import { FixedWindowRateLimiter } from '@/lib/api/rate-limit';
import { toRecords } from '@/lib/api/records';
import { DatasetSchema, NeedSchema, ProviderSchema, SolutionSchema, ThemeSchema } from '@/lib/api/schemas';
import { DEFAULT_API_RATE_LIMIT_PER_MINUTE, parseOpenDataConfig } from '@/lib/export/config';
import { toDatasetExport } from '@/lib/export/json';
import { cssString } from '@/components/portrait/print-marks';
import { describeErrors, openApiValidator } from '../helpers/json-schemas';
import { fixtureDataset } from '../fixtures/open-data/dataset';

const SITE = 'https://repertoire.example.org';
const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' };
const records = toRecords(fixtureDataset, SITE);

function query(resource: (typeof RESOURCES)[number], search: string): ListQuery {
  const result = parseListQuery(resource, new URLSearchParams(search));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.query;
}

function errorsOf(resource: (typeof RESOURCES)[number], search: string): string[] {
  const result = parseListQuery(resource, new URLSearchParams(search));
  return result.ok ? [] : result.errors.map((error) => error.parameter);
}

describe('API records', () => {
  it('satisfy their zod schemas', () => {
    for (const theme of records.themes) ThemeSchema.parse(theme);
    for (const need of records.needs) NeedSchema.parse(need);
    for (const solution of records.solutions) SolutionSchema.parse(solution);
    for (const provider of records.providers) ProviderSchema.parse(provider);
    DatasetSchema.parse(toDatasetExport(records, { siteUrl: SITE, licence, lastModified: fixtureDataset.lastModified }));
  });

  it('satisfy the schemas of the OpenAPI document (what the contract tests check on the server)', () => {
    const schema = openApiValidator(buildOpenApiDocument({ siteUrl: SITE, licence }));
    const page = listPage('solutions', records, query('solutions', ''), null);
    const validate = schema('SolutionPage');
    expect(validate(page), describeErrors(validate.errors)).toBe(true);
    const dataset = schema('Dataset');
    const exported = toDatasetExport(records, { siteUrl: SITE, licence, lastModified: null });
    expect(dataset(exported), describeErrors(dataset.errors)).toBe(true);
    // And refuse what does not fit.
    expect(schema('Need')({ ...records.needs[0], kind: 'BESOIN' })).toBe(false);
    expect(schema('Need')({ ...records.needs[0], extra: 1 })).toBe(false);
  });

  it('link entries both ways and aggregate a provider’s roles', () => {
    const need = records.needs.find((item) => item.slug === 'formation')!;
    expect(need).toMatchObject({
      theme: { slug: 'competences', name: 'Compétences ; formation' },
      existing_solution_count: 2,
      proposed_solution_count: 0,
      unconfirmed_solution_count: 0,
      related: [{ slug: 'cybersecurite', direction: 'from', note: 'Lié à la formation, "voir" ; aussi' }],
      url: `${SITE}/besoins/formation`,
    });
    const ateliers = records.solutions.find((item) => item.slug === 'ateliers-loi-25')!;
    // Who offers it first, then who funds it.
    expect(ateliers.providers).toEqual([
      { slug: 'educaloi', name: 'Éducaloi', roles: ['OFFERS'], inferred_roles: [] },
      { slug: 'centre-ti', name: 'Centre, "TI" ; Montréal', roles: ['FUNDS'], inferred_roles: [] },
    ]);
    expect(records.solutions.find((item) => item.slug === 'reseau-propose')!.children).toEqual([
      { slug: 'sous-point', title: 'Sous-point', availability: 'PROPOSED' },
    ]);
    expect(records.providers.find((item) => item.slug === 'educaloi')!.solutions).toEqual([
      { slug: 'ateliers-loi-25', title: 'Ateliers « Loi 25 », version 2; pour tous', availability: 'EXISTING', roles: ['OFFERS'], inferred_roles: [] },
      { slug: 'sous-point', title: 'Sous-point', availability: 'PROPOSED', roles: ['PARTNERS'], inferred_roles: [] },
    ]);
  });

  it('say which solutions are to confirm, and what the team inferred', () => {
    const dataset = {
      ...fixtureDataset,
      solutions: fixtureDataset.solutions.map((solution) => {
        if (solution.slug === 'coaching') return { ...solution, availability: 'UNCONFIRMED' as const, inferredFields: ['KINDS' as const] };
        if (solution.slug !== 'ateliers-loi-25') return solution;
        return { ...solution, providers: solution.providers.map((link) => ({ ...link, isRoleInferred: link.role === 'FUNDS' })) };
      }),
    };
    const marked = toRecords(dataset, SITE);
    expect(marked.needs.find((item) => item.slug === 'formation')).toMatchObject({ existing_solution_count: 1, unconfirmed_solution_count: 1 });
    expect(marked.solutions.find((item) => item.slug === 'coaching')).toMatchObject({ availability: 'UNCONFIRMED', inferred_fields: ['KINDS'] });
    expect(marked.solutions.find((item) => item.slug === 'ateliers-loi-25')!.providers).toEqual([
      { slug: 'educaloi', name: 'Éducaloi', roles: ['OFFERS'], inferred_roles: [] },
      { slug: 'centre-ti', name: 'Centre, "TI" ; Montréal', roles: ['FUNDS'], inferred_roles: ['FUNDS'] },
    ]);
    expect(marked.providers.find((item) => item.slug === 'centre-ti')!.solutions.find((item) => item.slug === 'ateliers-loi-25')).toMatchObject({
      roles: ['FUNDS'],
      inferred_roles: ['FUNDS'],
    });
    for (const solution of marked.solutions) expect(SolutionSchema.safeParse(solution).success, solution.slug).toBe(true);
  });
});

describe('API query parameters', () => {
  it('reads defaults, pagination, repeated and comma-separated values', () => {
    expect(query('solutions', '')).toEqual({ q: null, modifiedAfter: null, page: 1, perPage: 20, filters: {} });
    expect(query('solutions', 'page=2&per_page=100&availability=EXISTING,PROPOSED&help_kind=TRAINING&help_kind=COACHING')).toMatchObject({
      page: 2,
      perPage: 100,
      filters: { availability: ['EXISTING', 'PROPOSED'], help_kind: ['TRAINING', 'COACHING'] },
    });
    expect(query('needs', 'q=  loi   25 ').q).toBe('loi 25');
    expect(query('needs', 'q=').q).toBeNull();
  });

  it('reads modified_after as a date (midnight UTC) or a date and time with offset', () => {
    expect(query('needs', 'modified_after=2026-03-01').modifiedAfter?.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(query('needs', 'modified_after=2026-03-01T10:00:00-05:00').modifiedAfter?.toISOString()).toBe('2026-03-01T15:00:00.000Z');
  });

  it('refuses unknown parameters and values, saying which', () => {
    expect(errorsOf('needs', 'kind=BESOIN')).toEqual(['kind']);
    expect(errorsOf('needs', 'modified_since=2026-01-01')).toEqual(['modified_since']);
    expect(errorsOf('needs', 'per_page=101')).toEqual(['per_page']);
    expect(errorsOf('needs', 'per_page=0&page=-1')).toEqual(['page', 'per_page']);
    expect(errorsOf('needs', 'page=1.5')).toEqual(['page']);
    expect(errorsOf('needs', 'modified_after=hier')).toEqual(['modified_after']);
    expect(errorsOf('needs', 'modified_after=2026-02-30')).toEqual(['modified_after']);
    expect(errorsOf('solutions', 'need=Pas%20un%20slug')).toEqual(['need']);
    expect(errorsOf('solutions', 'region=')).toEqual(['region']);
    expect(errorsOf('themes', 'kind=NEED')).toEqual(['kind']);
    expect(errorsOf('needs', 'page=1&page=2')).toEqual(['page']);
    const result = parseListQuery('providers', new URLSearchParams('cost=CHER'));
    expect(result.ok ? null : result.errors[0]?.detail).toMatch(/Valeur refusée : CHER\. Attendu : une de ces valeurs : FREE, LOW_COST/);
  });
});

describe('API lists', () => {
  const slugs = (page: { items: { slug: string }[] }) => page.items.map((item) => item.slug);

  it('paginates with totals', () => {
    const first = listPage('solutions', records, query('solutions', 'per_page=3'), null);
    expect(first).toMatchObject({ total: 4, page: 1, per_page: 3, total_pages: 2 });
    expect(slugs(first)).toEqual(['ateliers-loi-25', 'coaching', 'reseau-propose']);
    expect(slugs(listPage('solutions', records, query('solutions', 'per_page=3&page=2'), null))).toEqual(['sous-point']);
    expect(listPage('solutions', records, query('solutions', 'page=9'), null)).toMatchObject({ total: 4, items: [] });
  });

  it('filters needs by kind, theme and whether they have an existing solution', () => {
    expect(slugs(listPage('needs', records, query('needs', 'kind=ISSUE'), null))).toEqual(['cybersecurite']);
    expect(slugs(listPage('needs', records, query('needs', 'theme=competences,securite'), null))).toEqual(['formation', 'cybersecurite']);
    expect(slugs(listPage('needs', records, query('needs', 'has_existing_solution=false'), null))).toEqual(['cybersecurite', 'donnees']);
  });

  it('filters solutions like the site’s facets (a provider serving all Québec serves Estrie)', () => {
    expect(slugs(listPage('solutions', records, query('solutions', 'availability=PROPOSED'), null))).toEqual(['reseau-propose', 'sous-point']);
    expect(slugs(listPage('solutions', records, query('solutions', 'region=ESTRIE'), null))).toEqual(['ateliers-loi-25', 'sous-point']);
    expect(slugs(listPage('solutions', records, query('solutions', 'region=UNKNOWN'), null))).toEqual(['reseau-propose']);
    // UNKNOWN cost of its own: the providers' cost counts (PAID for coaching).
    expect(slugs(listPage('solutions', records, query('solutions', 'cost=PAID'), null))).toEqual(['coaching']);
    expect(slugs(listPage('solutions', records, query('solutions', 'need=formation&provider=educaloi'), null))).toEqual(['ateliers-loi-25']);
  });

  it('filters providers', () => {
    expect(slugs(listPage('providers', records, query('providers', 'kind=PROGRAM'), null))).toEqual(['centre-ti']);
    expect(slugs(listPage('providers', records, query('providers', 'help_kind=COACHING'), null))).toEqual(['centre-ti']);
    expect(slugs(listPage('providers', records, query('providers', 'language=en'), null))).toEqual(['educaloi']);
  });

  it('keeps the search order for q, and combines it with the other filters', () => {
    const ranked = ['sous-point', 'coaching', 'inconnu'];
    expect(slugs(listPage('solutions', records, query('solutions', 'q=x'), ranked))).toEqual(['sous-point', 'coaching']);
    expect(slugs(listPage('solutions', records, query('solutions', 'q=x&availability=EXISTING'), ranked))).toEqual(['coaching']);
    expect(slugs(listPage('themes', records, query('themes', 'q=securite'), null))).toEqual(['securite']);
  });

  it('keeps entries changed after modified_after', () => {
    expect(slugs(listPage('needs', records, query('needs', 'modified_after=2026-02-15'), null))).toEqual(['formation', 'cybersecurite']);
    expect(slugs(listPage('providers', records, query('providers', 'modified_after=2026-11-01T00:00:00Z'), null))).toEqual([]);
  });
});

describe('ETags', () => {
  it('are weak, change with the content, and match If-None-Match (weak comparison, lists, *)', () => {
    const etag = weakEtag('{"a":1}');
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(weakEtag('{"a":2}')).not.toBe(etag);
    expect(isNotModified(etag, etag)).toBe(true);
    expect(isNotModified(etag.slice(2), etag)).toBe(true);
    expect(isNotModified(`W/"autre", ${etag}`, etag)).toBe(true);
    expect(isNotModified('*', etag)).toBe(true);
    expect(isNotModified('W/"autre"', etag)).toBe(false);
    expect(isNotModified(null, etag)).toBe(false);
  });
});

describe('rate limit', () => {
  it('lets `limit` requests through per minute and address, then answers how long to wait', () => {
    const limiter = new FixedWindowRateLimiter(3);
    const start = 1_000_000;
    expect([1, 2, 3].map(() => limiter.hit('198.51.100.1', start).allowed)).toEqual([true, true, true]);
    expect(limiter.hit('198.51.100.1', start + 20_000)).toEqual({ allowed: false, limit: 3, remaining: 0, resetSeconds: 40 });
    // Another address has its own count; the window starts again after a minute.
    expect(limiter.hit('198.51.100.2', start + 20_000).allowed).toBe(true);
    expect(limiter.hit('198.51.100.1', start + 60_000)).toMatchObject({ allowed: true, remaining: 2 });
  });

  it('does nothing when the limit is 0', () => {
    const limiter = new FixedWindowRateLimiter(0);
    expect(Array.from({ length: 5 }, () => limiter.hit('x').allowed)).toEqual([true, true, true, true, true]);
  });
});

describe('open data settings', () => {
  it('default to CC BY 4.0 with its French page and the default limit', () => {
    expect(parseOpenDataConfig({})).toEqual({
      licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' },
      apiRateLimitPerMinute: DEFAULT_API_RATE_LIMIT_PER_MINUTE,
    });
    expect(parseOpenDataConfig({ DATA_LICENCE: '', API_RATE_LIMIT_PER_MINUTE: '' }).licence.name).toBe('CC BY 4.0');
  });

  it('take another licence, with or without its address, and a limit', () => {
    expect(parseOpenDataConfig({ DATA_LICENCE: 'ODbL 1.0' }).licence.url).toBe('https://opendatacommons.org/licenses/odbl/1-0/');
    expect(parseOpenDataConfig({ DATA_LICENCE: 'Licence maison' }).licence).toEqual({ name: 'Licence maison', url: null });
    expect(parseOpenDataConfig({ DATA_LICENCE: 'Licence maison', DATA_LICENCE_URL: 'https://exemple.org/licence' }).licence.url).toBe('https://exemple.org/licence');
    expect(parseOpenDataConfig({ API_RATE_LIMIT_PER_MINUTE: '5' }).apiRateLimitPerMinute).toBe(5);
    expect(() => parseOpenDataConfig({ API_RATE_LIMIT_PER_MINUTE: 'beaucoup' })).toThrow(/API_RATE_LIMIT_PER_MINUTE/);
  });
});

describe('print marks', () => {
  it('escape the running footer as a CSS string', () => {
    expect(cssString('Données au 28 novembre 2026 — source : https://x.org/portrait')).toBe('"Données au 28 novembre 2026 — source : https://x.org/portrait"');
    expect(cssString('a"b\\c</style>')).toBe('"a\\22 b\\5c c\\3c /style\\3e "');
  });
});
