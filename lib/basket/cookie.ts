import 'server-only';
import { cookies, headers } from 'next/headers';
import { BASKET_COOKIE } from '@/lib/basket/cookie-name';
import { parseRefs, serializeRefs, type BasketRef } from '@/lib/basket/refs';

// The basket lives in the person's browser: a cookie that only lists references (no
// account, nothing personal, nothing stored on the server). It is read on every request
// that shows the basket and written only by the server actions of lib/actions/basket.ts.
export { BASKET_COOKIE };

const ONE_YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

/** The basket of the current request; a missing, tampered or garbage cookie is an empty basket. */
export async function readBasket(): Promise<BasketRef[]> {
  const store = await cookies();
  return parseRefs(store.get(BASKET_COOKIE)?.value).refs;
}

// Secure only when the browser talks to us over https (an http development server could
// not store a Secure cookie). The Origin header is the scheme the browser sees, even
// behind a proxy that terminates TLS.
async function isHttps(): Promise<boolean> {
  const requestHeaders = await headers();
  const origin = requestHeaders.get('origin') ?? '';
  return origin.startsWith('https:') || requestHeaders.get('x-forwarded-proto') === 'https';
}

/** Only in a server action or a route handler (cookies cannot be set while rendering). */
export async function writeBasket(refs: readonly BasketRef[]): Promise<void> {
  const store = await cookies();
  if (refs.length === 0) {
    store.delete(BASKET_COOKIE);
    return;
  }
  store.set(BASKET_COOKIE, serializeRefs(refs), {
    path: '/',
    maxAge: ONE_YEAR_IN_SECONDS,
    sameSite: 'lax',
    secure: await isHttps(),
    // Nothing in the page's JavaScript needs to read it.
    httpOnly: true,
  });
}
