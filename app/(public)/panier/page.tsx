import type { Metadata } from 'next';
import { connection } from 'next/server';
import { OwnBasketView, type OwnBasketNotice } from '@/components/basket/own-basket-view';
import { SharedListView } from '@/components/basket/shared-list-view';
import { readBasket } from '@/lib/basket/cookie';
import { hasRef, parseRefs, type BasketRef } from '@/lib/basket/refs';
import { LIST_PARAM, listParam } from '@/lib/basket/share-link';
import { getBasketItems } from '@/lib/data/basket';
import { getEnv } from '@/lib/env';
import { basketNoticeSchema, basketRefSchema } from '@/lib/validation/basket';
import './print.css';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { searchParams: Promise<SearchParams> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const isShared = listParam((await searchParams)[LIST_PARAM]) !== undefined;
  return {
    title: isShared ? 'Liste partagée' : 'Mon panier',
    description: 'Une liste de solutions et de fournisseurs du répertoire, à partager, imprimer ou télécharger.',
    // A basket is one person's list, and shared lists are endless variations: not for search engines.
    robots: { index: false, follow: true },
  };
}

/** The confirmation asked for by the redirect of a basket action (unknown values are ignored). */
function readNotice(params: SearchParams): { code: OwnBasketNotice | null; removed: BasketRef | null } {
  const emptied = parseRefs(listParam(params.vide)).refs;
  if (emptied.length > 0) return { code: { kind: 'vide', previous: emptied }, removed: null };
  const removed = basketRefSchema.safeParse(listParam(params.retire));
  if (removed.success) return { code: null, removed: removed.data };
  const code = basketNoticeSchema.safeParse(listParam(params.etat));
  return { code: code.success ? { kind: code.data } : null, removed: null };
}

export default async function BasketPage({ searchParams }: Props) {
  await connection();
  const params = await searchParams;
  const siteUrl = getEnv().SITE_URL;
  const now = new Date();

  const sharedText = listParam(params[LIST_PARAM]);
  if (sharedText !== undefined) {
    const shared = parseRefs(sharedText);
    const [{ items, missing }, own] = await Promise.all([getBasketItems(shared.refs), readBasket()]);
    return (
      <SharedListView
        items={items}
        unreadable={shared.rejected + shared.overflow + missing.length}
        ownCount={own.length}
        siteUrl={siteUrl}
        now={now}
      />
    );
  }

  const refs = await readBasket();
  const { code, removed } = readNotice(params);
  // The removed item is loaded with the others, only for its name in the confirmation.
  const extra = removed && !hasRef(refs, removed) ? [removed] : [];
  const { items, missing } = await getBasketItems([...refs, ...extra]);
  const removedItem = removed ? items.find((item) => item.kind === removed.kind && item.slug === removed.slug) : undefined;
  const notice: OwnBasketNotice | null = removed ? { kind: 'retire', name: removedItem?.name ?? null } : code;

  return (
    <OwnBasketView
      items={extra.length > 0 ? items.filter((item) => item !== removedItem) : items}
      missing={missing.filter((ref) => !hasRef(extra, ref))}
      notice={notice}
      siteUrl={siteUrl}
      now={now}
    />
  );
}
