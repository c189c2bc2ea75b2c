import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { auditActionLabel, ROLE_LABELS } from '@/components/admin/labels';
import { MemberActions } from '@/components/admin/member-actions';
import { MemberStatus } from '@/components/admin/member-status';
import { requireRole } from '@/lib/authz';
import { listAuditEntries } from '@/lib/data/audit';
import { getMember } from '@/lib/data/users';
import { formatDate } from '@/lib/format';
import { userIdSchema } from '@/lib/validation/user';

export const metadata: Metadata = { title: 'Fiche d’un membre' };

const dateTime = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Toronto' });

export default async function MemberPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const admin = await requireRole('ADMIN');
  const id = userIdSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const [member, history] = await Promise.all([getMember(id.data), listAuditEntries({ entityType: 'User', entityId: id.data, limit: 20 })]);
  if (!member) notFound();

  return (
    <div className="space-y-10">
      <p>
        <Link href="/admin/membres">← Tous les membres</Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">{member.name}</h1>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">Courriel</dt>
          <dd className="break-all">{member.email}</dd>
          <dt className="font-medium">Rôle</dt>
          <dd>{ROLE_LABELS[member.role]}</dd>
          <dt className="font-medium">État</dt>
          <dd>
            <MemberStatus member={member} />
          </dd>
          <dt className="font-medium">Dernière connexion</dt>
          <dd>{member.lastSignInAt ? formatDate(member.lastSignInAt) : 'jamais'}</dd>
        </dl>
      </header>

      <MemberActions
        member={{ id: member.id, name: member.name, email: member.email, role: member.role, isActive: member.isActive }}
        isSelf={member.id === admin.id}
      />

      <section aria-labelledby="titre-historique" className="space-y-3">
        <h2 id="titre-historique" className="text-xl font-semibold">
          Historique du compte
        </h2>
        {history.length === 0 ? (
          <p>Aucune action enregistrée.</p>
        ) : (
          <ol className="space-y-1">
            {history.map((entry) => (
              <li key={entry.id}>
                <time dateTime={entry.createdAt}>{dateTime.format(new Date(entry.createdAt))}</time> : {auditActionLabel(entry.action)}
                {entry.actorName && entry.actorId !== member.id ? `, par ${entry.actorName}` : ''}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
