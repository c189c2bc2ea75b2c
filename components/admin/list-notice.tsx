const ERRORS: Record<string, string> = {
  conflit: 'Cette fiche vient d’être modifiée par une autre personne : la liste est à jour, réessayez.',
  introuvable: 'Cette fiche est introuvable : elle a peut-être été supprimée.',
};

/** The answer of a list's small forms (move up/down), passed back in the URL. */
export function ListNotice({ error }: { error: string | string[] | undefined }) {
  const message = typeof error === 'string' ? ERRORS[error] : undefined;
  if (!message) return null;
  return (
    <div role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
      <p>
        <strong>Erreur : </strong>
        {message}
      </p>
    </div>
  );
}
