'use client';

// Shown when a page fails (for example when the database does not answer). It never
// shows the error itself: details stay in the server's logs.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold text-brand-900">Le répertoire ne répond pas pour le moment</h1>
      <p>Un problème technique empêche d’afficher cette page.</p>
      <p>
        Réessayez dans quelques instants. Si le problème dure, dites-le-nous avec le{' '}
        <a href="/suggerer">formulaire de suggestion</a>.
      </p>
      <div className="flex flex-wrap gap-4">
        <button type="button" onClick={reset} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
          Réessayer
        </button>
        {/* A full page load on purpose: the client-side router may be what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Revenir à l’accueil</a>
      </div>
    </div>
  );
}
