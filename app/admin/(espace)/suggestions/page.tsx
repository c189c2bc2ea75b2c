import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ENTRY_TYPE_LABELS } from '@/components/suggestions/entry-paths';
import { SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS } from '@/components/suggestions/labels';
import { Badge } from '@/components/ui/badge';
import { requireUser } from '@/lib/authz';
import { countSuggestionsByStatus, listSuggestions } from '@/lib/data/suggestions';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { STATUS_PARAMS, type ReportEntityType } from '@/lib/validation/suggestion';

export const metadata: Metadata = { title: 'Suggestions du public' };

type Props = { searchParams: Promise<{ statut?: string | string[] }> };

const FILTERS = [
  { param: null, label: 'Toutes' },
  { param: 'a-traiter', label: 'À traiter' },
  { param: 'acceptees', label: 'Acceptées' },
  { param: 'refusees', label: 'Refusées' },
] as const;

export default async function SuggestionsPage({ searchParams }: Props) {
  await connection();
  await requireUser();
  const { statut } = await searchParams;
  const current = typeof statut === 'string' && Object.hasOwn(STATUS_PARAMS, statut) ? statut : null;
  const status = current ? STATUS_PARAMS[current] : undefined;
  const db = getDb();
  const [suggestions, counts] = await Promise.all([listSuggestions(db, { status }), countSuggestionsByStatus(db)]);
  const total = counts.PENDING + counts.ACCEPTED + counts.REJECTED;
  const countOf = (param: string | null) => (param ? counts[STATUS_PARAMS[param]!] : total);
  const currentLabel = FILTERS.find((filter) => filter.param === current)?.label ?? 'Toutes';

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Suggestions du public</h1>
        <p>
          Ce que les visiteurs envoient depuis <Link href="/suggerer">Suggérer une ressource</Link> et les liens « Signaler une
          erreur » des fiches. Les suggestions à traiter viennent en premier, de la plus ancienne à la plus récente.
        </p>
      </header>

      <nav aria-label="Filtrer par statut">
        <ul className="flex flex-wrap gap-2">
          {FILTERS.map((filter) => {
            const isCurrent = filter.param === current;
            return (
              <li key={filter.label}>
                <Link
                  href={filter.param ? `/admin/suggestions?statut=${filter.param}` : '/admin/suggestions'}
                  aria-current={isCurrent ? 'page' : undefined}
                  className={`inline-block rounded border px-3 py-1 ${isCurrent ? 'border-brand-700 bg-brand-700 font-semibold text-white' : 'border-slate-400 bg-white'}`}
                >
                  {filter.label} ({countOf(filter.param)})
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <section aria-labelledby="titre-liste" className="space-y-3">
        <h2 id="titre-liste" className="text-2xl font-semibold">
          {currentLabel} : {suggestions.length} {suggestions.length > 1 ? 'suggestions' : 'suggestion'}
        </h2>
        {suggestions.length === 0 ? (
          <p className="text-slate-700">Aucune suggestion ici pour l’instant.</p>
        ) : (
          <ul className="divide-y divide-slate-200 border-y border-slate-200">
            {suggestions.map((suggestion) => (
              <li key={suggestion.id} className="space-y-1 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={suggestion.status === 'PENDING' ? 'warning' : 'neutral'}>{SUGGESTION_STATUS_LABELS[suggestion.status]}</Badge>
                  <Badge tone="brand">{SUGGESTION_KIND_LABELS[suggestion.kind]}</Badge>
                  {suggestion.hasEmail && <Badge>Courriel fourni</Badge>}
                </div>
                <p className="break-words">
                  <Link href={`/admin/suggestions/${suggestion.id}`} className="font-medium">
                    {suggestion.kind === 'ERROR_REPORT' && suggestion.entityType
                      ? `Erreur signalée : ${suggestion.title}`
                      : suggestion.title}
                  </Link>
                  {suggestion.kind === 'ERROR_REPORT' && suggestion.entityType && (
                    <span className="text-sm text-slate-700"> ({ENTRY_TYPE_LABELS[suggestion.entityType as ReportEntityType]?.noun.toLowerCase()})</span>
                  )}
                </p>
                <p className="text-sm text-slate-700">
                  Reçue le <time dateTime={suggestion.createdAt}>{formatDate(suggestion.createdAt)}</time>
                  {suggestion.decidedAt && (
                    <>
                      {' '}
                      · traitée le <time dateTime={suggestion.decidedAt}>{formatDate(suggestion.decidedAt)}</time>
                    </>
                  )}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
