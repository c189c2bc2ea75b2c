import type { FieldChange } from '@/lib/history/diff';

/**
 * A field-by-field diff, rendered as text (never as HTML). Added words are underlined and
 * removed ones struck through, each with a hidden word for screen readers: colour is never
 * the only sign.
 */
export function DiffView({ changes, beforeLabel = 'Avant', afterLabel = 'Après' }: { changes: FieldChange[]; beforeLabel?: string; afterLabel?: string }) {
  if (changes.length === 0) return <p>Aucune différence dans les champs de la fiche.</p>;
  return (
    <dl className="space-y-4">
      {changes.map((change) => (
        <div key={change.field} className="space-y-1">
          <dt className="font-semibold">{change.label}</dt>
          <dd className="break-words">
            {change.kind === 'text' && change.parts ? (
              <p className="whitespace-pre-wrap rounded border border-slate-300 bg-white p-2">
                {change.parts.map((part, index) =>
                  part.change === 'added' ? (
                    <ins key={index} className="bg-green-100 text-green-900 underline decoration-2">
                      <span className="sr-only">[ajouté : </span>
                      {part.value}
                      <span className="sr-only">]</span>
                    </ins>
                  ) : part.change === 'removed' ? (
                    <del key={index} className="bg-red-100 text-red-900 line-through">
                      <span className="sr-only">[retiré : </span>
                      {part.value}
                      <span className="sr-only">]</span>
                    </del>
                  ) : (
                    <span key={index}>{part.value}</span>
                  ),
                )}
              </p>
            ) : change.kind === 'list' ? (
              <ul className="space-y-0.5">
                {(change.added ?? []).map((item) => (
                  <li key={`+${item}`}>
                    <ins className="bg-green-100 text-green-900 underline decoration-2">
                      <span aria-hidden="true">+ </span>
                      <span className="sr-only">Ajouté : </span>
                      {item}
                    </ins>
                  </li>
                ))}
                {(change.removed ?? []).map((item) => (
                  <li key={`-${item}`}>
                    <del className="bg-red-100 text-red-900 line-through">
                      <span aria-hidden="true">− </span>
                      <span className="sr-only">Retiré : </span>
                      {item}
                    </del>
                  </li>
                ))}
                {!change.added?.length && !change.removed?.length && <li>Ordre modifié</li>}
              </ul>
            ) : (
              <p>
                <span className="text-slate-700">{beforeLabel} : </span>
                <del className="line-through">{change.before || '(vide)'}</del>
                <span aria-hidden="true"> → </span>
                <span className="text-slate-700">{afterLabel} : </span>
                <ins className="font-medium no-underline">{change.after || '(vide)'}</ins>
              </p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
