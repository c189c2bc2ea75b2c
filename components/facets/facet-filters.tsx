import Link from 'next/link';
import type { FacetGroup } from '@/lib/facets/facets';

/**
 * Filters as a plain GET form: the state lives in the URL (shareable, back button works)
 * and nothing needs JavaScript. `preserve` keeps other parameters, such as the search query.
 */
export function FacetFilters({
  action,
  groups,
  selectedCount,
  preserve = {},
}: {
  action: string;
  groups: FacetGroup[];
  selectedCount: number;
  preserve?: Record<string, string>;
}) {
  if (groups.length === 0) return null;
  const clearHref = Object.keys(preserve).length > 0 ? `${action}?${new URLSearchParams(preserve).toString()}` : action;
  return (
    <details open={selectedCount > 0} className="no-print rounded-md border border-slate-300">
      <summary className="cursor-pointer px-4 py-3 font-semibold">
        Filtrer{selectedCount > 0 ? ` (${selectedCount} filtre${selectedCount > 1 ? 's' : ''} actif${selectedCount > 1 ? 's' : ''})` : ''}
      </summary>
      <form method="get" action={action} className="space-y-4 border-t border-slate-200 px-4 py-4">
        {Object.entries(preserve).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {groups.map((group) => (
            <fieldset key={group.key} className="space-y-1">
              <legend className="font-medium">{group.label}</legend>
              {group.options.map((option) => (
                <label key={option.value} className="flex min-h-7 cursor-pointer items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    name={group.param}
                    value={option.value}
                    defaultChecked={option.isSelected}
                    className="size-4 shrink-0 accent-brand-700"
                  />
                  <span>
                    {option.label} <span className="text-slate-700">({option.count})</span>
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            Appliquer les filtres
          </button>
          {selectedCount > 0 && <Link href={clearHref}>Retirer tous les filtres</Link>}
        </div>
      </form>
    </details>
  );
}
