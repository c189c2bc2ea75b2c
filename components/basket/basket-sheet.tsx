import type { ReactNode } from 'react';
import { BasketItem } from '@/components/basket/basket-item';
import type { BasketItemDto } from '@/lib/basket/types';
import { formatDate } from '@/lib/format';

/**
 * The printable part: a title, a line that only paper shows (where the list comes from, the
 * date, the link that opens it again) and the items. Everything around it is `no-print`.
 */
export function BasketSheet({
  title,
  intro,
  items,
  link,
  now,
  actionFor,
  children,
}: {
  title: string;
  intro?: ReactNode;
  items: BasketItemDto[];
  /** The share link, printed so that the paper leads back to the list. */
  link?: string;
  now: Date;
  actionFor?: (item: BasketItemDto) => ReactNode;
  /** Shown between the title and the items: confirmations, warnings (not printed). */
  children?: ReactNode;
}) {
  return (
    <>
      <header className="space-y-3">
        <p className="hidden text-sm print:block">
          Répertoire numérique communautaire — liste du {formatDate(now.toISOString())}
          {link && (
            <>
              <br />
              En ligne : {link}
            </>
          )}
        </p>
        <h1 className="text-3xl font-bold text-brand-900 print:text-2xl print:text-black">{title}</h1>
        {intro}
      </header>
      {children}
      {items.length > 0 && (
        <section aria-labelledby="titre-elements" className="space-y-3">
          <h2 id="titre-elements" className="text-2xl font-semibold print:text-lg">
            {items.length} fiche{items.length > 1 ? 's' : ''}
          </h2>
          <ol className="space-y-3 print:space-y-0">
            {items.map((item) => (
              <BasketItem key={`${item.kind}:${item.slug}`} item={item} action={actionFor?.(item)} />
            ))}
          </ol>
        </section>
      )}
    </>
  );
}
