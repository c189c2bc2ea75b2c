import Form from 'next/form';
import Link from 'next/link';
import { BasketLink } from '@/components/basket/basket-link';
import { MAX_QUERY_LENGTH } from '@/lib/search/normalize';
import { SEARCH_PATH } from '@/lib/search/params';

const navigation = [
  { href: '/trouver', label: 'Trouver de l’aide' },
  { href: '/besoins', label: 'Besoins et solutions' },
  { href: '/solutions', label: 'Solutions A–Z' },
  { href: '/fournisseurs', label: 'Fournisseurs A–Z' },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-brand-50">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-3 px-4 py-3">
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
            <li>
              <BasketLink />
            </li>
          </ul>
        </nav>
        {/* A plain GET form: it works without JavaScript (next/form only adds client-side navigation). */}
        <Form action={SEARCH_PATH} role="search" aria-label="Rechercher dans le répertoire" className="no-print flex w-full items-center gap-2 sm:max-w-xl">
          <label htmlFor="recherche-site" className="shrink-0 font-medium text-brand-900">
            Rechercher
          </label>
          <input
            id="recherche-site"
            type="search"
            name="q"
            maxLength={MAX_QUERY_LENGTH}
            autoComplete="off"
            enterKeyHint="search"
            placeholder="ex. : loi 25, formation, TechSoup"
            className="min-w-0 flex-1 rounded-md border border-slate-500 bg-white px-3 py-1.5 text-base placeholder:text-slate-600"
          />
          <button
            type="submit"
            className="shrink-0 rounded-md bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-900"
          >
            {/* An icon drawn here rather than an emoji, which may be missing from the system fonts. */}
            <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
              <circle cx="8.5" cy="8.5" r="5.5" />
              <path d="m13 13 5 5" strokeLinecap="round" />
            </svg>
            <span className="sr-only">Lancer la recherche</span>
          </button>
        </Form>
      </div>
    </header>
  );
}
