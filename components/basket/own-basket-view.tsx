import Link from 'next/link';
import { BasketButton } from '@/components/basket/basket-button';
import { BasketNotice } from '@/components/basket/basket-notice';
import { BasketSheet } from '@/components/basket/basket-sheet';
import { BasketTools } from '@/components/basket/basket-tools';
import { EmptyBasket } from '@/components/basket/empty-basket';
import { clearBasket, replaceBasket } from '@/lib/actions/basket';
import { formatRef, serializeRefs, type BasketRef } from '@/lib/basket/refs';
import { BASKET_PATH, sharePath, shareUrl } from '@/lib/basket/share-link';
import type { BasketItemDto } from '@/lib/basket/types';
import { BASKET_MAX_ITEMS, type BasketNoticeCode } from '@/lib/validation/basket';

export type OwnBasketNotice =
  | { kind: BasketNoticeCode }
  | { kind: 'retire'; name: string | null }
  | { kind: 'vide'; previous: BasketRef[] };

const messages: Record<BasketNoticeCode, string> = {
  remplace: 'Votre panier contient maintenant la liste partagée.',
  ajoute: 'La liste partagée a été ajoutée à votre panier.',
  nettoye: 'Les fiches qui ne sont plus dans le répertoire ont été retirées de votre panier.',
  plein: `Votre panier est plein : il garde au plus ${BASKET_MAX_ITEMS} fiches. Retirez-en pour en ajouter d’autres.`,
};

function noticeKey(notice: OwnBasketNotice): string {
  if (notice.kind === 'retire') return `retire:${notice.name}`;
  if (notice.kind === 'vide') return `vide:${serializeRefs(notice.previous)}`;
  return notice.kind;
}

function NoticeText({ notice }: { notice: OwnBasketNotice }) {
  if (notice.kind === 'retire') {
    return <p>{notice.name ? `« ${notice.name} » a été retiré de votre panier.` : 'La fiche a été retirée de votre panier.'}</p>;
  }
  if (notice.kind === 'vide') {
    return (
      <>
        <p>Votre panier a été vidé.</p>
        <p>
          Une erreur ? <Link href={sharePath(notice.previous)}>Retrouver la liste vidée</Link>, puis la remettre dans votre
          panier.
        </p>
      </>
    );
  }
  return <p>{messages[notice.kind]}</p>;
}

const secondaryButton =
  'rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50';

/** /panier without a shared list: the person's own basket, read from the cookie. */
export function OwnBasketView({
  items,
  missing,
  notice,
  siteUrl,
  now,
}: {
  items: BasketItemDto[];
  missing: BasketRef[];
  notice: OwnBasketNotice | null;
  siteUrl: string;
  now: Date;
}) {
  const refs: BasketRef[] = items.map((item) => ({ kind: item.kind, slug: item.slug }));
  return (
    <div className="basket-sheet space-y-8">
      <BasketSheet
        title="Mon panier de services"
        now={now}
        items={items}
        link={items.length > 0 ? shareUrl(siteUrl, refs) : undefined}
        intro={
          <p className="no-print max-w-3xl">
            Gardez ici les solutions et les fournisseurs qui vous intéressent, puis partagez, imprimez ou téléchargez la
            liste. Le panier reste dans ce navigateur (un témoin) : pas de compte, rien de personnel n’est conservé sur
            nos serveurs.
            {items.length > 0 && (
              <>
                {' '}
                <a href="#outils">Partager, imprimer ou télécharger la liste</a>.
              </>
            )}
          </p>
        }
        actionFor={(item) => (
          <BasketButton
            kind={item.kind}
            slug={item.slug}
            name={item.name}
            isInBasket
            returnTo={`${BASKET_PATH}?retire=${formatRef({ kind: item.kind, slug: item.slug })}#etat`}
          />
        )}
      >
        {notice && (
          <BasketNotice key={noticeKey(notice)}>
            <NoticeText notice={notice} />
          </BasketNotice>
        )}

        {missing.length > 0 && (
          <section aria-labelledby="titre-introuvables" className="no-print space-y-2 rounded-md border-l-4 border-amber-500 bg-amber-50 p-4">
            <h2 id="titre-introuvables" className="font-semibold">
              {missing.length === 1
                ? 'Une fiche de votre panier n’est plus dans le répertoire.'
                : `${missing.length} fiches de votre panier ne sont plus dans le répertoire.`}
            </h2>
            <p>
              {missing.length === 1 ? 'Elle a pu être retirée ou renommée' : 'Elles ont pu être retirées ou renommées'} par les
              personnes qui tiennent le répertoire à jour.
            </p>
            <form action={replaceBasket}>
              <input type="hidden" name="liste" value={serializeRefs(refs)} />
              <input type="hidden" name="etat" value="nettoye" />
              <button type="submit" className={secondaryButton}>
                Retirer {missing.length === 1 ? 'cette fiche' : 'ces fiches'} du panier
              </button>
            </form>
          </section>
        )}
      </BasketSheet>

      {items.length === 0 ? (
        <EmptyBasket />
      ) : (
        <BasketTools refs={refs} siteUrl={siteUrl}>
          <form action={clearBasket} className="border-t border-slate-300 pt-4">
            <button type="submit" className={secondaryButton}>
              Vider le panier
            </button>
          </form>
        </BasketTools>
      )}
    </div>
  );
}
