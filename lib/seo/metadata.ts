// Per-page metadata: title, description, canonical URL and Open Graph, built the same way
// on every page. Paths are relative: the root layout's metadataBase (SITE_URL) makes them
// absolute.
import type { Metadata } from 'next';

export const SITE_NAME = 'Répertoire numérique communautaire';
export const SITE_DESCRIPTION =
  'Les besoins numériques des organismes communautaires du Québec, les solutions qui existent ou sont proposées, et qui les offre.';

/** Search engines show about 160 characters: cut on a word and mark the cut with "…". */
export function summarize(text: string, maxLength = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= maxLength) return flat;
  const cut = flat.slice(0, maxLength - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const words = lastSpace > maxLength / 2 ? cut.slice(0, lastSpace) : cut;
  return `${words.replace(/[\s,;:.!?(«—–-]+$/u, '')}…`;
}

// Open Graph is replaced, not merged, when a page sets it: every page sets all of it here.
export function pageMetadata({
  title,
  description,
  path,
}: {
  /** Omitted on the home page, which keeps the site's name as its title. */
  title?: string;
  description: string;
  path: string;
}): Metadata {
  const summary = summarize(description);
  return {
    ...(title ? { title } : {}),
    description: summary,
    alternates: { canonical: path },
    openGraph: {
      type: 'website',
      locale: 'fr_CA',
      siteName: SITE_NAME,
      title: title ?? SITE_NAME,
      description: summary,
      url: path,
    },
  };
}

/** Metadata of a page whose entry does not exist: no canonical URL, not indexed. */
export const notFoundMetadata: Metadata = { title: 'Page introuvable', robots: { index: false } };
