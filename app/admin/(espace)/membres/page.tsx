import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { InviteMemberForm } from '@/components/admin/invite-member-form';
import { MemberStatus } from '@/components/admin/member-status';
import { ROLE_LABELS } from '@/components/admin/labels';
import { requireRole } from '@/lib/authz';
import { listMembers } from '@/lib/data/users';

export const metadata: Metadata = { title: 'Membres' };

export default async function MembersPage() {
  await connection();
  await requireRole('ADMIN');
  const members = await listMembers();

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Membres</h1>
        <p>Les personnes qui peuvent se connecter à l’administration du répertoire.</p>
      </header>

      <section aria-labelledby="titre-liste" className="space-y-3">
        <h2 id="titre-liste" className="text-2xl font-semibold">
          {members.length} {members.length > 1 ? 'comptes' : 'compte'}
        </h2>
        <ul className="divide-y divide-slate-200 border-y border-slate-200">
          {members.map((member) => (
            <li key={member.id} className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 py-3">
              <div className="min-w-0">
                <Link href={`/admin/membres/${member.id}`} className="font-medium">
                  {member.name}
                </Link>
                <p className="break-all text-sm text-slate-700">{member.email}</p>
              </div>
              <p className="text-sm">
                {ROLE_LABELS[member.role]} · <MemberStatus member={member} />
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="titre-inviter" className="space-y-3">
        <h2 id="titre-inviter" className="text-2xl font-semibold">
          Inviter une personne
        </h2>
        <p>
          Le répertoire n’envoie pas de courriel : vous obtiendrez un lien à lui transmettre vous-même. Il fonctionne une seule fois,
          pendant 7 jours, et lui permet de choisir son mot de passe.
        </p>
        <InviteMemberForm />
      </section>
    </div>
  );
}
