const MESSAGES: Record<string, string> = {
  create: 'Fiche créée.',
  update: 'Modifications enregistrées.',
  publish: 'Modifications enregistrées : la fiche est publiée.',
  unpublish: 'Modifications enregistrées : la fiche n’est plus visible du public.',
  archive: 'Fiche archivée : elle n’est plus visible du public.',
  verify: 'Modifications enregistrées et fiche marquée comme vérifiée aujourd’hui.',
  restore: 'Version restaurée.',
  recree: 'Fiche recréée, en brouillon : elle n’est pas visible du public. Relisez-la, puis publiez-la.',
};

/** What was just done, after the redirect of a save (?etat=…). Public pages already show it. */
export function SavedNotice({
  state,
  isPublished,
  skipped,
}: {
  state: string | string[] | undefined;
  isPublished: boolean;
  /** After a restore: how many links could not come back (their entries were deleted). */
  skipped?: string | string[] | undefined;
}) {
  const message = typeof state === 'string' ? MESSAGES[state] : undefined;
  const skippedCount = typeof skipped === 'string' ? Number.parseInt(skipped, 10) : 0;
  if (!message) return null;
  return (
    <div role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
      <p>
        <strong>C’est fait : </strong>
        {message}
        {isPublished ? ' Le site public montre déjà cette version.' : ''}
        {skippedCount > 0
          ? ` ${skippedCount} ${skippedCount > 1 ? 'liens n’ont pas été rétablis' : 'lien n’a pas été rétabli'} : ${skippedCount > 1 ? 'ces fiches ont' : 'cette fiche a'} été supprimée${skippedCount > 1 ? 's' : ''} depuis.`
          : ''}
      </p>
    </div>
  );
}
