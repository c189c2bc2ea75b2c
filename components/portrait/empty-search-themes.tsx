import { getEmptySearchThemes } from '@/lib/data/empty-searches';
import { SHOWN_AFTER_DAYS } from '@/lib/search/empty-searches';
import { THEMED_QUERIES_LIMIT } from '@/lib/search/empty-search-themes';

/** /portrait: what people searched for in vain, by theme; counts only, never the words. */
export async function EmptySearchThemesSection({ now }: { now: Date }) {
  const data = await getEmptySearchThemes(now.toISOString().slice(0, 10));
  const rows = [
    ...data.themes.map((row) => ({ label: row.theme, searches: row.searches, queries: row.queries })),
    ...(data.unthemed.queries > 0 ? [{ label: 'Trouvent des fiches, sans thème', ...data.unthemed }] : []),
    ...(data.unanswered.queries > 0 ? [{ label: 'Sans réponse encore', ...data.unanswered }] : []),
  ];
  return (
    <section aria-labelledby="titre-sans-trouver" className="space-y-3">
      <h2 id="titre-sans-trouver" className="text-2xl font-semibold">
        Ce que les gens cherchent sans trouver
      </h2>
      <p className="max-w-3xl">
        Les recherches faites sur ce site qui n’ont rien trouvé, pendant les {data.periodDays} derniers jours. Seules
        comptent celles faites au moins {SHOWN_AFTER_DAYS} jours différents. Nous montrons des nombres, jamais les mots
        cherchés.
      </p>
      <p className="max-w-3xl text-slate-800">
        Comment nous rangeons une recherche : sans résultat, elle n’a pas de fiche, donc pas de thème. Nous la refaisons
        donc aujourd’hui. Elle compte dans le thème du premier besoin qu’elle trouve (souvent grâce à un synonyme ajouté
        depuis par la Table). Si elle ne trouve toujours rien, elle est « sans réponse encore » : c’est ce qui manque le plus
        au répertoire. Nous comptons les {THEMED_QUERIES_LIMIT} recherches les plus fréquentes.
      </p>
      {rows.length === 0 ? (
        <p>Aucune recherche sans résultat à compter pour cette période.</p>
      ) : (
        <table className="w-full max-w-3xl border-collapse text-left">
          <caption className="sr-only">Recherches sans résultat des {data.periodDays} derniers jours, par thème</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="py-2 pr-4">Thème</th>
              <th scope="col" className="py-2 pr-4 text-right">Recherches</th>
              <th scope="col" className="py-2 text-right">Recherches différentes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-b border-slate-200">
                <th scope="row" className="py-2 pr-4 font-normal">{row.label}</th>
                <td className="py-2 pr-4 text-right">{row.searches}</td>
                <td className="py-2 text-right">{row.queries}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
