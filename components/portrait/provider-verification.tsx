import type { ProviderVerificationShares } from '@/lib/verification/shares';

const percent = new Intl.NumberFormat('fr-CA', { style: 'percent', maximumFractionDigits: 0 });

/**
 * The providers' verification as three shares (count and total beside each): on the funders'
 * portrait and on the admin dashboard.
 */
export function ProviderVerificationFigures({ shares }: { shares: ProviderVerificationShares }) {
  const of = (count: number) => `${count} sur ${shares.providers}`;
  const items = [
    { value: shares.verifiedRecently.share, label: 'des fournisseurs vérifiés depuis 12 mois', detail: of(shares.verifiedRecently.count) },
    { value: shares.confirmedThisYear.share, label: `des fournisseurs vérifiés en ${shares.year}`, detail: of(shares.confirmedThisYear.count) },
    { value: shares.withoutContact.share, label: 'des fournisseurs sans adresse pour leur écrire', detail: of(shares.withoutContact.count) },
  ];
  return (
    <dl className="provider-figures grid grid-cols-1 gap-3 sm:grid-cols-3">
      {items.map((item) => (
        <div key={item.label} className="flex flex-col rounded-md border border-brand-100 bg-brand-50 p-3">
          <dt className="order-2 text-sm text-slate-800">
            {item.label}
            <span className="block text-slate-700">({item.detail})</span>
          </dt>
          <dd className="order-1 text-3xl font-bold text-brand-900">{percent.format(item.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
