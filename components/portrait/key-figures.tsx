import type { KeyFigures as Figures } from '@/lib/portrait/types';

const percent = new Intl.NumberFormat('fr-CA', { style: 'percent', maximumFractionDigits: 0 });

export function KeyFigures({ figures }: { figures: Figures }) {
  const items = [
    {
      value: String(figures.needs + figures.issues),
      label: 'besoins et enjeux',
      detail: `${figures.needs} besoin${figures.needs > 1 ? 's' : ''}, ${figures.issues} enjeu${figures.issues > 1 ? 'x' : ''}`,
    },
    { value: String(figures.existingSolutions), label: 'solutions qui existent déjà' },
    {
      value: String(figures.unconfirmedSolutions),
      label: 'solutions dont l’existence est à confirmer',
      detail: 'ni existantes ni idées',
    },
    { value: String(figures.proposedSolutions), label: 'idées pas encore offertes' },
    { value: String(figures.providers), label: 'fournisseurs', detail: 'chacun, un organisme ou un programme' },
    {
      value: percent.format(figures.verifiedShare),
      label: 'des fiches vérifiées depuis 12 mois',
      detail: `${figures.verifiedRecently} sur ${figures.entries}`,
    },
  ];
  return (
    <dl className="key-figures grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {items.map((item) => (
        <div key={item.label} className="flex flex-col rounded-md border border-brand-100 bg-brand-50 p-3">
          <dt className="order-2 text-sm text-slate-800">
            {item.label}
            {item.detail && <span className="block text-slate-700">({item.detail})</span>}
          </dt>
          <dd className="order-1 text-3xl font-bold text-brand-900">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
