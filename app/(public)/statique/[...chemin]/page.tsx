// The public pages as anonymous visitors see them (no basket, no filters or page number),
// rendered once and served from Next's route cache until an edit calls updateTag('inventory').
// next.config.ts rewrites such requests here (/besoins/x → /statique/besoins/x, rules in
// lib/cache/static-pages.ts) and sends a visit of /statique itself to the real address.
// 'force-static' makes cookies() and headers() empty and connection() a no-op, so the pages
// below render exactly as for a visitor with an empty basket. No path is rendered at build
// time (the build needs no database): each one is rendered at its first request, then kept.
import type { Metadata } from 'next';
import HomePage, { metadata as homeMetadata } from '@/app/(public)/page';
import NeedsPage, { metadata as needsMetadata } from '@/app/(public)/besoins/page';
import NeedPage, { generateMetadata as needMetadata } from '@/app/(public)/besoins/[slug]/page';
import SolutionsPage, { metadata as solutionsMetadata } from '@/app/(public)/solutions/page';
import SolutionPage, { generateMetadata as solutionMetadata } from '@/app/(public)/solutions/[slug]/page';
import ProvidersPage, { metadata as providersMetadata } from '@/app/(public)/fournisseurs/page';
import ProviderPage, { generateMetadata as providerMetadata } from '@/app/(public)/fournisseurs/[slug]/page';
import { PageNotFound } from '@/components/layout/page-not-found';
import { resolveStaticPage } from '@/lib/cache/static-pages';
import { notFoundMetadata } from '@/lib/seo/metadata';

export const dynamic = 'force-static';
export const dynamicParams = true;

export function generateStaticParams(): { chemin: string[] }[] {
  return [];
}

type Props = { params: Promise<{ chemin: string[] }> };

const noQuery = Promise.resolve({});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = resolveStaticPage((await params).chemin);
  if (!page) return notFoundMetadata;
  const slug = Promise.resolve({ slug: page.slug ?? '' });
  switch (page.name) {
    case 'not-found':
      return notFoundMetadata;
    case 'home':
      return homeMetadata;
    case 'needs':
      return needsMetadata;
    case 'need':
      return needMetadata({ params: slug, searchParams: noQuery });
    case 'solutions':
      return solutionsMetadata;
    case 'solution':
      return solutionMetadata({ params: slug });
    case 'providers':
      return providersMetadata;
    case 'provider':
      return providerMetadata({ params: slug });
  }
}

export default async function StaticPage({ params }: Props) {
  const page = resolveStaticPage((await params).chemin);
  // A missing entry, or an address that cannot be one: the whole page, with its 404, rendered
  // once and kept like the others (components/layout/page-not-found.tsx says why not notFound()).
  if (!page) return <PageNotFound />;
  const slug = Promise.resolve({ slug: page.slug ?? '' });
  switch (page.name) {
    case 'not-found':
      return <PageNotFound />;
    case 'home':
      return <HomePage />;
    case 'needs':
      return <NeedsPage searchParams={noQuery} />;
    case 'need':
      return <NeedPage params={slug} searchParams={noQuery} />;
    case 'solutions':
      return <SolutionsPage />;
    case 'solution':
      return <SolutionPage params={slug} />;
    case 'providers':
      return <ProvidersPage searchParams={noQuery} />;
    case 'provider':
      return <ProviderPage params={slug} />;
  }
}
