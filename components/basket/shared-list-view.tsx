import Link from 'next/link';
import { BasketSheet } from '@/components/basket/basket-sheet';
import { BasketTools } from '@/components/basket/basket-tools';
import { EmptyBasket } from '@/components/basket/empty-basket';
import { mergeIntoBasket, replaceBasket } from '@/lib/actions/basket';
import { serializeRefs, type BasketRef } from '@/lib/basket/refs';
import { BASKET_PATH, shareUrl } from '@/lib/basket/share-link';
import type { BasketItemDto } from '@/lib/basket/types';
import { BASKET_MAX_ITEMS } from '@/lib/validation/basket';

const primaryButton =
  'rounded border border-brand-700 bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800';
const secondaryButton =
  'rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50';

/**
 * /panier?liste=…: a list someone shared, read-only, rebuilt from the link alone (no
 * cookie, no JavaScript). The person can keep it in their own basket.
 */
export function SharedListView({
  items,
  unreadable,
  ownCount,
  siteUrl,
  now,
}: {
  items: BasketItemDto[];
  /** Entries of the link that could not be shown: damaged, beyond the limit, or no longer published. */
  unreadable: number;
  ownCount: number;
  siteUrl: string;
  now: Date;
}) {
  const refs: BasketRef[] = items.map((item) => ({ kind: item.kind, slug: item.slug }));
  const list = serializeRefs(refs);
  return (
    <div className="basket-sheet space-y-8">
      <BasketSheet
        title="Liste partagée"
        now={now}
        items={items}
        link={items.length > 0 ? shareUrl(siteUrl, refs) : undefined}
        intro={
          <p className="no-print max-w-3xl">
            Quelqu’un vous a transmis cette liste de solutions et de fournisseurs du répertoire. Elle s’affiche
            telle quelle ; elle n’est pas dans votre panier tant que vous ne l’y ajoutez pas.
          </p>
        }
      >
        {unreadable > 0 && (
          <p className="no-print rounded-md border-l-4 border-amber-500 bg-amber-50 p-4">
            {unreadable === 1
              ? 'Une fiche de ce lien n’a pas pu être affichée : le lien est peut-être incomplet, ou la fiche n’est plus dans le répertoire.'
              : `${unreadable} fiches de ce lien n’ont pas pu être affichées : le lien est peut-être incomplet, ou ces fiches ne sont plus dans le répertoire.`}
            {` Une liste compte au plus ${BASKET_MAX_ITEMS} fiches.`}
          </p>
        )}
        {items.length > 0 && (
          <section aria-labelledby="titre-garder" className="no-print space-y-3 rounded-md border border-slate-200 p-4">
            <h2 id="titre-garder" className="text-2xl font-semibold">
              Garder cette liste
            </h2>
            <p>
              {ownCount === 0 ? (
                'Votre panier est vide pour l’instant.'
              ) : (
                <>
                  Votre panier contient déjà {ownCount} fiche{ownCount > 1 ? 's' : ''} (
                  <Link href={BASKET_PATH}>voir mon panier</Link>).
                </>
              )}
            </p>
            <div className="flex flex-wrap gap-3">
              <form action={replaceBasket}>
                <input type="hidden" name="liste" value={list} />
                <button type="submit" className={primaryButton}>
                  Remplacer mon panier par cette liste
                </button>
              </form>
              <form action={mergeIntoBasket}>
                <input type="hidden" name="liste" value={list} />
                <button type="submit" className={secondaryButton}>
                  Ajouter à mon panier
                </button>
              </form>
            </div>
          </section>
        )}
      </BasketSheet>

      {items.length === 0 ? (
        <EmptyBasket title="Ce lien ne contient aucune fiche à afficher." />
      ) : (
        <BasketTools refs={refs} siteUrl={siteUrl} />
      )}
    </div>
  );
}
