// « Page introuvable », for app/not-found.tsx and for the pages of an entry that does not exist.
//
// Why the entry pages do not simply call notFound(): in Next 16, a notFound() thrown while a
// page renders per request (or into the route cache) fails the whole HTML render, and Next
// answers 404 with an empty document (<html id="__next_error__">) whose message only appears
// once JavaScript runs, without the site's header and search box. Only an address that matches
// no route gets the prebuilt, complete not-found page. So a missing entry renders this page
// itself, whole, and <NotFoundStatus> asks for the 404 from a Suspense boundary of its own.
// Next applies that status to the pages it renders once and keeps (app/(public)/statique:
// every anonymous visit, and every address that cannot be a slug, see lib/cache/static-pages.ts).
// A page rendered per request (a visitor with a basket, or filters in the address) has sent its
// status before the boundary fails: the same complete page then comes with 200 and the
// notFoundMetadata « noindex ».
import Link from 'next/link';
import { Suspense } from 'react';
import { NotFoundStatus } from '@/components/layout/not-found-status';

export function NotFoundContent() {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">Page introuvable</h1>
      <p>Cette page n’existe pas ou n’est plus publiée. L’adresse a peut-être changé.</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href="/besoins">Parcourir les besoins et solutions</Link>
        </li>
        <li>
          <Link href="/fournisseurs">Voir les fournisseurs de A à Z</Link>
        </li>
        <li>
          <Link href="/">Revenir à l’accueil</Link>
        </li>
      </ul>
    </div>
  );
}

/** What an entry page returns when its entry does not exist (instead of calling notFound()). */
export function PageNotFound() {
  return (
    <>
      <NotFoundContent />
      <Suspense fallback={null}>
        <NotFoundStatus />
      </Suspense>
    </>
  );
}
