/** The basket cookie's name, apart so that proxy.ts can test for it without next/headers. */
export const BASKET_COOKIE = 'panier';
