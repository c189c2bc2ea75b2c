import Link from 'next/link';

const navigation = [
  { href: '/besoins', label: 'Besoins et solutions' },
  { href: '/fournisseurs', label: 'Fournisseurs A–Z' },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-brand-50">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-brand-900 no-underline hover:underline">
          Répertoire numérique communautaire
        </Link>
        <nav aria-label="Navigation principale" className="no-print">
          <ul className="flex flex-wrap gap-x-5 gap-y-1">
            {navigation.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="font-medium">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
