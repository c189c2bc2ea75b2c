// Public URLs of the directory's pages. One place, so that links, canonical URLs, the
// sitemap and JSON-LD always agree.

export const needPath = (slug: string) => `/besoins/${slug}`;
export const providerPath = (slug: string) => `/fournisseurs/${slug}`;
export const solutionPath = (slug: string) => `/solutions/${slug}`;

/** `siteUrl` has no trailing slash (lib/env.ts `getSiteUrl()`); `path` starts with "/". */
export function absoluteUrl(siteUrl: string, path: string): string {
  return `${siteUrl.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
}
