'use client';

import './globals.css';

// Last resort when the root layout itself fails: a plain French page, no stack trace.
export default function GlobalError() {
  return (
    <html lang="fr-CA">
      <body className="mx-auto max-w-3xl p-8">
        <h1 className="text-3xl font-bold">Le répertoire ne répond pas pour le moment</h1>
        <p className="mt-4">Un problème technique empêche d’afficher cette page. Réessayez dans quelques instants.</p>
        <p className="mt-4">
          {/* A full page load on purpose: the client-side router may be what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Revenir à l’accueil</a>
        </p>
      </body>
    </html>
  );
}
