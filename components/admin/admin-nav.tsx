import Link from 'next/link';
import { SignOutButton } from '@/components/admin/sign-out-button';
import { ROLE_LABELS } from '@/components/admin/labels';
import type { CurrentUser } from '@/lib/authz';

/** Navigation of the admin area. Shows links by role for convenience only: pages check. */
export function AdminNav({ user }: { user: Pick<CurrentUser, 'name' | 'role'> | null }) {
  return (
    <div className="mb-8 flex flex-wrap items-center justify-between gap-4 rounded border border-slate-200 bg-slate-50 px-4 py-3">
      <nav aria-label="Administration">
        <ul className="flex flex-wrap gap-x-5 gap-y-1">
          <li>
            <Link href="/admin" className="font-medium">
              Tableau de bord
            </Link>
          </li>
          {user?.role === 'ADMIN' && (
            <li>
              <Link href="/admin/membres" className="font-medium">
                Membres
              </Link>
            </li>
          )}
        </ul>
      </nav>
      {user && (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <p>
            {user.name} <span className="text-slate-700">({ROLE_LABELS[user.role]})</span>
          </p>
          <SignOutButton />
        </div>
      )}
    </div>
  );
}
