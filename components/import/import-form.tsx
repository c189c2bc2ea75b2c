'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/admin/form-message';
import { SubmitButton } from '@/components/admin/submit-button';
import { ImportPreviewView } from '@/components/import/import-preview';
import { importAction, type AppliedEntryView, type ImportState } from '@/lib/actions/import';
import { MAX_IMPORT_LABEL, MAX_IMPORT_ROWS, groupDigits, plural } from '@/lib/import/words';

const idle: ImportState = { status: 'idle' };

function AppliedList({ title, entries }: { title: string; entries: AppliedEntryView[] }) {
  if (entries.length === 0) return null;
  return (
    <div className="space-y-1">
      <h3 className="text-lg font-semibold">{title}</h3>
      <ul className="list-disc pl-6">
        {entries.map((entry) => (
          <li key={`${entry.entity}-${entry.slug}`}>
            {entry.path && entry.isPublished ? <Link href={entry.path}>{entry.name}</Link> : entry.name}
            {!entry.isPublished && <span className="text-sm text-slate-700"> (non publiée)</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Upload, preview, apply: one form action, so that every step works without JavaScript. */
export function ImportForm() {
  const [state, formAction] = useActionState<ImportState, FormData>(importAction, idle);
  const preview = state.preview;
  const canApply = state.status === 'preview' && state.content !== undefined && preview !== undefined && preview.counts.create + preview.counts.update > 0;
  // "success" and "error" read as such; a preview ready to apply is neither.
  const message = state.status === 'preview' ? { status: 'success' as const, message: state.message } : { status: state.status, message: state.message };

  return (
    <div className="space-y-8">
      {state.status === 'preview' ? (
        <div role="status" className="rounded border-l-4 border-brand-700 bg-brand-50 p-3">
          <p>{state.message}</p>
        </div>
      ) : (
        <FormMessage state={message} />
      )}

      {state.applied && (
        <section aria-labelledby="titre-applique" className="space-y-3">
          <h2 id="titre-applique" className="text-2xl font-semibold">
            Fiches importées
          </h2>
          <AppliedList title="Créées" entries={state.applied.created} />
          <AppliedList title="Modifiées" entries={state.applied.updated} />
        </section>
      )}

      {preview && <ImportPreviewView preview={preview} />}

      {canApply && (
        <form action={formAction} className="space-y-4 rounded border border-brand-700 p-4">
          <h2 className="text-2xl font-semibold">Appliquer</h2>
          <input type="hidden" name="intent" value="apply" />
          <input type="hidden" name="content" value={state.content} />
          <input type="hidden" name="fileName" value={preview.fileName} />
          <input type="hidden" name="hash" value={preview.hash} />
          {preview.counts.create > 0 && (
            <fieldset className="space-y-2">
              <legend className="font-medium">Les nouvelles fiches seront</legend>
              <div className="flex items-start gap-2">
                <input type="radio" id="import-statut-brouillon" name="newStatus" value="DRAFT" defaultChecked className="mt-1.5 h-4 w-4" />
                <label htmlFor="import-statut-brouillon">en brouillon, à relire avant de les publier</label>
              </div>
              <div className="flex items-start gap-2">
                <input type="radio" id="import-statut-publie" name="newStatus" value="PUBLISHED" className="mt-1.5 h-4 w-4" />
                <label htmlFor="import-statut-publie">publiées tout de suite</label>
              </div>
            </fieldset>
          )}
          <p>
            Tout est appliqué d’un coup, ou rien si une fiche a changé entre-temps. Les fiches modifiées gardent leur état de publication.
          </p>
          <SubmitButton>Appliquer {plural(preview.counts.create + preview.counts.update, 'changement', 'changements')}</SubmitButton>
        </form>
      )}

      <form action={formAction} className="space-y-4">
        <h2 className="text-2xl font-semibold">{preview ? 'Téléverser un autre fichier' : 'Téléverser un fichier'}</h2>
        <input type="hidden" name="intent" value="preview" />
        <div className="space-y-1">
          <label htmlFor="import-fichier" className="block font-medium">
            Fichier CSV ou JSON
          </label>
          <p id="import-fichier-aide" className="text-sm text-slate-700">
            themes.csv, fournisseurs.csv, solutions.csv, besoins.csv ou repertoire.json, {MAX_IMPORT_LABEL} et {groupDigits(MAX_IMPORT_ROWS)} fiches au
            plus. Rien n’est écrit avant que vous appliquiez l’aperçu.
          </p>
          <input
            id="import-fichier"
            name="file"
            type="file"
            required
            accept=".csv,.json,text/csv,application/json"
            aria-describedby="import-fichier-aide"
            className="block w-full max-w-md rounded border border-slate-500 bg-white px-3 py-2"
          />
        </div>
        <SubmitButton variant={canApply ? 'secondary' : 'primary'}>Voir l’aperçu</SubmitButton>
      </form>
    </div>
  );
}
