import Link from 'next/link';
import { readBasket } from '@/lib/basket/cookie';
import { BASKET_PATH } from '@/lib/basket/share-link';

/** « Panier (3) » for the site header; the count is read from the basket cookie. */
export async function BasketLink({ className = 'font-medium' }: { className?: string }) {
  const count = (await readBasket()).length;
  return (
    <Link href={BASKET_PATH} className={className}>
      Panier <span aria-hidden="true">({count})</span>
      {/* Read out as « Panier (3 fiches) »: one block, so that no space is added inside. */}
      <span className="sr-only">{`(${count} fiche${count > 1 ? 's' : ''})`}</span>
    </Link>
  );
}
