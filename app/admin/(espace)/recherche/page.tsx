import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { requireUser } from '@/lib/authz';
import { getDb } from '@/lib/db';
import { SHOWN_AFTER_DAYS, listTopEmptySearches } from '@/lib/search/empty-searches';
import { SYNONYM_GROUPS_PAGE_SIZE, listSynonymGroups } from '@/lib/synonyms/admin';

export const metadata: Metadata = { title: 'Recherche : synonymes et recherches sans résultat' };

type Props = { searchParams: Promise<{ periode?: string | string[]; filtre?: string | string[]; page?: string | string[]; etat?: string | string[] }> };

const PERIODS = [30, 90] as const;
const first = (value: string | string[] | undefined): string => (Array.isArray(value) ? (value[0] ?? '') : (value ?? ''));

export default async function SearchAdminPage({ searchParams }: Props) {
  await connection();
  await requireUser();
  const params = await searchParams;
  const period = first(params.periode) === '90' ? 90 : 30;
  const filter = first(params.filtre).slice(0, 100);
  const page = Math.max(1, Math.min(1000, Number.parseInt(first(params.page), 10) || 1));
  const db = getDb();
  const [empty, { total, groups }] = await Promise.all([listTopEmptySearches(db, { periodDays: period }), listSynonymGroups(db, { filter, page })]);
  const pageCount = Math.max(1, Math.ceil(total / SYNONYM_GROUPS_PAGE_SIZE));
  const pageHref = (target: number) => `/admin/recherche?${new URLSearchParams({ ...(filter ? { filtre: filter } : {}), page: String(target) })}#groupes`;

  return (
    <div className="space-y-10">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold text-brand-900">Recherche : synonymes et recherches sans résultat</h1>
        <p className="max-w-3xl">
          Les gens tapent leurs mots (« ordi », « burnout », « OSBL ») ; le répertoire emploie ceux de l’inventaire. Les
          groupes de synonymes relient les deux. Un changement sert dès la recherche suivante.
        </p>
      </header>
      {first(params.etat) === 'supprime' && (
        <p role="status" className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          <strong>C’est fait : </strong>groupe supprimé.
        </p>
      )}

      <section aria-labelledby="sans-resultat" className="space-y-3">
        <h2 id="sans-resultat" className="text-2xl font-semibold">
          Recherches sans résultat
        </h2>
        <p className="max-w-3xl text-slate-800">
          Ce que les gens ont cherché sans rien trouver, pendant les {period} derniers jours. Une recherche n’apparaît ici
          qu’une fois faite au moins {SHOWN_AFTER_DAYS} jours différents pendant cette période : rien de ce qu’une seule
          personne a tapé une fois n’est montré.
        </p>
        <nav aria-label="Période" className="flex gap-4">
          {PERIODS.map((days) => (
            <Link key={days} href={`/admin/recherche?periode=${days}`} aria-current={days === period ? 'page' : undefined} className={days === period ? 'font-bold' : ''}>
              {days} derniers jours
            </Link>
          ))}
        </nav>
        {empty.length === 0 ? (
          <p data-testid="aucune-recherche-vaine">Aucune recherche sans résultat à montrer pour cette période.</p>
        ) : (
          <table className="w-full max-w-4xl border-collapse text-left">
            <caption className="sr-only">Recherches sans résultat des {period} derniers jours, les plus fréquentes d’abord</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">Recherche</th>
                <th scope="col" className="py-2 pr-4">Fois</th>
                <th scope="col" className="py-2 pr-4">Jours</th>
                <th scope="col" className="py-2">Que faire</th>
              </tr>
            </thead>
            <tbody>
              {empty.map((row) => (
                <tr key={row.query} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 break-words">« {row.query} »</td>
                  <td className="py-2 pr-4">{row.searches}</td>
                  <td className="py-2 pr-4">{row.days}</td>
                  <td className="space-x-4 py-2">
                    <Link href={`/admin/recherche/nouveau?terme=${encodeURIComponent(row.query)}`} aria-label={`Ajouter un synonyme pour « ${row.query} »`}>
                      Ajouter un synonyme
                    </Link>
                    <Link href={`/suggerer?recherche=${encodeURIComponent(row.query)}`} aria-label={`Suggérer une fiche pour « ${row.query} »`}>
                      Suggérer une fiche
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="groupes" className="space-y-4">
        <h2 id="groupes" className="text-2xl font-semibold">
          Groupes de synonymes ({total})
        </h2>
        <p>
          <Link href="/admin/recherche/nouveau" className="font-medium">
            Ajouter un groupe de synonymes
          </Link>
        </p>
        <form action="/admin/recherche" method="get" className="flex flex-wrap items-end gap-3" role="search">
          <div className="space-y-1">
            <label htmlFor="filtre-synonymes" className="block font-medium">
              Trouver un groupe par un de ses termes
            </label>
            <input id="filtre-synonymes" name="filtre" type="search" defaultValue={filter} className="block w-64 rounded border border-slate-500 px-3 py-2" />
          </div>
          <button type="submit" className="rounded border border-brand-700 bg-white px-4 py-2 font-medium text-brand-900">
            Filtrer
          </button>
        </form>
        {groups.length === 0 ? (
          <p>Aucun groupe ne contient ce terme.</p>
        ) : (
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Groupes de synonymes, par premier terme</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="py-2 pr-4">Termes</th>
                <th scope="col" className="py-2 pr-4">Cherchent aussi</th>
                <th scope="col" className="py-2">Groupe</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((group) => (
                <tr key={group.id} className="border-b border-slate-200 align-top">
                  <td className="py-2 pr-4 break-words">{group.terms.join(', ')}</td>
                  <td className="py-2 pr-4 break-words">{group.oneWay ? group.expandsTo.join(', ') : 'les uns les autres (deux sens)'}</td>
                  <td className="py-2">
                    <Link href={`/admin/recherche/${group.id}`} aria-label={`Modifier le groupe « ${group.terms[0]} »`}>
                      Modifier
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pageCount > 1 && (
          <nav aria-label="Pages des groupes" className="flex gap-4">
            {page > 1 && <Link href={pageHref(page - 1)}>Page précédente</Link>}
            <span>
              Page {page} sur {pageCount}
            </span>
            {page < pageCount && <Link href={pageHref(page + 1)}>Page suivante</Link>}
          </nav>
        )}
      </section>
    </div>
  );
}
