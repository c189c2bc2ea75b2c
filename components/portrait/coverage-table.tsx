import { Abbreviated } from '@/components/ui/abbreviated';
import Link from 'next/link';
import { costLabels, needKindLabels, regionLabels } from '@/lib/labels';
import type { CoverageRow } from '@/lib/portrait/types';
import { needPath } from '@/lib/seo/urls';

/** Solutions, providers, regions and costs of each need, in the inventory's order. */
export function CoverageTable({ rows }: { rows: CoverageRow[] }) {
  return (
    // The table is wider than a phone: it scrolls inside its own box, reachable by keyboard.
    <div role="region" aria-labelledby="couverture-legende" tabIndex={0} className="table-scroll overflow-x-auto">
      <table className="w-full min-w-[48rem] border-collapse text-left text-sm">
        <caption id="couverture-legende" className="mb-2 text-left text-slate-700">
          Pour chaque besoin : ses solutions qui existent déjà, celles dont l’existence est à confirmer, les idées pas encore
          offertes et les fournisseurs. Puis les régions et les coûts de ses solutions qui existent déjà.
        </caption>
        <thead>
          <tr className="border-b-2 border-slate-500 align-bottom">
            <th scope="col" className="py-2 pr-3">Besoin ou enjeu</th>
            <th scope="col" className="py-2 pr-3 text-right">Solutions existantes</th>
            <th scope="col" className="py-2 pr-3 text-right">Existence à confirmer</th>
            <th scope="col" className="py-2 pr-3 text-right">Idées, pas encore offertes</th>
            <th scope="col" className="py-2 pr-3 text-right">Fournisseurs</th>
            <th scope="col" className="py-2 pr-3">Régions couvertes</th>
            <th scope="col" className="py-2">Coûts</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.slug} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={needPath(row.slug)} className="font-medium">
                  <Abbreviated text={row.title} />
                </Link>
                <span className="block text-slate-700">
                  {needKindLabels[row.kind]}
                  {row.theme ? ` · ${row.theme}` : ''}
                </span>
                {row.existing === 0 && <span className="mt-1 block font-semibold text-orange-900">Aucune solution existante</span>}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{row.existing}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{row.unconfirmed}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{row.proposed}</td>
              <td className="py-2 pr-3 text-right tabular-nums">{row.providers}</td>
              <td className="py-2 pr-3">{row.regions.length > 0 ? row.regions.map((region) => regionLabels[region]).join(', ') : 'Non précisé'}</td>
              <td className="py-2">{row.costs.length > 0 ? row.costs.map((cost) => costLabels[cost]).join(', ') : 'Non précisé'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
