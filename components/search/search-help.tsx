import { Abbreviated } from '@/components/ui/abbreviated';
import Link from 'next/link';
import type { NeedSummaryDto } from '@/lib/data/types';
import { EXAMPLE_SEARCHES } from '@/lib/search/examples';
import { searchHref } from '@/lib/search/params';
import { quoted } from '@/lib/search/wording';

type ThemeGroup = { name: string; needs: NeedSummaryDto[] };

function groupByTheme(needs: NeedSummaryDto[]): ThemeGroup[] {
  const groups = new Map<string, ThemeGroup>();
  for (const need of needs) {
    const name = need.theme?.name ?? 'Autres besoins';
    const group = groups.get(name) ?? { name, needs: [] };
    group.needs.push(need);
    groups.set(name, group);
  }
  return [...groups.values()];
}

/**
 * What to do when there is nothing to show: what can be searched, examples, the guided
 * questionnaire, and every need grouped by theme.
 */
export function SearchHelp({ needs, headingLevel = 2 }: { needs: NeedSummaryDto[]; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as const;
  const themes = groupByTheme(needs);
  return (
    <div className="space-y-8">
      <section aria-labelledby="titre-exemples" className="space-y-3">
        <Heading id="titre-exemples" className="text-xl font-semibold">
          Que chercher ?
        </Heading>
        <p>
          Décrivez ce qui est difficile dans vos mots. Ou nommez un fournisseur, une loi ou un type d’aide.
          Par exemple :
        </p>
        <ul className="grid gap-2 sm:grid-cols-2">
          {EXAMPLE_SEARCHES.map((example) => (
            <li key={example.query}>
              <Link href={searchHref({ query: example.query })}>
                <Abbreviated text={quoted(example.query)} />
              </Link>
              <span className="text-slate-700"> — {example.what}</span>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="titre-guide" className="space-y-2 rounded-md bg-brand-50 p-4">
        <Heading id="titre-guide" className="text-xl font-semibold">
          Vous ne savez pas par où commencer ?
        </Heading>
        <p>
          <Link href="/trouver" className="font-medium">
            Répondez à quelques questions
          </Link>{' '}
          sur votre organisme et ce qui vous bloque : le répertoire vous propose les solutions qui conviennent. Vous pouvez
          aussi <Link href="/besoins">parcourir tous les besoins et leurs solutions</Link> ou{' '}
          <Link href="/fournisseurs">les fournisseurs de A à Z</Link>.
        </p>
      </section>

      {themes.length > 0 && (
        <section aria-labelledby="titre-themes" className="space-y-3">
          <Heading id="titre-themes" className="text-xl font-semibold">
            Les besoins par thème
          </Heading>
          <ul className="grid gap-4 sm:grid-cols-2">
            {themes.map((theme) => (
              <li key={theme.name}>
                <p className="font-medium">
                  <Abbreviated text={theme.name} />
                </p>
                <ul className="mt-1 list-disc space-y-1 pl-5">
                  {theme.needs.map((need) => (
                    <li key={need.slug}>
                      <Link href={`/besoins/${need.slug}`}><Abbreviated text={need.title} /></Link>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
