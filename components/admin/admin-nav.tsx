import Link from 'next/link';
import { SignOutButton } from '@/components/admin/sign-out-button';
import { ROLE_LABELS } from '@/components/admin/labels';
import type { CurrentUser } from '@/lib/authz';

const LINKS: { href: string; label: string; adminOnly?: boolean }[] = [
  { href: '/admin', label: 'Tableau de bord' },
  { href: '/admin/besoins', label: 'Besoins' },
  { href: '/admin/solutions', label: 'Solutions' },
  { href: '/admin/fournisseurs', label: 'Fournisseurs' },
  { href: '/admin/themes', label: 'Thèmes' },
  { href: '/admin/suggestions', label: 'Suggestions' },
  { href: '/admin/verification', label: 'Vérification' },
  { href: '/admin/recherche', label: 'Recherche' },
  { href: '/admin/import', label: 'Importer' },
  { href: '/admin/journal', label: 'Journal', adminOnly: true },
  { href: '/admin/membres', label: 'Membres', adminOnly: true },
];

/** Navigation of the admin area. Shows links by role for convenience only: pages check. */
export function AdminNav({ user }: { user: Pick<CurrentUser, 'name' | 'role'> | null }) {
  return (
    <div className="mb-8 flex flex-wrap items-center justify-between gap-4 rounded border border-slate-200 bg-slate-50 px-4 py-3">
      <nav aria-label="Administration">
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {LINKS.filter((link) => (user ? !link.adminOnly || user.role === 'ADMIN' : link.href === '/admin')).map((link) => (
              <li key={link.href}>
                <Link href={link.href} className="font-medium">
                  {link.label}
                </Link>
              </li>
            ))}
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
