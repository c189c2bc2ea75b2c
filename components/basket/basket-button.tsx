import { KeepFocus } from '@/components/basket/keep-focus';
import { addToBasket, removeFromBasket } from '@/lib/actions/basket';
import { readBasket } from '@/lib/basket/cookie';
import { formatRef, hasRef } from '@/lib/basket/refs';
import type { BasketKind } from '@/lib/validation/basket';

type Props = {
  kind: BasketKind;
  slug: string;
  /** The item's title or name: read out after the label (« Ajouter au panier : Juripop »). */
  name: string;
  /** Leave out to read it from the basket cookie of the request. */
  isInBasket?: boolean;
  /**
   * Where to come back after the change, a path of this site; a #fragment brings people
   * without JavaScript back to the item (e.g. `/besoins/x#solution-y`). Defaults to the
   * page the form was posted from.
   */
  returnTo?: string;
  /**
   * The id of the element that shows the item on this page (e.g. `solution-<slug>`): the
   * redirect comes back to it, so that people without JavaScript do not land at the top
   * of a long page. Ignored when `returnTo` has a #fragment.
   */
  anchor?: string;
};

/**
 * « Ajouter au panier » / « Retirer du panier »: a plain form bound to a server action, so
 * that it works without JavaScript. Hidden when printing.
 */
export async function BasketButton({ kind, slug, name, isInBasket, returnTo, anchor }: Props) {
  const ref = { kind, slug };
  const inBasket = isInBasket ?? hasRef(await readBasket(), ref);
  return (
    <form action={inBasket ? removeFromBasket : addToBasket} className="no-print inline-block">
      <input type="hidden" name="ref" value={formatRef(ref)} />
      <KeepFocus id={formatRef(ref)} />
      {returnTo && <input type="hidden" name="retour" value={returnTo} />}
      {anchor && <input type="hidden" name="ancre" value={anchor} />}
      <button
        type="submit"
        className={
          inBasket
            ? 'inline-flex items-center gap-1.5 rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50'
            : 'inline-flex items-center gap-1.5 rounded border border-brand-700 bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800'
        }
      >
        <span aria-hidden="true">{inBasket ? '−' : '+'}</span>
        {inBasket ? 'Retirer du panier' : 'Ajouter au panier'}
        <span className="sr-only"> : {name}</span>
      </button>
    </form>
  );
}
