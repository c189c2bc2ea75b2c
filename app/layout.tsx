import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/layout/site-footer';
import { SiteHeader } from '@/components/layout/site-header';
import { getSiteUrl } from '@/lib/env';
import { SITE_DESCRIPTION, SITE_NAME } from '@/lib/seo/metadata';
import './globals.css';

// A function, not a constant: SITE_URL is read when a page renders (at run time), not
// frozen into the build. Pages set their own canonical URL and Open Graph title
// (lib/seo/metadata.ts): a canonical URL set here would be inherited by every page.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(getSiteUrl()),
    title: { default: SITE_NAME, template: `%s · ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    applicationName: SITE_NAME,
    // Defaults for pages that set no Open Graph of their own (no title or URL: those are per page).
    openGraph: { type: 'website', locale: 'fr_CA', siteName: SITE_NAME },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="fr-CA">
      <body className="flex min-h-screen flex-col">
        <a
          href="#contenu"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:bg-white focus:p-2"
        >
          Aller au contenu
        </a>
        <SiteHeader />
        <main id="contenu" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
