import { Abbreviated } from '@/components/ui/abbreviated';
import Link from 'next/link';
import { formatDate } from '@/lib/format';
import { needKindLabels } from '@/lib/labels';
import type { EntryType, Gaps as GapsData, SolutionGap } from '@/lib/portrait/types';
import { needPath, providerPath, solutionPath } from '@/lib/seo/urls';

const entryLabels: Record<EntryType, { one: string; many: string; path: (slug: string) => string }> = {
  need: { one: 'Besoin ou enjeu', many: 'Besoins et enjeux', path: needPath },
  solution: { one: 'Solution', many: 'Solutions', path: solutionPath },
  provider: { one: 'Fournisseur', many: 'Fournisseurs', path: providerPath },
};

function SolutionGapList({ solutions }: { solutions: SolutionGap[] }) {
  if (solutions.length === 0) return null;
  return (
    <ul className="list-disc space-y-1 pl-6">
      {solutions.map((solution) => (
        <li key={solution.slug}>
          <Link href={solutionPath(solution.slug)}><Abbreviated text={solution.title} /></Link>
          {solution.needs.length > 0 && (
            <span className="text-slate-700"> — pour : {solution.needs.map((need) => need.title).join(' ; ')}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function Gaps({ gaps }: { gaps: GapsData }) {
  const totals = gaps.verification.reduce(
    (sum, row) => ({
      total: sum.total + row.total,
      current: sum.current + row.current,
      stale: sum.stale + row.stale,
      never: sum.never + row.never,
      toVerify: sum.toVerify + row.toVerify,
    }),
    { total: 0, current: 0, stale: 0, never: 0, toVerify: 0 },
  );
  return (
    <div className="space-y-8">
      <section aria-labelledby="manques-sans-existante" className="space-y-2">
        <h3 id="manques-sans-existante" className="text-xl font-semibold">
          Besoins sans aucune solution existante ({gaps.needsWithoutExisting.length})
        </h3>
        {gaps.needsWithoutExisting.length === 0 ? (
          <p>Chaque besoin a au moins une solution qui existe déjà.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {gaps.needsWithoutExisting.map((need) => (
              <li key={need.slug}>
                <Link href={needPath(need.slug)}><Abbreviated text={need.title} /></Link> ({needKindLabels[need.kind].toLowerCase()}) —{' '}
                {need.unconfirmed > 0 && `${need.unconfirmed} dont l’existence est à confirmer, `}
                {need.proposed === 0
                  ? 'aucune idée pas encore offerte'
                  : `${need.proposed} idée${need.proposed > 1 ? 's' : ''} pas encore offerte${need.proposed > 1 ? 's' : ''}`}
                {need.proposed === 0 && need.unconfirmed === 0 && ' non plus'}
              </li>
            ))}
          </ul>
        )}
      </section>

      {gaps.unconfirmed.length > 0 && (
        <section aria-labelledby="manques-a-confirmer" className="space-y-2">
          <h3 id="manques-a-confirmer" className="text-xl font-semibold">
            Solutions dont l’existence est à confirmer ({gaps.unconfirmed.length})
          </h3>
          <p className="text-slate-800">
            L’inventaire dit seulement qu’elles existent peut-être. Elles ne comptent pas parmi celles qui existent déjà
            tant qu’une personne ne l’a pas confirmé.
          </p>
          <SolutionGapList solutions={gaps.unconfirmed} />
        </section>
      )}

      <section aria-labelledby="manques-proposees" className="space-y-2">
        <h3 id="manques-proposees" className="text-xl font-semibold">
          Idées, pas encore offertes ({gaps.proposedOnly.length})
        </h3>
        <p className="text-slate-800">Des pistes nommées par le milieu qui n’existent pas encore : autant d’occasions de soutien.</p>
        <SolutionGapList solutions={gaps.proposedOnly} />
      </section>

      <section aria-labelledby="manques-verification" className="space-y-3">
        <h3 id="manques-verification" className="text-xl font-semibold">
          Fiches à vérifier ou à mettre à jour
        </h3>
        <div role="region" aria-labelledby="verification-legende" tabIndex={0} className="table-scroll overflow-x-auto">
          <table className="w-full min-w-[34rem] border-collapse text-left text-sm">
            <caption id="verification-legende" className="mb-2 text-left text-slate-700">
              Dernière vérification par une personne, par type de fiche.
            </caption>
            <thead>
              <tr className="border-b-2 border-slate-500 align-bottom">
                <th scope="col" className="py-2 pr-3">Fiches</th>
                <th scope="col" className="py-2 pr-3 text-right">Total</th>
                <th scope="col" className="py-2 pr-3 text-right">Vérifiées depuis 12 mois</th>
                <th scope="col" className="py-2 pr-3 text-right">Vérifiées il y a plus de 12 mois</th>
                <th scope="col" className="py-2 pr-3 text-right">Jamais vérifiées</th>
                <th scope="col" className="py-2 text-right">Signalées à vérifier</th>
              </tr>
            </thead>
            <tbody>
              {gaps.verification.map((row) => (
                <tr key={row.type} className="border-b border-slate-200">
                  <th scope="row" className="py-2 pr-3 font-normal">{entryLabels[row.type].many}</th>
                  <td className="py-2 pr-3 text-right tabular-nums">{row.total}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{row.current}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{row.stale}</td>
                  <td className="py-2 pr-3 text-right tabular-nums">{row.never}</td>
                  <td className="py-2 text-right tabular-nums">{row.toVerify}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr className="border-t-2 border-slate-500 font-semibold">
                <th scope="row" className="py-2 pr-3">Ensemble</th>
                <td className="py-2 pr-3 text-right tabular-nums">{totals.total}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{totals.current}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{totals.stale}</td>
                <td className="py-2 pr-3 text-right tabular-nums">{totals.never}</td>
                <td className="py-2 text-right tabular-nums">{totals.toVerify}</td>
              </tr>
            </tfoot>
          </table>
        </div>

        {gaps.stale.length > 0 && (
          <div className="space-y-1">
            <h4 className="font-semibold">Vérifiées il y a plus de 12 mois</h4>
            <ul className="list-disc space-y-1 pl-6">
              {gaps.stale.map((entry) => (
                <li key={`${entry.type}-${entry.slug}`}>
                  {entryLabels[entry.type].one} : <Link href={entryLabels[entry.type].path(entry.slug)}><Abbreviated text={entry.title} /></Link>
                  {entry.verifiedAt && !Number.isNaN(Date.parse(entry.verifiedAt)) ? ` (le ${formatDate(entry.verifiedAt)})` : ''}
                </li>
              ))}
            </ul>
          </div>
        )}

        {gaps.toVerify.length > 0 && (
          <details className="space-y-2">
            <summary className="cursor-pointer font-medium text-brand-700">
              Voir les {gaps.toVerify.length} fiches signalées « À vérifier »
            </summary>
            <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
              {gaps.toVerify.map((entry) => (
                <li key={`${entry.type}-${entry.slug}`}>
                  {entryLabels[entry.type].one} : <Link href={entryLabels[entry.type].path(entry.slug)}><Abbreviated text={entry.title} /></Link>
                  {entry.note && <span className="text-slate-700"> — <Abbreviated text={entry.note} /></span>}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    </div>
  );
}
