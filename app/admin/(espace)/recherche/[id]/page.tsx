import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { DeleteSynonymGroupForm, SynonymGroupForm } from '@/components/search-admin/synonym-group-form';
import { requireUser } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { SYNONYM_AUDIT_ACTIONS, getSynonymGroup, listSynonymGroupHistory } from '@/lib/synonyms/admin';

export const metadata: Metadata = { title: 'Groupe de synonymes' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ etat?: string | string[] }> };

const ACTION_LABELS: Record<string, string> = {
  [SYNONYM_AUDIT_ACTIONS.create]: 'Ajouté',
  [SYNONYM_AUDIT_ACTIONS.update]: 'Modifié',
};
const STATE_MESSAGES: Record<string, string> = { cree: 'groupe ajouté.', modifie: 'modifications enregistrées.' };

export default async function SynonymGroupPage({ params, searchParams }: Props) {
  await connection();
  await requireUser();
  const [{ id }, { etat }] = await Promise.all([params, searchParams]);
  const db = getDb();
  const [group, history] = await Promise.all([getSynonymGroup(db, id), listSynonymGroupHistory(db, id)]);
  if (!group) notFound();
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

      <section aria-labelledby="historique" className="space-y-3">
        <h2 id="historique" className="text-2xl font-semibold">
          Historique
        </h2>
        {history.length === 0 ? (
          <p>Aucun changement depuis le chargement de la liste de départ.</p>
        ) : (
          <ol className="space-y-2">
            {history.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.createdAt}>{formatDate(entry.createdAt)}</time> — {ACTION_LABELS[entry.action] ?? entry.action}
                {entry.actorName ? ` par ${entry.actorName}` : ''}
                {entry.after ? ` : ${entry.after.terms.join(', ')}${entry.after.oneWay ? ` → ${entry.after.expandsTo.join(', ')}` : ''}` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="supprimer" className="space-y-3">
        <h2 id="supprimer" className="text-2xl font-semibold">
          Supprimer ce groupe
        </h2>
        <DeleteSynonymGroupForm id={group.id} version={group.version} label={label} />
      </section>
    </div>
  );
}
