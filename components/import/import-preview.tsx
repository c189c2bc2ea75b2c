import type { ImportPreview, PreviewRow } from '@/lib/import/preview';
import { plural } from '@/lib/import/words';

const OUTCOME_WORDS = {
  create: 'À créer',
  update: 'À modifier',
  unchanged: 'Inchangée',
  error: 'Erreur',
} as const;

function RowTitle({ row }: { row: PreviewRow }) {
  return (
    <>
      <span className="font-medium">{row.name}</span>{' '}
      <span className="text-sm text-slate-700">
        ({row.entityLabel}, {row.where}
        {row.slug ? `, ${row.slug}` : ''})
      </span>
    </>
  );
}

function Changes({ row }: { row: PreviewRow }) {
  return (
    <dl className="mt-2 space-y-2 border-l-4 border-slate-300 pl-3 text-sm">
      {row.changes.map((change) => (
        <div key={change.key}>
          <dt className="font-medium">{change.label}</dt>
          <dd className="break-words">
            <span className="font-medium">Avant : </span>
            <span className="whitespace-pre-line">{change.before}</span>
          </dd>
          <dd className="break-words">
            <span className="font-medium">Après : </span>
            <span className="whitespace-pre-line">{change.after}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The preview of an import: errors first (row and column), then what would be created and changed. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const byOutcome = (outcome: PreviewRow['outcome']) => preview.rows.filter((row) => row.outcome === outcome);
  const errors = byOutcome('error');
  const created = byOutcome('create');
  const updated = byOutcome('update');
  const unchanged = byOutcome('unchanged');

  return (
    <section aria-labelledby="titre-apercu" className="space-y-6">
      <header className="space-y-2">
        <h2 id="titre-apercu" className="text-2xl font-semibold">
          Aperçu : {preview.label}
        </h2>
        <p className="break-all text-sm text-slate-700">Fichier : {preview.fileName}</p>
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          <li>{plural(preview.counts.create, 'fiche à créer', 'fiches à créer')}</li>
          <li>{plural(preview.counts.update, 'fiche à modifier', 'fiches à modifier')}</li>
          <li>{plural(preview.counts.unchanged, 'fiche inchangée', 'fiches inchangées')}</li>
          <li className={preview.counts.error > 0 ? 'font-semibold text-red-800' : undefined}>{plural(preview.counts.error, 'ligne avec erreur', 'lignes avec erreurs')}</li>
        </ul>
        {preview.notes.map((note) => (
          <p key={note} className="text-sm">
            Note : {note}
          </p>
        ))}
      </header>

      {preview.fileErrors.length > 0 && (
        <div className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          <h3 className="font-semibold">Ce fichier ne peut pas être importé</h3>
          <ul className="list-disc pl-6">
            {preview.fileErrors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        </div>
      )}

      {errors.length > 0 && (
        <section aria-labelledby="titre-erreurs" className="space-y-2">
          <h3 id="titre-erreurs" className="text-xl font-semibold text-red-800">
            Erreurs à corriger ({errors.length})
          </h3>
          <ul className="divide-y divide-slate-200 border-y border-slate-200">
            {errors.map((row) => (
              <li key={`${row.where}-${row.slug}`} className="py-2">
                <RowTitle row={row} />
                <ul className="mt-1 list-disc pl-6 text-red-900">
                  {row.errors.map((error) => (
                    <li key={`${error.column}-${error.message}`}>
                      Erreur, colonne « {error.column} » : {error.message}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}

      {created.length > 0 && (
        <section aria-labelledby="titre-creer" className="space-y-2">
          <h3 id="titre-creer" className="text-xl font-semibold">
            {OUTCOME_WORDS.create} ({created.length})
          </h3>
          <ul className="divide-y divide-slate-200 border-y border-slate-200">
            {created.map((row) => (
              <li key={`${row.where}-${row.slug}`} className="py-2">
                <RowTitle row={row} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {updated.length > 0 && (
        <section aria-labelledby="titre-modifier" className="space-y-2">
          <h3 id="titre-modifier" className="text-xl font-semibold">
            {OUTCOME_WORDS.update} ({updated.length})
          </h3>
          <ul className="divide-y divide-slate-200 border-y border-slate-200">
            {updated.map((row) => (
              <li key={`${row.where}-${row.slug}`} className="py-2">
                <RowTitle row={row} />
                <Changes row={row} />
              </li>
            ))}
          </ul>
        </section>
      )}

      {unchanged.length > 0 && (
        <details className="rounded border border-slate-200 p-3">
          <summary className="cursor-pointer font-medium">Fiches inchangées ({unchanged.length})</summary>
          <ul className="mt-2 list-disc pl-6 text-sm">
            {unchanged.map((row) => (
              <li key={`${row.where}-${row.slug}`}>
                <RowTitle row={row} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
