import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { getSiteUrl } from '@/lib/env';

// GET /robots.txt — everything public may be crawled. /admin and /api are reserved for the
// administration and the open-data API to come: pages there are not meant for search results.
// Rendered at request time so that SITE_URL is the one of the running server, not the build's.
export default async function robots(): Promise<MetadataRoute.Robots> {
  await connection();
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/admin', '/api'] },
    sitemap: `${getSiteUrl()}/sitemap.xml`,
  };
}
