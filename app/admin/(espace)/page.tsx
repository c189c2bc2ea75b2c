import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ProviderVerificationFigures } from '@/components/portrait/provider-verification';
import { journalActionLabel, journalHref } from '@/components/admin/journal-labels';
import { PrivacyOfficerTask } from '@/components/admin/privacy-officer-task';
import { requireUser } from '@/lib/authz';
import { getDashboard, type DashboardEntry } from '@/lib/data/admin/dashboard';
import { getDb } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { ENTRY_TYPE_LABELS } from '@/lib/history/fields';

export const metadata: Metadata = { title: 'Tableau de bord' };

const dateTime = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'America/Toronto' });

function EntryLinks({ items, dateLabel }: { items: DashboardEntry[]; dateLabel: string }) {
  return (
    <ul className="space-y-1">
      {items.map((item) => (
        <li key={`${item.type}-${item.id}`}>
          <Link href={`/admin/${ENTRY_TYPE_LABELS[item.type].path}/${item.id}`}>{item.title}</Link>{' '}
          <span className="text-sm text-slate-700">
            ({ENTRY_TYPE_LABELS[item.type].one}, {dateLabel} {item.date ? formatDate(item.date) : 'jamais'})
          </span>
        </li>
      ))}
    </ul>
  );
}

function Card({ id, title, count, children }: { id: string; title: string; count: number; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3 rounded border border-slate-300 p-4">
      <h2 id={id} className="text-xl font-semibold">
        {title} : <span className="tabular-nums">{count}</span>
      </h2>
      {children}
    </section>
  );
}

export default async function AdminDashboardPage() {
  await connection();
  const user = await requireUser();
  const dashboard = await getDashboard(getDb());
  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Bonjour {user.name}</h1>
        <p>Ce qui attend la Table dans le répertoire.</p>
      </header>
      <PrivacyOfficerTask />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card id="titre-suggestions" title="Suggestions en attente" count={dashboard.pendingSuggestions}>
          <p>
            <Link href="/admin/suggestions">Traiter les suggestions du public</Link>
          </p>
        </Card>
        <Card id="titre-brouillons" title="Brouillons" count={dashboard.drafts.count}>
          {dashboard.drafts.count === 0 ? <p>Aucun brouillon.</p> : <EntryLinks items={dashboard.drafts.items} dateLabel="modifié le" />}
          <p className="text-sm">
            <Link href="/admin/besoins?statut=DRAFT">Besoins</Link> · <Link href="/admin/solutions?statut=DRAFT">Solutions</Link> ·{' '}
            <Link href="/admin/fournisseurs?statut=DRAFT">Fournisseurs</Link>
          </p>
        </Card>
        <Card id="titre-a-verifier" title="Fiches « à vérifier »" count={dashboard.toVerify.count}>
          {dashboard.toVerify.count === 0 ? <p>Aucune fiche signalée.</p> : <EntryLinks items={dashboard.toVerify.items} dateLabel="vérifiée le" />}
          <p className="text-sm">
            <Link href="/admin/besoins?averifier=1">Besoins</Link> · <Link href="/admin/solutions?averifier=1">Solutions</Link> ·{' '}
            <Link href="/admin/fournisseurs?averifier=1">Fournisseurs</Link>
          </p>
        </Card>
        <Card id="titre-anciennes" title="Publiées, non vérifiées depuis 12 mois ou jamais" count={dashboard.stale.count}>
          {dashboard.stale.count === 0 ? <p>Toutes les fiches publiées ont été vérifiées dans la dernière année.</p> : <EntryLinks items={dashboard.stale.items} dateLabel="vérifiée le" />}
        </Card>
      </div>
      <section aria-labelledby="titre-verification" className="space-y-3">
        <h2 id="titre-verification" className="text-xl font-semibold">
          Vérification des fournisseurs publiés
        </h2>
        <ProviderVerificationFigures shares={dashboard.providerShares} />
        <p>
          <Link href="/admin/verification">Demander aux fournisseurs de vérifier leur fiche</Link>
        </p>
      </section>
      <section aria-labelledby="titre-recents" className="space-y-3">
        <h2 id="titre-recents" className="text-xl font-semibold">
          Changements récents
        </h2>
        {dashboard.recent.length === 0 ? (
          <p>Aucun changement enregistré.</p>
        ) : (
          <ol className="space-y-1">
            {dashboard.recent.map((entry) => {
              const href = journalHref(entry.entityType, entry.entityId);
              const label = `${journalActionLabel(entry.action, entry.entityType)}${entry.label ? ` — ${entry.label}` : ''}`;
              return (
                <li key={entry.id}>
                  <time dateTime={entry.createdAt}>{dateTime.format(new Date(entry.createdAt))}</time> : {href && entry.entityType !== 'User' ? <Link href={href}>{label}</Link> : label}
                  {entry.actorName ? `, par ${entry.actorName}` : ''}
                </li>
              );
            })}
          </ol>
        )}
        {user.role === 'ADMIN' && (
          <p>
            <Link href="/admin/journal">Tout le journal</Link>
          </p>
        )}
      </section>
      <p>
        <Link href="/">Voir le site public</Link>
      </p>
    </div>
  );
}
