import { afterEach, describe, expect, it, vi } from 'vitest';
import { needsItemListJsonLd, organizationJsonLd, serializeJsonLd, serviceJsonLd } from '@/lib/seo/json-ld';
import { pageMetadata, summarize } from '@/lib/seo/metadata';
import { absoluteUrl } from '@/lib/seo/urls';
import type { ProviderDto, SolutionDetailDto, SolutionProviderDto } from '@/lib/data/types';

const SITE = 'https://repertoire.example.org';

const verification = { verifiedAt: null, toVerify: false, verifyNote: '', verifiedBy: 'NONE' as const };

function provider(overrides: Partial<ProviderDto> = {}): ProviderDto {
  return {
    ...verification,
    slug: 'juripop',
    name: 'Juripop',
    alternateName: '',
    kind: 'ORGANIZATION',
    description: 'Clinique juridique.',
    website: '',
    email: '',
    phone: '',
    streetAddress: '', municipality: '', postalCode: '',
    regions: [],
    audiences: [],
    cost: 'UNKNOWN',
    formats: [],
    languages: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
    solutions: [],
    ...overrides,
  };
}

function solutionProvider(overrides: Partial<SolutionProviderDto> = {}): SolutionProviderDto {
  const base = provider();
  return {
    ...verification,
    slug: base.slug,
    name: base.name,
    alternateName: base.alternateName,
    kind: base.kind,
    description: base.description,
    website: base.website,
    email: base.email,
    phone: base.phone,
    streetAddress: base.streetAddress,
    municipality: base.municipality,
    postalCode: base.postalCode,
    regions: base.regions,
    audiences: base.audiences,
    cost: base.cost,
    formats: base.formats,
    languages: base.languages,
    roles: ['OFFERS'],
    inferredRoles: [],
    ...overrides,
  };
}

function solution(overrides: Partial<SolutionDetailDto> = {}): SolutionDetailDto {
  return {
    ...verification,
    slug: 'accompagnement-loi-25',
    title: 'Accompagnement pour la Loi 25',
    description: 'Se conformer à la Loi 25.',
    availability: 'EXISTING',
    kinds: ['LEGAL', 'COACHING'],
    cost: 'UNKNOWN',
    inferredFields: [],
    updatedAt: '2026-01-01T00:00:00.000Z',
    providers: [],
    needs: [],
    needsFromParent: false,
    parent: null,
    children: [],
    ...overrides,
  };
}

describe('JSON-LD : échappement', () => {
  it("ne laisse jamais une donnée fermer l'élément <script>", () => {
    const hostile = '</script><script>alert(1)</script><!-- & \u2028\u2029';
    const json = serializeJsonLd(organizationJsonLd(provider({ name: hostile, description: hostile }), SITE));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json.toLowerCase()).not.toContain('</script');
    expect(json).toContain('\\u003c/script\\u003e');
    // Same data once parsed: the escapes are JSON's own.
    const parsed = JSON.parse(json) as { name: string; description: string };
    expect(parsed.name).toBe(hostile);
    expect(parsed.description).toBe(hostile);
  });

  it('garde le texte français tel quel', () => {
    const json = serializeJsonLd(organizationJsonLd(provider({ name: 'Éducaloi « à jour »' }), SITE));
    expect(json).toContain('Éducaloi « à jour »');
  });
});

describe('JSON-LD : Organization', () => {
  it("décrit l'organisme avec ce qui est connu seulement", () => {
    const data = organizationJsonLd(provider(), SITE);
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Organization',
      '@id': `${SITE}/fournisseurs/juripop#organisation`,
      name: 'Juripop',
      description: 'Clinique juridique.',
      url: `${SITE}/fournisseurs/juripop`,
      mainEntityOfPage: `${SITE}/fournisseurs/juripop`,
    });
  });

  it('donne les coordonnées, les régions, les langues et les services offerts', () => {
    const data = organizationJsonLd(
      provider({
        alternateName: 'Clinique Juripop',
        website: 'https://juripop.org/',
        email: 'info@juripop.org',
        phone: '450 000-0000',
        regions: ['MONTREAL', 'ALL_QUEBEC', 'ONLINE'],
        languages: ['fr', 'en'],
        solutions: [
          { slug: 'offerte', title: 'Offerte', description: '', availability: 'EXISTING', kinds: [], inferredFields: [], roles: ['OFFERS'], inferredRoles: [], needs: [] },
          { slug: 'financee', title: 'Financée', description: '', availability: 'EXISTING', kinds: [], inferredFields: [], roles: ['FUNDS'], inferredRoles: [], needs: [] },
          { slug: 'idee', title: 'Idée', description: '', availability: 'PROPOSED', kinds: [], inferredFields: [], roles: ['OFFERS'], inferredRoles: [], needs: [] },
        ],
      }),
      SITE,
    );
    expect(data).toMatchObject({
      alternateName: 'Clinique Juripop',
      url: 'https://juripop.org/',
      email: 'info@juripop.org',
      telephone: '450 000-0000',
      areaServed: ['Montréal', 'Québec'],
      knowsLanguage: ['fr', 'en'],
      makesOffer: [
        {
          '@type': 'Offer',
          itemOffered: { '@type': 'Service', '@id': `${SITE}/solutions/offerte#service`, name: 'Offerte', url: `${SITE}/solutions/offerte` },
        },
      ],
    });
  });

  it("n'utilise pas comme adresse un site Web qui n'est pas en http(s)", () => {
    const data = organizationJsonLd(provider({ website: 'javascript:alert(1)' }), SITE);
    expect(data.url).toBe(`${SITE}/fournisseurs/juripop`);
  });
});

describe('JSON-LD : Service', () => {
  it("décrit une solution existante avec ceux qui l'offrent", () => {
    const data = serviceJsonLd(
      solution({
        cost: 'FREE',
        providers: [
          solutionProvider({ slug: 'juripop', name: 'Juripop', regions: ['MONTREAL'], languages: ['fr'] }),
          solutionProvider({ slug: 'bailleur', name: 'Bailleur', roles: ['FUNDS'], regions: ['ESTRIE'] }),
        ],
      }),
      SITE,
    );
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Service',
      '@id': `${SITE}/solutions/accompagnement-loi-25#service`,
      name: 'Accompagnement pour la Loi 25',
      description: 'Se conformer à la Loi 25.',
      url: `${SITE}/solutions/accompagnement-loi-25`,
      serviceType: ['Juridique', 'Accompagnement'],
      provider: [
        {
          '@type': 'Organization',
          '@id': `${SITE}/fournisseurs/juripop#organisation`,
          name: 'Juripop',
          url: `${SITE}/fournisseurs/juripop`,
        },
      ],
      areaServed: ['Montréal'],
      availableLanguage: ['fr'],
      offers: { '@type': 'Offer', price: '0', priceCurrency: 'CAD' },
    });
  });

  it("ne présente pas une solution proposée comme un service offert", () => {
    expect(serviceJsonLd(solution({ availability: 'PROPOSED' }), SITE)).toBeNull();
  });

  it('omet ce qui est inconnu (fournisseurs, coût)', () => {
    const data = serviceJsonLd(solution({ kinds: [] }), SITE);
    expect(data).not.toBeNull();
    expect(Object.keys(data ?? {})).toEqual(['@context', '@type', '@id', 'name', 'description', 'url']);
  });
});

describe('JSON-LD : ItemList', () => {
  it("liste les besoins dans l'ordre, numérotés à partir de 1", () => {
    const data = needsItemListJsonLd(
      [
        { slug: 'a', title: 'A' },
        { slug: 'b', title: 'B' },
      ],
      SITE,
    );
    expect(data).toMatchObject({
      '@type': 'ItemList',
      numberOfItems: 2,
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'A', url: `${SITE}/besoins/a` },
        { '@type': 'ListItem', position: 2, name: 'B', url: `${SITE}/besoins/b` },
      ],
    });
  });
});

describe('métadonnées des pages', () => {
  it('résume une description trop longue sur un mot entier', () => {
    expect(summarize('  Court   texte. ')).toBe('Court texte.');
    const long = `${'mot '.repeat(60)}fin`;
    const summary = summarize(long);
    expect(summary.length).toBeLessThanOrEqual(160);
    expect(summary.endsWith('mot…')).toBe(true);
    expect(summarize('a'.repeat(300)).length).toBe(160);
  });

  it('donne titre, description, URL canonique et Open Graph', () => {
    expect(pageMetadata({ title: 'Juripop', description: 'Clinique.', path: '/fournisseurs/juripop' })).toEqual({
      title: 'Juripop',
      description: 'Clinique.',
      alternates: { canonical: '/fournisseurs/juripop' },
      openGraph: {
        type: 'website',
        locale: 'fr_CA',
        siteName: 'Répertoire numérique communautaire',
        title: 'Juripop',
        description: 'Clinique.',
        url: '/fournisseurs/juripop',
      },
    });
    const home = pageMetadata({ description: 'Accueil.', path: '/' });
    expect(home.title).toBeUndefined();
    expect(home.openGraph?.title).toBe('Répertoire numérique communautaire');
  });

  it('construit des adresses absolues sans double barre oblique', () => {
    expect(absoluteUrl('https://a.example', '/besoins')).toBe('https://a.example/besoins');
    expect(absoluteUrl('https://a.example/', '/besoins')).toBe('https://a.example/besoins');
    expect(absoluteUrl('https://a.example/repertoire', '/')).toBe('https://a.example/repertoire/');
  });
});

describe('SITE_URL', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.resetModules();
  });

  async function siteUrlWith(value: string | undefined, port?: string): Promise<string> {
    vi.resetModules();
    process.env = { ...saved };
    delete process.env.DATABASE_URL;
    if (value === undefined) delete process.env.SITE_URL;
    else process.env.SITE_URL = value;
    if (port === undefined) delete process.env.PORT;
    else process.env.PORT = port;
    const { getSiteUrl } = await import('@/lib/env');
    return getSiteUrl();
  }

  it('se lit sans DATABASE_URL (next build), avec une valeur par défaut', async () => {
    expect(await siteUrlWith(undefined)).toBe('http://localhost:3000');
    expect(await siteUrlWith('')).toBe('http://localhost:3000');
    expect(await siteUrlWith('https://repertoire.example.org/')).toBe('https://repertoire.example.org');
  });

  it('sans SITE_URL, suit le port réellement servi (PORT)', async () => {
    expect(await siteUrlWith(undefined, '3311')).toBe('http://localhost:3311');
    expect(await siteUrlWith('', '3311')).toBe('http://localhost:3311');
    expect(await siteUrlWith('https://repertoire.example.org', '3311')).toBe('https://repertoire.example.org');
    expect(await siteUrlWith(undefined, 'pas-un-port')).toBe('http://localhost:3000');
  });

  it('getEnv() donne la même adresse que getSiteUrl()', async () => {
    vi.resetModules();
    process.env = { ...saved, DATABASE_URL: 'postgresql://localhost/x', PORT: '3311' };
    delete process.env.SITE_URL;
    const { getEnv } = await import('@/lib/env');
    expect(getEnv().SITE_URL).toBe('http://localhost:3311');
  });

  it("refuse une adresse qui n'est pas en http(s)", async () => {
    await expect(siteUrlWith('javascript:alert(1)')).rejects.toThrow(/SITE_URL/);
    await expect(siteUrlWith('pas une adresse')).rejects.toThrow(/SITE_URL/);
  });
});
