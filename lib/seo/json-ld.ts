// schema.org structured data (JSON-LD) for search engines. Pure builders: they take the
// page's DTO and the site's address, so they are unit-tested without a server.
import { helpKindLabels, regionLabels } from '@/lib/labels';
import { absoluteUrl, needPath, providerPath, solutionPath } from '@/lib/seo/urls';
import type { NeedSummaryDto, ProviderDto, SolutionDetailDto } from '@/lib/data/types';
import type { Region } from '@/lib/generated/prisma/enums';

export type JsonLd = { '@context': 'https://schema.org'; '@type': string } & Record<string, unknown>;

/**
 * JSON for a `<script type="application/ld+json">`. JSON.stringify alone lets a value
 * containing "</script>" close the element and inject markup: every "<", ">" and "&" is
 * written as a \u escape (same JSON once parsed). U+2028/U+2029 are escaped too, so the
 * text stays valid if a script ever reads it as JavaScript.
 */
export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// Drops empty strings and empty arrays so that the output only states what is known.
function known(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => {
      if (value === undefined || value === null || value === '') return false;
      return !(Array.isArray(value) && value.length === 0);
    }),
  );
}

function areaServed(regions: Region[]): string[] {
  // "En ligne" is a format, not a place; "Tout le Québec" is the province itself.
  return regions.filter((region) => region !== 'ONLINE').map((region) => (region === 'ALL_QUEBEC' ? 'Québec' : regionLabels[region]));
}

function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** The node id of a provider, shared by its page and by the services that name it. */
export function organizationId(siteUrl: string, slug: string): string {
  return `${absoluteUrl(siteUrl, providerPath(slug))}#organisation`;
}

export function organizationJsonLd(provider: ProviderDto, siteUrl: string): JsonLd {
  const pageUrl = absoluteUrl(siteUrl, providerPath(provider.slug));
  const offered = provider.solutions.filter(
    (solution) => solution.availability === 'EXISTING' && solution.roles.includes('OFFERS'),
  );
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    ...known({
      '@id': organizationId(siteUrl, provider.slug),
      name: provider.name,
      alternateName: provider.alternateName,
      description: provider.description,
      // Its own website when known; otherwise this page is the best address we have.
      url: isHttpUrl(provider.website) ? provider.website : pageUrl,
      mainEntityOfPage: pageUrl,
      email: provider.email,
      telephone: provider.phone,
      areaServed: areaServed(provider.regions),
      knowsLanguage: provider.languages,
      makesOffer: offered.map((solution) => ({
        '@type': 'Offer',
        itemOffered: {
          '@type': 'Service',
          '@id': `${absoluteUrl(siteUrl, solutionPath(solution.slug))}#service`,
          name: solution.title,
          url: absoluteUrl(siteUrl, solutionPath(solution.slug)),
        },
      })),
    }),
  };
}

/**
 * A Service for a solution that exists. A proposed solution is an idea nobody offers yet:
 * describing it as a service would mislead, so it gets no structured data (null).
 */
export function serviceJsonLd(solution: SolutionDetailDto, siteUrl: string): JsonLd | null {
  if (solution.availability !== 'EXISTING') return null;
  const pageUrl = absoluteUrl(siteUrl, solutionPath(solution.slug));
  const offerers = solution.providers.filter((provider) => provider.roles.includes('OFFERS'));
  const regions = [...new Set(offerers.flatMap((provider) => provider.regions))];
  const languages = [...new Set(offerers.flatMap((provider) => provider.languages))];
  return {
    '@context': 'https://schema.org',
    '@type': 'Service',
    ...known({
      '@id': `${pageUrl}#service`,
      name: solution.title,
      description: solution.description,
      url: pageUrl,
      serviceType: solution.kinds.map((kind) => helpKindLabels[kind]),
      provider: offerers.map((provider) => ({
        '@type': 'Organization',
        '@id': organizationId(siteUrl, provider.slug),
        name: provider.name,
        url: absoluteUrl(siteUrl, providerPath(provider.slug)),
      })),
      areaServed: areaServed(regions),
      availableLanguage: languages,
      // Only a price we know: "free" is a fact, the other cost options are not amounts.
      offers: solution.cost === 'FREE' ? { '@type': 'Offer', price: '0', priceCurrency: 'CAD' } : undefined,
    }),
  };
}

/** The needs of /besoins, in the inventory's order. */
export function needsItemListJsonLd(needs: Pick<NeedSummaryDto, 'slug' | 'title'>[], siteUrl: string): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: 'Besoins numériques des organismes communautaires',
    numberOfItems: needs.length,
    itemListElement: needs.map((need, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: need.title,
      url: absoluteUrl(siteUrl, needPath(need.slug)),
    })),
  };
}
