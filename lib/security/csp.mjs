// @ts-check
// The Content-Security-Policy of every page, in one place for the three writers:
//  - next.config.ts sends FLOOR_POLICY on every response (pages, API, files);
//  - proxy.ts gives every page rendered per request a nonce, and the policy naming it;
//  - lib/cache/page-cache-handler.mjs stores, with every page kept whole in the route cache,
//    the policy naming the SHA-256 of each inline script of that very page.
// A browser enforces every policy it receives, so a page's scripts must satisfy both the
// floor and the page's own policy: in effect the nonce or the hashes, never 'unsafe-inline'
// (docs/deploy.md, "Content-Security-Policy").
//
// Plain JavaScript (with csp.d.mts for TypeScript): the page cache handler is loaded by
// Next at run time with Node's import(), outside the bundler.
import { createHash } from 'node:crypto';

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
 * the nonce or the hashes of the page's own policy.
 * @param {boolean} [isDevelopment]
 */
export function floorPolicy(isDevelopment = false) {
  return contentSecurityPolicy({ scriptSources: ["'unsafe-inline'"], isDevelopment });
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce() {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

// An inline <script> (no src), its attributes and its text. React writes the text of a
// script escaped so that it never contains "</script" (it writes "\u003c/script").
const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module']);

/**
 * The CSP sources ('sha256-…') of every inline script a browser would run in this HTML:
 * data blocks such as JSON-LD (type="application/ld+json") are not run, so not listed.
 * The text is hashed exactly as written, as the browser does.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes = '', text = ''] of html.matchAll(SCRIPT_ELEMENT)) {
    if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(` ${attributes}`)?.[1]?.toLowerCase() ?? '';
    if (!EXECUTABLE_TYPES.has(type)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
