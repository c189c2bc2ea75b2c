import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DeleteSynonymGroupForm, SynonymGroupForm } from '@/components/search-admin/synonym-group-form';
import { requireUser } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { SYNONYM_AUDIT_ACTIONS, getSynonymGroup, listSynonymGroupHistory, type SynonymHistoryEntry } from '@/lib/synonyms/admin';
import type { SynonymGroupInput } from '@/lib/synonyms/schema';

export const metadata: Metadata = { title: 'Groupe de synonymes' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ etat?: string | string[] }> };

const ACTION_LABELS: Record<string, string> = {
  [SYNONYM_AUDIT_ACTIONS.create]: 'Ajouté',
  [SYNONYM_AUDIT_ACTIONS.update]: 'Modifié',
  [SYNONYM_AUDIT_ACTIONS.delete]: 'Supprimé',
};
const STATE_MESSAGES: Record<string, string> = { cree: 'groupe ajouté.', modifie: 'modifications enregistrées.' };

const describe = (group: SynonymGroupInput) => `${group.terms.join(', ')}${group.oneWay ? ` → ${group.expandsTo.join(', ')}` : ''}`;

function History({ history }: { history: SynonymHistoryEntry[] }) {
  return (
    <section aria-labelledby="historique" className="space-y-3">
      <h2 id="historique" className="text-2xl font-semibold">
        Historique
      </h2>
      {history.length === 0 ? (
        <p>Aucun changement depuis le chargement de la liste de départ.</p>
      ) : (
        <ol className="space-y-2">
          {history.map((entry) => {
            // A deletion keeps what the group was.
            const content = entry.after ?? entry.before;
            return (
              <li key={entry.id}>
                <time dateTime={entry.createdAt}>{formatDate(entry.createdAt)}</time> — {ACTION_LABELS[entry.action] ?? entry.action}
                {entry.actorName ? ` par ${entry.actorName}` : ''}
                {content ? ` : ${describe(content)}` : ''}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** A group deleted since: its history stays (the journal links here), and it can be added again as it was. */
function DeletedGroup({ history }: { history: SynonymHistoryEntry[] }) {
  const deletion = history.find((entry) => entry.action === SYNONYM_AUDIT_ACTIONS.delete);
  const last = deletion?.before ?? history.find((entry) => entry.after)?.after ?? null;
  const label = last?.terms[0] ?? '';
  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/recherche">← Recherche : synonymes</Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">Groupe « {label} » (supprimé)</h1>
      <p className="max-w-3xl">
        {deletion ? (
          <>
            Ce groupe a été supprimé le <time dateTime={deletion.createdAt}>{formatDate(deletion.createdAt)}</time>
            {deletion.actorName ? ` par ${deletion.actorName}` : ''}. La recherche ne s’en sert plus.
          </>
        ) : (
          'Ce groupe n’existe plus. La recherche ne s’en sert plus.'
        )}
      </p>
      {last && (
        <section aria-labelledby="recreer" className="space-y-3">
          <h2 id="recreer" className="text-2xl font-semibold">
            Recréer ce groupe
          </h2>
          <p className="max-w-3xl">Le formulaire reprend le groupe tel qu’il était. Modifiez-le au besoin : il sera ajouté comme un nouveau groupe.</p>
          <SynonymGroupForm group={null} restoring={last} />
        </section>
      )}
      <History history={history} />
    </div>
  );
}

export default async function SynonymGroupPage({ params, searchParams }: Props) {
  await connection();
  await requireUser();
  const [{ id }, { etat }] = await Promise.all([params, searchParams]);
  const db = getDb();
  const [group, history] = await Promise.all([getSynonymGroup(db, id), listSynonymGroupHistory(db, id)]);
  if (!group) {
    if (history.length === 0) notFound();
    return <DeletedGroup history={history} />;
  }
  const state = typeof etat === 'string' ? STATE_MESSAGES[etat] : undefined;
  const label = group.terms[0] ?? '';
  return (
    <div className="space-y-8">
      <p>
        <Link href="/admin/recherche">← Recherche : synonymes</Link>
      </p>
      <h1 className="text-3xl font-bold text-brand-900">Groupe « {label} »</h1>
      {state && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          <strong>C’est fait : </strong>
          {state} La prochaine recherche s’en sert déjà.
        </p>
      )}
      <SynonymGroupForm group={group} key={group.version} />

      <History history={history} />

      <section aria-labelledby="supprimer" className="space-y-3">
        <h2 id="supprimer" className="text-2xl font-semibold">
          Supprimer ce groupe
        </h2>
        <DeleteSynonymGroupForm id={group.id} version={group.version} label={label} />
      </section>
    </div>
  );
}
