import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ENTRY_TYPE_LABELS } from '@/lib/suggestions/entry-paths';
import { SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS } from '@/components/suggestions/labels';
import { Badge } from '@/components/ui/badge';
import { requireUser } from '@/lib/authz';
import { pruneProviderProposals } from '@/lib/data/provider-claims';
import { listPendingQueue, type ProposalDto } from '@/lib/data/provider-proposals';
import { countSuggestionsByStatus, listSuggestions, MAX_PENDING_SUGGESTIONS, pruneSuggestions, SUGGESTIONS_PAGE_SIZE } from '@/lib/data/suggestions';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { STATUS_PARAMS, type ReportEntityType } from '@/lib/validation/suggestion';

export const metadata: Metadata = { title: 'Suggestions du public' };

type Props = { searchParams: Promise<{ statut?: string | string[]; page?: string | string[] }> };

/** ?page= as a page number from 1; anything else is the first page. */
function pageNumber(param: string | string[] | undefined): number {
  return typeof param === 'string' && /^[1-9][0-9]{0,5}$/.test(param) ? Number(param) : 1;
}

function queueHref(statut: string | null, page: number): string {
  const params = new URLSearchParams();
  if (statut) params.set('statut', statut);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/admin/suggestions?${query}` : '/admin/suggestions';
}

/** Fields an organisation changed: its listing's and its solutions'. */
const fieldCount = (proposal: ProposalDto) =>
  Object.keys(proposal.changes).length + proposal.solutionChanges.reduce((count, solution) => count + Object.keys(solution.changes).length, 0);

/** Organisations' requests listed at once, oldest first; the heading says when more wait. */
const ORGANIZATION_QUEUE_SIZE = 200;

const FILTERS = [
  { param: null, label: 'Toutes' },
  { param: 'a-traiter', label: 'À traiter' },
  { param: 'acceptees', label: 'Acceptées' },
  { param: 'refusees', label: 'Refusées' },
] as const;

export default async function SuggestionsPage({ searchParams }: Props) {
  await connection();
  await requireUser();
  const { statut, page: pageParam } = await searchParams;
  const current = typeof statut === 'string' && Object.hasOwn(STATUS_PARAMS, statut) ? statut : null;
  const status = current ? STATUS_PARAMS[current] : undefined;
  const db = getDb();
  // The retention of /confidentialite also applies when nobody sends or decides for a while.
  await pruneSuggestions(db);
  await pruneProviderProposals(db);
  const counts = await countSuggestionsByStatus(db);
  const total = counts.PENDING + counts.ACCEPTED + counts.REJECTED;
  const countOf = (param: string | null) => (param ? counts[STATUS_PARAMS[param]!] : total);
  const currentCount = countOf(current);
  const pageCount = Math.max(1, Math.ceil(currentCount / SUGGESTIONS_PAGE_SIZE));
  // A page past the end (a link kept while suggestions were deleted) shows the last one.
  const page = Math.min(pageNumber(pageParam), pageCount);
  const suggestions = await listSuggestions(db, { status, skip: (page - 1) * SUGGESTIONS_PAGE_SIZE });
  const currentLabel = FILTERS.find((filter) => filter.param === current)?.label ?? 'Toutes';
  const { proposals: fromOrganizations, total: organizationsPending } = await listPendingQueue(db, ORGANIZATION_QUEUE_SIZE);

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Suggestions du public</h1>
        <p>
          Ce que le public envoie depuis <Link href="/suggerer">Suggérer une ressource</Link> et les liens « Signaler une
          erreur » des fiches. Les suggestions à traiter viennent en premier, de la plus ancienne à la plus récente.
        </p>
        {counts.PENDING >= MAX_PENDING_SUGGESTIONS && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
            La file est pleine : {MAX_PENDING_SUGGESTIONS} suggestions attendent une décision, et le formulaire public refuse les nouvelles
            tant que vous n’en avez pas traité.
          </p>
        )}
      </header>

      <section aria-labelledby="titre-organismes" className="space-y-3">
        <h2 id="titre-organismes" className="text-2xl font-semibold">
          Demandes des organismes : {organizationsPending} à traiter
        </h2>
        {organizationsPending > fromOrganizations.length && (
          <p className="rounded-md border border-amber-300 bg-amber-50 p-3" role="status">
            Voici les {fromOrganizations.length} premières sur {organizationsPending}, de la plus ancienne à la plus récente : les suivantes
            s’afficheront quand vous aurez traité celles-ci.
          </p>
        )}
        <p>Les changements qu’un organisme propose pour sa propre fiche, et les demandes de lien venues d’une adresse que la Table ne connaît pas.</p>
        {fromOrganizations.length === 0 ? (
          <p className="text-slate-700">Aucune demande d’organisme à traiter.</p>
        ) : (
          <ul className="divide-y divide-slate-200 border-y border-slate-200">
            {fromOrganizations.map((proposal) => (
              <li key={proposal.id} className="space-y-1 py-3">
                <Badge tone="brand">{proposal.kind === 'UPDATE' ? 'Changements proposés' : 'Demande de lien'}</Badge>
                <p className="break-words">
                  <Link href={`/admin/suggestions/organismes/${proposal.id}`} className="font-medium">
                    {proposal.providerName}
                  </Link>
                  {proposal.kind === 'UPDATE' && <span className="text-sm text-slate-700"> ({fieldCount(proposal)} champs)</span>}
                </p>
                <p className="text-sm text-slate-700">
                  Reçue le <time dateTime={proposal.createdAt}>{formatDate(proposal.createdAt)}</time>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

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
          {currentLabel} : {currentCount} {currentCount > 1 ? 'suggestions' : 'suggestion'}
        </h2>
        {pageCount > 1 && (
          <p className="text-slate-700">
            Page {page} sur {pageCount} ({SUGGESTIONS_PAGE_SIZE} suggestions par page).
          </p>
        )}
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
        {pageCount > 1 && (
          <nav aria-label="Pages de la liste">
            <ul className="flex flex-wrap gap-4">
              {page > 1 && (
                <li>
                  <Link href={queueHref(current, page - 1)} rel="prev">
                    <span aria-hidden="true">← </span>Page précédente
                  </Link>
                </li>
              )}
              {page < pageCount && (
                <li>
                  <Link href={queueHref(current, page + 1)} rel="next">
                    Page suivante<span aria-hidden="true"> →</span>
                  </Link>
                </li>
              )}
            </ul>
          </nav>
        )}
      </section>
    </div>
  );
}
