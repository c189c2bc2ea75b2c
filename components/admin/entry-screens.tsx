import Link from 'next/link';
import { notFound } from 'next/navigation';
import { DiffView } from '@/components/admin/diff-view';
import { RecreateForm, RemoveForms, RestoreForm } from '@/components/admin/entry-actions-forms';
import { HISTORY_PAGE_SIZE, isRestorable, listEntryHistory, getHistoryRecord } from '@/lib/data/admin/history';
import { getEntryImpact } from '@/lib/data/admin/remove';
import { findDeletion, planRestore } from '@/lib/data/admin/restore';
import { getDb } from '@/lib/db';
import { diffSnapshots } from '@/lib/history/diff';
import { ENTRY_TYPE_LABELS, verbLabel } from '@/lib/history/fields';
import { loadEntrySnapshot, type EntrySnapshot, type EntryType } from '@/lib/history/snapshot';

// The pages every kind of entry shares: its history, one version to restore, and the
// archive/delete confirmation. The page files call requireUser() and pass the entry here.

const dateTime = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Toronto' });

function titleOf(snapshot: EntrySnapshot): string {
  return 'title' in snapshot ? snapshot.title : snapshot.name;
}

async function loadCurrent(entityType: EntryType, id: string) {
  const current = await loadEntrySnapshot(getDb(), entityType, id);
  if (!current) notFound();
  return current;
}

function BackLinks({ entityType, id, title }: { entityType: EntryType; id: string; title: string }) {
  const path = `/admin/${ENTRY_TYPE_LABELS[entityType].path}`;
  return (
    <p>
      <Link href={`${path}/${id}`}>← Modifier « {title} »</Link>
    </p>
  );
}

export async function HistoryScreen({ entityType, id, page }: { entityType: EntryType; id: string; page: number }) {
  const current = await loadEntrySnapshot(getDb(), entityType, id);
  if (!current) return <DeletedHistoryScreen entityType={entityType} id={id} page={page} />;
  const { total, records } = await listEntryHistory(getDb(), entityType, id, page);
  const path = `/admin/${ENTRY_TYPE_LABELS[entityType].path}/${id}/historique`;
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const title = titleOf(current);
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <BackLinks entityType={entityType} id={id} title={title} />
        <h1 className="text-3xl font-bold break-words text-brand-900">Historique : {title}</h1>
        <p>
          Version actuelle : {current.version}. {total} {total > 1 ? 'changements enregistrés' : 'changement enregistré'}, du plus récent au plus ancien.
        </p>
      </header>
      {records.length === 0 ? (
        <p>Aucun changement enregistré depuis la mise en place de l’historique (les fiches de l’inventaire 2023 commencent sans historique).</p>
      ) : (
        <ol className="space-y-6">
          {records.map((record, index) => {
            const changes = diffSnapshots(entityType, record.before as never, record.after as never);
            const isCurrent = record.after?.version === current.version;
            return (
              <li key={record.id} className="space-y-3 rounded border border-slate-300 p-4">
                <h2 className="text-lg font-semibold">
                  {verbLabel(record.action)}
                  {record.after ? ` — version ${record.after.version}` : ''}
                  {isCurrent ? ' (version actuelle)' : ''}
                </h2>
                <p className="text-slate-800">
                  <time dateTime={record.createdAt}>{dateTime.format(new Date(record.createdAt))}</time>, par {record.actorName ?? 'une personne dont le compte a été supprimé, ou la ligne de commande'}
                </p>
                <details open={changes.length <= 4}>
                  <summary className="cursor-pointer font-medium">
                    {changes.length} {changes.length > 1 ? 'champs modifiés' : 'champ modifié'}
                  </summary>
                  <div className="mt-3">
                    <DiffView changes={changes} />
                  </div>
                </details>
                {isRestorable(record, entityType) && !isCurrent && (
                  <p>
                    <Link href={`${path}/${record.id}`}>
                      Restaurer cette version<span className="sr-only"> (version {record.after?.version} du {dateTime.format(new Date(record.createdAt))})</span>
                    </Link>
                  </p>
                )}
                {/* The oldest record is the only trace of the version before it (e.g. as imported in 2023). */}
                {record.before && index === records.length - 1 && page === pageCount && (
                  <p>
                    <Link href={`${path}/${record.id}?version=avant`}>
                      Restaurer la version d’avant ce changement<span className="sr-only"> (version {record.before.version})</span>
                    </Link>
                  </p>
                )}
              </li>
            );
          })}
        </ol>
      )}
      <HistoryPager path={path} page={page} pageCount={pageCount} />
    </div>
  );
}

export async function RestoreScreen({ entityType, id, recordId, side }: { entityType: EntryType; id: string; recordId: string; side: 'after' | 'before' }) {
  const current = await loadEntrySnapshot(getDb(), entityType, id);
  if (!current) return <RecreateScreen entityType={entityType} id={id} recordId={recordId} side={side} />;
  const db = getDb();
  const [record, plan] = await Promise.all([getHistoryRecord(db, entityType, id, recordId), planRestore(db, entityType, id, recordId, side)]);
  if (!record || !plan) notFound();
  const title = titleOf(current);
  // What restoring changes: from the entry as it is now to the version, minus what the
  // restore keeps (slug, verification date).
  const keep = { ...plan.snapshot, ...('verifiedAt' in current ? { verifiedAt: current.verifiedAt } : {}), slug: current.slug };
  const changes = diffSnapshots(entityType, current as never, keep as never);
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <BackLinks entityType={entityType} id={id} title={title} />
        <h1 className="text-3xl font-bold break-words text-brand-900">Restaurer une version : {title}</h1>
        <p>
          {side === 'before'
            ? `Version ${plan.snapshot.version}, telle qu’elle était avant : ${verbLabel(record.action).toLowerCase()} du ${dateTime.format(new Date(record.createdAt))}`
            : `Version ${plan.snapshot.version} — ${verbLabel(record.action)} du ${dateTime.format(new Date(record.createdAt))}`}
          {side === 'after' && record.actorName ? `, par ${record.actorName}` : ''}.
        </p>
      </header>
      <section aria-labelledby="titre-changements" className="space-y-3">
        <h2 id="titre-changements" className="text-xl font-semibold">
          Ce que la restauration va changer
        </h2>
        <DiffView changes={changes} beforeLabel="Maintenant" afterLabel="Après restauration" />
        <p className="text-sm text-slate-700">L’adresse de la fiche et sa date de vérification restent celles d’aujourd’hui.</p>
      </section>
      <SkippedLinks items={plan.skipped} />
      <p>La restauration crée une nouvelle version; l’historique garde toutes les précédentes.</p>
      <RestoreForm target={{ entityType, id, version: current.version }} recordId={recordId} side={side} />
    </div>
  );
}

export async function RemoveScreen({ entityType, id }: { entityType: EntryType; id: string }) {
  const current = await loadCurrent(entityType, id);
  const impact = await getEntryImpact(getDb(), entityType, id);
  const title = titleOf(current);
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <BackLinks entityType={entityType} id={id} title={title} />
        <h1 className="text-3xl font-bold break-words text-brand-900">
          {current.status === 'ARCHIVED' ? 'Supprimer' : 'Archiver ou supprimer'} : {title}
        </h1>
      </header>
      <section aria-labelledby="titre-impact" className="space-y-3">
        <h2 id="titre-impact" className="text-xl font-semibold">
          Ce que cela touche
        </h2>
        {impact.length === 0 ? (
          <p>Cette fiche n’est liée à aucune autre.</p>
        ) : (
          impact.map((group) => (
            <div key={group.label} className="space-y-1">
              <h3 className="font-semibold">
                {group.label} ({group.items.length})
              </h3>
              <ul className="list-disc pl-6">
                {group.items.map((item) => (
                  <li key={item.id}>
                    <Link href={item.path}>{item.title}</Link>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>
      <RemoveForms target={{ entityType, id, version: current.version }} isArchived={current.status === 'ARCHIVED'} name={title} />
    </div>
  );
}

const byWhom = (name: string | null | undefined) => name ?? 'une personne dont le compte a été supprimé, ou la ligne de commande';

/**
 * The history of a DELETED entry: its row is gone, its records are all in the audit log.
 * Every kept version (the deletion's "before", each earlier "after") can recreate it.
 */
async function DeletedHistoryScreen({ entityType, id, page }: { entityType: EntryType; id: string; page: number }) {
  const db = getDb();
  const [{ total, records }, deletion] = await Promise.all([listEntryHistory(db, entityType, id, page), findDeletion(db, entityType, id)]);
  if (!deletion || total === 0) notFound();
  const path = `/admin/${ENTRY_TYPE_LABELS[entityType].path}/${id}/historique`;
  const pageCount = Math.max(1, Math.ceil(total / HISTORY_PAGE_SIZE));
  const last = records.find((record) => record.before || record.after);
  const lastSnapshot = last?.before ?? last?.after;
  const title = lastSnapshot ? titleOf(lastSnapshot) : id;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href={`/admin/${ENTRY_TYPE_LABELS[entityType].path}`}>← Retour à la liste</Link>
        </p>
        <h1 className="text-3xl font-bold break-words text-brand-900">Historique : {title}</h1>
        <div className="space-y-2 rounded border-l-4 border-amber-700 bg-amber-50 p-4">
          <p>
            <strong>
              Cette fiche a été supprimée le <time dateTime={deletion.createdAt.toISOString()}>{dateTime.format(deletion.createdAt)}</time> par {byWhom(deletion.actor?.name)}.
            </strong>
          </p>
          <p>Vous pouvez la recréer, en brouillon, à partir de n’importe quelle version ci-dessous.</p>
          <p>
            <Link href={`${path}/${deletion.id}?version=avant`}>
              Recréer cette fiche<span className="sr-only"> telle qu’elle était au moment de sa suppression</span>
            </Link>
          </p>
        </div>
        <p>
          {total} {total > 1 ? 'changements enregistrés' : 'changement enregistré'}, du plus récent au plus ancien.
        </p>
      </header>
      <ol className="space-y-6">
        {records.map((record) => {
          const changes = diffSnapshots(entityType, record.before as never, record.after as never);
          const isDeletion = record.id === deletion.id;
          return (
            <li key={record.id} className="space-y-3 rounded border border-slate-300 p-4">
              <h2 className="text-lg font-semibold">
                {verbLabel(record.action)}
                {record.after ? ` — version ${record.after.version}` : record.before ? ` de la version ${record.before.version}` : ''}
              </h2>
              <p className="text-slate-800">
                <time dateTime={record.createdAt}>{dateTime.format(new Date(record.createdAt))}</time>, par {byWhom(record.actorName)}
              </p>
              <details open={changes.length <= 4}>
                <summary className="cursor-pointer font-medium">
                  {changes.length} {changes.length > 1 ? 'champs modifiés' : 'champ modifié'}
                </summary>
                <div className="mt-3">
                  <DiffView changes={changes} />
                </div>
              </details>
              {isRestorable(record, entityType) && (
                <p>
                  <Link href={`${path}/${record.id}`}>
                    Recréer la fiche à partir de cette version<span className="sr-only"> (version {record.after?.version} du {dateTime.format(new Date(record.createdAt))})</span>
                  </Link>
                </p>
              )}
              {isDeletion && record.before && (
                <p>
                  <Link href={`${path}/${record.id}?version=avant`}>
                    Recréer la fiche telle qu’elle était avant sa suppression<span className="sr-only"> (version {record.before.version})</span>
                  </Link>
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <HistoryPager path={path} page={page} pageCount={pageCount} />
    </div>
  );
}

/** Confirmation of « Recréer cette fiche »: what comes back, what links cannot. */
async function RecreateScreen({ entityType, id, recordId, side }: { entityType: EntryType; id: string; recordId: string; side: 'after' | 'before' }) {
  const db = getDb();
  const [record, plan, deletion] = await Promise.all([getHistoryRecord(db, entityType, id, recordId), planRestore(db, entityType, id, recordId, side), findDeletion(db, entityType, id)]);
  if (!record || !plan || !deletion) notFound();
  const title = titleOf(plan.snapshot);
  const changes = diffSnapshots(entityType, null as never, { ...plan.snapshot, status: 'DRAFT' } as never);
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <p>
          <Link href={`/admin/${ENTRY_TYPE_LABELS[entityType].path}/${id}/historique`}>← Historique de « {title} »</Link>
        </p>
        <h1 className="text-3xl font-bold break-words text-brand-900">Recréer une fiche supprimée : {title}</h1>
        <p>
          Cette fiche a été supprimée le <time dateTime={deletion.createdAt.toISOString()}>{dateTime.format(deletion.createdAt)}</time> par {byWhom(deletion.actor?.name)}.{' '}
          {side === 'before'
            ? `Elle sera recréée telle qu’elle était avant : ${verbLabel(record.action).toLowerCase()} du ${dateTime.format(new Date(record.createdAt))}.`
            : `Elle sera recréée à partir de la version ${plan.snapshot.version} (${verbLabel(record.action).toLowerCase()} du ${dateTime.format(new Date(record.createdAt))}).`}
        </p>
      </header>
      <section aria-labelledby="titre-recreation" className="space-y-3">
        <h2 id="titre-recreation" className="text-xl font-semibold">
          Ce qui sera recréé
        </h2>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <strong>En brouillon</strong> : la fiche ne sera pas visible du public avant que vous la publiiez.
          </li>
          <li>Avec le même identifiant, pour que son historique continue; son adresse sera la même si personne ne l’a prise depuis.</li>
          <li>Avec ses liens vers les fiches qui existent encore.</li>
        </ul>
        <DiffView changes={changes} beforeLabel="Supprimée" afterLabel="Après recréation" />
      </section>
      <SkippedLinks items={plan.skipped} />
      <RecreateForm entityType={entityType} id={id} recordId={recordId} side={side} />
    </div>
  );
}

/** Newer / older pages of a history, shown only when there is more than one. */
function HistoryPager({ path, page, pageCount }: { path: string; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages de l’historique" className="flex flex-wrap gap-4">
      {page > 1 && <Link href={`${path}?page=${page - 1}`}>← Plus récents</Link>}
      <span>
        Page {page} sur {pageCount}
      </span>
      {page < pageCount && <Link href={`${path}?page=${page + 1}`}>Plus anciens →</Link>}
    </nav>
  );
}

/** Links a restore or a recreation cannot bring back, because the other entry is gone. */
function SkippedLinks({ items }: { items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="titre-ignores" className="space-y-2 rounded border-l-4 border-amber-700 bg-amber-50 p-4">
      <h2 id="titre-ignores" className="font-semibold">
        Ces liens ne seront pas rétablis : les fiches ont été supprimées depuis
      </h2>
      <ul className="list-disc pl-6">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </section>
  );
}
