import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { adminEntryPath, ENTRY_TYPE_LABELS, publicEntryPath } from '@/lib/suggestions/entry-paths';
import { ENTRY_STATUS_LABELS, SUGGESTION_KIND_LABELS, SUGGESTION_STATUS_LABELS } from '@/components/suggestions/labels';
import { SuggestionDecision } from '@/components/suggestions/suggestion-decision';
import { requireUser } from '@/lib/authz';
import { getSuggestion, PENDING_EMAIL_RETENTION_MONTHS, type EntryLinkDto } from '@/lib/data/suggestions';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { regionLabels } from '@/lib/labels';
import { suggestionIdSchema } from '@/lib/validation/suggestion';

export const metadata: Metadata = { title: 'Suggestion' };

type Props = { params: Promise<{ id: string }> };

function EntryLinks({ entry }: { entry: EntryLinkDto }) {
  const status = ENTRY_STATUS_LABELS[entry.status] ?? entry.status;
  return (
    <>
      {ENTRY_TYPE_LABELS[entry.entityType].noun} « {entry.title} » ({status}) :{' '}
      <Link href={adminEntryPath(entry.entityType, entry.id)}>modifier la fiche</Link>
      {entry.status === 'PUBLISHED' && (
        <>
          {' · '}
          <Link href={publicEntryPath(entry.entityType, entry.slug)}>voir la page publique</Link>
        </>
      )}
    </>
  );
}

export default async function SuggestionPage({ params }: Props) {
  await connection();
  await requireUser();
  const { id } = await params;
  if (!suggestionIdSchema.safeParse(id).success) notFound();
  const suggestion = await getSuggestion(getDb(), id);
  if (!suggestion) notFound();
  const isReport = suggestion.kind === 'ERROR_REPORT';

  return (
    <div className="max-w-3xl space-y-8">
      <nav aria-label="Fil d’Ariane" className="text-sm">
        <Link href="/admin/suggestions">Suggestions du public</Link> <span aria-hidden="true">›</span>{' '}
        <span aria-current="page">Suggestion</span>
      </nav>
      <header className="space-y-2">
        <p className="text-sm font-medium text-slate-700">
          {SUGGESTION_KIND_LABELS[suggestion.kind]} · {SUGGESTION_STATUS_LABELS[suggestion.status]}
        </p>
        <h1 className="break-words text-3xl font-bold text-brand-900">{isReport ? `Erreur signalée : ${suggestion.title}` : suggestion.title}</h1>
      </header>

      <dl className="grid grid-cols-[minmax(0,1fr)] gap-x-6 gap-y-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
        <dt className="font-medium">Reçue le</dt>
        <dd>
          <time dateTime={suggestion.createdAt}>{formatDate(suggestion.createdAt)}</time>
        </dd>
        {isReport && (
          <>
            <dt className="font-medium">Fiche signalée</dt>
            <dd className="break-words">{suggestion.entry ? <EntryLinks entry={suggestion.entry} /> : 'Cette fiche n’existe plus.'}</dd>
          </>
        )}
        <dt className="font-medium">{isReport ? 'Ce qui est inexact' : 'Ce qu’elle offre'}</dt>
        <dd className="whitespace-pre-wrap break-words">{suggestion.message}</dd>
        <dt className="font-medium">{isReport ? 'Source' : 'Site Web'}</dt>
        <dd className="break-all">
          {suggestion.website ? (
            // Only http(s) addresses are accepted (lib/validation/suggestion.ts); still, a visitor wrote it.
            <a href={suggestion.website} rel="nofollow noopener noreferrer ugc" target="_blank">
              {suggestion.website}
              <span className="sr-only"> (s’ouvre dans un nouvel onglet)</span>
            </a>
          ) : (
            'Non indiqué'
          )}
        </dd>
        {!isReport && (
          <>
            <dt className="font-medium">Région</dt>
            <dd>{suggestion.region ? regionLabels[suggestion.region] : 'Non indiquée'}</dd>
          </>
        )}
        <dt className="font-medium">Courriel</dt>
        <dd className="break-all">
          {suggestion.email ? (
            <>
              <a href={`mailto:${suggestion.email}`}>{suggestion.email}</a>{' '}
              <span className="text-sm text-slate-700">
                (avec consentement; effacé à la décision, ou {PENDING_EMAIL_RETENTION_MONTHS} mois après l’envoi)
              </span>
            </>
          ) : suggestion.status === 'PENDING' ? (
            `Aucun, ou effacé ${PENDING_EMAIL_RETENTION_MONTHS} mois après l’envoi`
          ) : (
            'Aucun, ou effacé à la décision'
          )}
        </dd>
        {suggestion.status !== 'PENDING' && (
          <>
            <dt className="font-medium">Décision</dt>
            <dd>
              {SUGGESTION_STATUS_LABELS[suggestion.status]}
              {suggestion.decidedAt && (
                <>
                  {' '}
                  le <time dateTime={suggestion.decidedAt}>{formatDate(suggestion.decidedAt)}</time>
                </>
              )}
              {suggestion.decidedBy && <> par {suggestion.decidedBy}</>}
            </dd>
          </>
        )}
        {suggestion.result && (
          <>
            <dt className="font-medium">Résultat</dt>
            <dd className="break-words">
              <EntryLinks entry={suggestion.result} />
            </dd>
          </>
        )}
        {suggestion.decisionNote && (
          <>
            <dt className="font-medium">Note</dt>
            <dd className="whitespace-pre-wrap break-words">{suggestion.decisionNote}</dd>
          </>
        )}
      </dl>

      <SuggestionDecision
        suggestion={{
          id: suggestion.id,
          kind: suggestion.kind,
          isPending: suggestion.status === 'PENDING',
          decisionNote: suggestion.decisionNote,
          visitorMessage: suggestion.message,
          entryTitle: suggestion.entry?.title ?? null,
        }}
      />
    </div>
  );
}
