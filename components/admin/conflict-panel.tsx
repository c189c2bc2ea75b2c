import type { ConflictView } from '@/lib/validation/form-state';

const dateTime = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Toronto' });

/** The version saved meanwhile by someone else, beside what the person typed (kept in the form). */
export function ConflictPanel({ conflict }: { conflict: ConflictView }) {
  const when = conflict.savedAt ? dateTime.format(new Date(conflict.savedAt)) : null;
  return (
    <section aria-labelledby="conflit-titre" className="space-y-3 rounded border-2 border-amber-700 bg-amber-50 p-4">
      <h2 id="conflit-titre" className="text-lg font-bold">
        Version enregistrée entre-temps{conflict.savedBy ? ` par ${conflict.savedBy}` : ''}
        {when ? ` le ${when}` : ''}
      </h2>
      {conflict.fields.length === 0 ? (
        <p>Ses changements touchent des champs que ce formulaire ne montre pas; vos champs sont identiques aux siens.</p>
      ) : (
        <>
          <p>Les champs qui diffèrent entre sa version et la vôtre :</p>
          <dl className="space-y-4">
            {conflict.fields.map((field) => (
              <div key={field.label} className="space-y-1">
                <dt className="font-semibold">{field.label}</dt>
                <dd className="grid gap-2 md:grid-cols-2">
                  <div className="rounded border border-slate-300 bg-white p-2">
                    <p className="text-sm font-medium text-slate-700">Version enregistrée</p>
                    <p className="whitespace-pre-wrap break-words">{field.theirs || '(vide)'}</p>
                  </div>
                  <div className="rounded border border-slate-300 bg-white p-2">
                    <p className="text-sm font-medium text-slate-700">Votre version (dans le formulaire)</p>
                    <p className="whitespace-pre-wrap break-words">{field.mine || '(vide)'}</p>
                  </div>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}
