import { Abbreviated } from '@/components/ui/abbreviated';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AvailabilityBadge } from '@/components/inventory/availability-badge';
import { Badge } from '@/components/ui/badge';
import { basketItemPath } from '@/lib/basket/item-path';
import type { BasketContactDto, BasketItemDto, BasketProviderDto, BasketSolutionDto } from '@/lib/basket/types';
import { factValue } from '@/components/inventory/provider-facts';
import { fieldOf, publicLabel } from '@/lib/entries/fields';
import { providerEntry } from '@/lib/entries/provider';
import { availabilityLabels, costLabels, helpKindLabels, providerKindLabels, rolesSentence, withInferredMark } from '@/lib/labels';
import { MISSING_INFORMATION } from '@/lib/copy/vocabulary';

const MISSING = MISSING_INFORMATION;

function host(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

function phoneHref(phone: string): string {
  return `tel:${phone.replace(/[^+\d]/g, '')}`;
}

function Missing({ children = MISSING }: { children?: ReactNode }) {
  return <span className="text-slate-700 italic">{children}</span>;
}

/** Website, email and phone, each only when known; "coordonnées à compléter" otherwise. */
function ContactLine({ contact }: { contact: Pick<BasketContactDto, 'website' | 'email' | 'phone'> }) {
  const parts: ReactNode[] = [];
  if (contact.website) parts.push(<a key="web" href={contact.website}>{host(contact.website)}</a>);
  if (contact.email) parts.push(<a key="mail" href={`mailto:${contact.email}`}>{contact.email}</a>);
  if (contact.phone) parts.push(<a key="tel" href={phoneHref(contact.phone)}>{contact.phone}</a>);
  if (parts.length === 0) return <Missing>coordonnées à compléter</Missing>;
  return (
    <>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 && ' · '}
          {part}
        </span>
      ))}
    </>
  );
}

function SolutionDetails({ item }: { item: BasketSolutionDto }) {
  return (
    <>
      <p>
        <span className="font-medium">Ce qui est offert : </span>
        {item.kinds.length > 0
          ? withInferredMark(item.kinds.map((kind) => helpKindLabels[kind]).join(', '), item.inferredFields.includes('KINDS'), item.kinds.length > 1)
          : <Missing />}
        {item.cost !== 'UNKNOWN' && ` — ${withInferredMark(costLabels[item.cost], item.inferredFields.includes('COST'))}`}
      </p>
      <div>
        <p className="font-medium">Offert par :</p>
        {item.providers.length === 0 ? (
          <p>
            <Missing>Aucun organisme nommé pour l’instant (solution {availabilityLabels[item.availability].toLowerCase()}).</Missing>
          </p>
        ) : (
          <ul className="list-disc space-y-1 pl-5">
            {item.providers.map((provider) => (
              <li key={provider.slug}>
                <Link href={`/fournisseurs/${provider.slug}`}><Abbreviated text={provider.name} /></Link>
                {(!provider.roles.includes('OFFERS') || provider.inferredRoles.length > 0) && (
                  <span className="text-slate-700"> ({rolesSentence(provider.roles, provider.inferredRoles)})</span>
                )}{' '}
                — <ContactLine contact={provider} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}

// The facts of its definition's `basket` list, in order: « Non précisé » when unknown, or
// left out (`whenUnknown: 'omit'`).
const BASKET_FACTS = Object.entries(providerEntry.basket).map(([key, fact]) => ({ field: fieldOf(providerEntry, key)!, fact }));

function ProviderDetails({ item }: { item: BasketProviderDto }) {
  const facts = BASKET_FACTS.flatMap(({ field, fact }) => {
    const value = factValue(field, item[field.key as keyof BasketProviderDto]);
    if (value === null && fact.whenUnknown === 'omit') return [];
    return [{ label: 'label' in fact ? fact.label : publicLabel(field), value: value ?? <Missing /> }];
  });
  return (
    <>
      <div>
        <p className="font-medium">Ce qui est offert :</p>
        {item.offers.length === 0 ? (
          <p>
            <Missing>Aucune solution publiée ne le nomme encore.</Missing>
          </p>
        ) : (
          <ul className="list-disc space-y-0.5 pl-5">
            {item.offers.map((offer) => (
              <li key={offer.slug}>
                <Abbreviated text={offer.title} /> <span className="text-slate-700">({availabilityLabels[offer.availability].toLowerCase()})</span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <dl className="basket-facts grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {facts.map((fact) => (
          <div key={fact.label} className="contents print:flex print:gap-1">
            <dt className="font-medium">{fact.label}</dt>
            <dd className="break-words">{fact.value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** One entry of the basket, the shared list and the printed sheet. `action`: its remove button. */
export function BasketItem({ item, action }: { item: BasketItemDto; action?: ReactNode }) {
  return (
    <li className="basket-item space-y-2 rounded-md border border-slate-200 p-4 print:rounded-none print:border-0 print:border-b print:px-0 print:py-2">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            {item.kind === 'solution' ? (
              <>
                <Badge>Solution</Badge>
                <AvailabilityBadge availability={item.availability} />
              </>
            ) : (
              <Badge>{providerKindLabels[item.providerKind]}</Badge>
            )}
          </div>
          <h3 className="text-lg font-semibold">
            <Link href={basketItemPath(item)}><Abbreviated text={item.name} /></Link>
          </h3>
          {item.kind === 'provider' && item.alternateName && <p className="text-sm text-slate-700">Aussi écrit : <Abbreviated text={item.alternateName} /></p>}
        </div>
        {action}
      </div>
      {item.description && <p className="text-slate-800"><Abbreviated text={item.description} /></p>}
      {item.kind === 'solution' ? <SolutionDetails item={item} /> : <ProviderDetails item={item} />}
      {item.toVerify && (
        <p className="text-sm text-orange-950">
          <span className="font-semibold">À vérifier{item.verifyNote ? ' : ' : '.'}</span>
          {item.verifyNote && <Abbreviated text={item.verifyNote} />}
        </p>
      )}
    </li>
  );
}
