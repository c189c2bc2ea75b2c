import Form from 'next/form';
import { SEARCH_PATH } from '@/lib/search/params';
import { MAX_QUERY_LENGTH } from '@/lib/search/normalize';

/**
 * The search form of /recherche: a plain GET form (works without JavaScript; next/form
 * navigates without a full reload when JavaScript is there).
 */
export function SearchForm({ query }: { query: string }) {
  return (
    // No role="search" here: the header's form is the site's search landmark, and this one is
    // part of the page's main content, under its heading.
    <Form action={SEARCH_PATH} className="space-y-2">
      <label htmlFor="recherche-page" className="block font-medium">
        Besoin, solution, organisme ou mot-clé
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id="recherche-page"
          type="search"
          name="q"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          enterKeyHint="search"
          aria-describedby="recherche-page-aide"
          className="min-w-0 flex-1 basis-64 rounded-md border border-slate-500 px-3 py-2 text-base"
        />
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-900">
          Rechercher
        </button>
      </div>
      <p id="recherche-page-aide" className="text-sm text-slate-700">
        Les accents et les majuscules sont facultatifs. Mettez une expression entre guillemets pour la chercher telle
        quelle, un tiret devant un mot pour l’exclure.
      </p>
    </Form>
  );
}
