'use server';

// The basket's only writes: plain <form method="post"> bound to these actions, so that
// adding and removing work without JavaScript. Each one validates its form, updates the
// cookie (nothing is stored on the server) and sends the person back to a page of this
// site (see goBack). Invalid input changes nothing.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { readBasket, writeBasket } from '@/lib/basket/cookie';
import { addRef, mergeRefs, parseRefs, removeRef, serializeRefs, truncateToFit } from '@/lib/basket/refs';
import { returnPathFromReferer, safeReturnPath, withAnchor } from '@/lib/basket/return-path';
import { BASKET_PATH } from '@/lib/basket/share-link';
import { basketItemFormSchema, basketListFormSchema } from '@/lib/validation/basket';

/** The path the form asked for, else the page it was posted from, else the basket. */
async function backTo(requested: unknown): Promise<string> {
  const fromForm = safeReturnPath(requested);
  if (fromForm) return fromForm;
  const requestHeaders = await headers();
  return returnPathFromReferer(requestHeaders.get('referer'), requestHeaders.get('origin')) ?? BASKET_PATH;
}

/**
 * Sends the person back to `target`. Without JavaScript the form was a real POST: always a
 * 303 redirect (post/redirect/get). With JavaScript, when `target` is the page the form is
 * on, no navigation is needed: changing the cookie re-renders that page in the same round
 * trip, and the button that was pressed keeps the keyboard focus (a redirect would rebuild
 * the page and drop it).
 */
async function goBack(target: string): Promise<void> {
  const requestHeaders = await headers();
  // Next sends this header with actions called from JavaScript, never with a plain form post.
  const isFromJavaScript = requestHeaders.has('next-action');
  const current = returnPathFromReferer(requestHeaders.get('referer'), requestHeaders.get('origin'));
  if (isFromJavaScript && current !== null && withoutFragment(current) === withoutFragment(target)) return;
  redirect(target);
}

function withoutFragment(path: string): string {
  const hash = path.indexOf('#');
  return hash === -1 ? path : path.slice(0, hash);
}

function fields(formData: FormData): Record<string, unknown> {
  return Object.fromEntries(formData);
}

export async function addToBasket(formData: FormData): Promise<void> {
  const input = fields(formData);
  const parsed = basketItemFormSchema.safeParse(input);
  if (!parsed.success) redirect(await backTo(input.retour));

  const result = addRef(await readBasket(), parsed.data.ref);
  if (result.status === 'full') redirect(`${BASKET_PATH}?etat=plein#etat`);
  if (result.status === 'added') await writeBasket(result.refs);
  await goBack(withAnchor(await backTo(parsed.data.retour), parsed.data.ancre));
}

export async function removeFromBasket(formData: FormData): Promise<void> {
  const input = fields(formData);
  const parsed = basketItemFormSchema.safeParse(input);
  if (!parsed.success) redirect(await backTo(input.retour));

  const current = await readBasket();
  const next = removeRef(current, parsed.data.ref);
  if (next.length !== current.length) await writeBasket(next);
  await goBack(withAnchor(await backTo(parsed.data.retour), parsed.data.ancre));
}

/** « Remplacer mon panier par cette liste », and dropping entries that are no longer published. */
export async function replaceBasket(formData: FormData): Promise<void> {
  const parsed = basketListFormSchema.safeParse(fields(formData));
  if (!parsed.success) redirect(BASKET_PATH);

  await writeBasket(truncateToFit(parseRefs(parsed.data.liste).refs));
  redirect(`${BASKET_PATH}?etat=${parsed.data.etat}#etat`);
}

/** « Ajouter à mon panier »: a shared list added after what the person already kept. */
export async function mergeIntoBasket(formData: FormData): Promise<void> {
  const parsed = basketListFormSchema.safeParse(fields(formData));
  if (!parsed.success) redirect(BASKET_PATH);

  const result = mergeRefs(await readBasket(), parseRefs(parsed.data.liste).refs);
  if (result.added > 0) await writeBasket(result.refs);
  redirect(`${BASKET_PATH}?etat=${result.left > 0 ? 'plein' : 'ajoute'}#etat`);
}

/** Empties the basket; the confirmation links back to the old list, so it can be undone. */
export async function clearBasket(): Promise<void> {
  const current = await readBasket();
  await writeBasket([]);
  redirect(current.length > 0 ? `${BASKET_PATH}?vide=${serializeRefs(current)}#etat` : BASKET_PATH);
}
