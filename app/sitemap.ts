import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { listSitemapEntries } from '@/lib/data/sitemap';
import { getSiteUrl } from '@/lib/env';
import { absoluteUrl, needPath, providerPath, solutionPath } from '@/lib/seo/urls';

// GET /sitemap.xml — every published need, provider and solution. Rendered at request
// time (`connection()`): the build has no database, and a new entry must appear at once.
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  const siteUrl = getSiteUrl();
  const { needs, providers, solutions } = await listSitemapEntries();
  const url = (path: string) => absoluteUrl(siteUrl, path);

  return [
    { url: url('/'), changeFrequency: 'weekly', priority: 1 },
    { url: url('/besoins'), changeFrequency: 'weekly', priority: 0.9 },
    { url: url('/fournisseurs'), changeFrequency: 'weekly', priority: 0.8 },
    { url: url('/solutions'), changeFrequency: 'weekly', priority: 0.8 },
    { url: url('/recherche'), changeFrequency: 'monthly', priority: 0.5 },
    { url: url('/trouver'), changeFrequency: 'monthly', priority: 0.7 },
    { url: url('/portrait'), changeFrequency: 'weekly', priority: 0.6 },
    { url: url('/donnees'), changeFrequency: 'weekly', priority: 0.5 },
    { url: url('/donnees/api'), changeFrequency: 'monthly', priority: 0.4 },
    { url: url('/confidentialite'), changeFrequency: 'yearly', priority: 0.2 },
    ...needs.map((need) => ({ url: url(needPath(need.slug)), lastModified: need.updatedAt, priority: 0.7 })),
    ...solutions.map((solution) => ({ url: url(solutionPath(solution.slug)), lastModified: solution.updatedAt, priority: 0.6 })),
    ...providers.map((provider) => ({ url: url(providerPath(provider.slug)), lastModified: provider.updatedAt, priority: 0.6 })),
  ];
}
