// @ts-check
// The Content-Security-Policy of every page, in one place for the three writers:
//  - next.config.ts sends FLOOR_POLICY on every response (pages, API, files);
//  - proxy.ts gives every page rendered per request a nonce, and the policy naming it;
//  - lib/cache/page-cache-handler.mjs gives every page it serves whole from the route cache
//    a fresh nonce too, written into the page's script tags as it leaves the cache, and the
//    policy naming it.
// A browser enforces every policy it receives, so a page's scripts must satisfy both the
// floor and the page's own policy: in effect the nonce, never 'unsafe-inline'
// (docs/deploy.md, "Content-Security-Policy").
//
// Plain JavaScript (with csp.d.mts for TypeScript): the page cache handler is loaded by
// Next at run time with Node's import(), outside the bundler.

/**
 * The whole policy, with `scriptSources` added to script-src after 'self'. Styles keep
 * 'unsafe-inline': React and Next write style attributes, and a style cannot run code.
 * @param {{ scriptSources: string[]; isDevelopment?: boolean }} options
 */
export function contentSecurityPolicy({ scriptSources, isDevelopment = false }) {
  // `next dev` evaluates code to rebuild server error stacks in the browser.
  const script = ["'self'", ...scriptSources, ...(isDevelopment ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${script.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Sent with every response: what does not depend on the page. Its 'unsafe-inline' is not
 * what a page's scripts are held to (see above); it is there so that the floor never blocks
 * the nonce of the page's own policy.
 * @param {boolean} [isDevelopment]
 */
export function floorPolicy(isDevelopment = false) {
  return contentSecurityPolicy({ scriptSources: ["'unsafe-inline'"], isDevelopment });
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce() {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

// Every <script> start tag of a page React and Next wrote. Nothing else in such a page can
// read "<script": React escapes "<" in text and attribute values, and writes the text of an
// inline script with "<" as "\u003c" (the JSON-LD of lib/seo/json-ld.ts likewise).
const SCRIPT_START_TAG = /<script(?=[\s>])/gi;

/**
 * The page with `nonce="…"` on every script tag, first among its attributes (a browser reads
 * the first of two). For a page rendered once and served to everyone (the page cache): the
 * same page, a fresh nonce per response.
 * @param {string} html
 * @param {string} nonce from newNonce()
 */
export function withScriptNonce(html, nonce) {
  return html.replace(SCRIPT_START_TAG, `<script nonce="${nonce}"`);
}
