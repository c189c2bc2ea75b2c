// Where a basket form sends the person back: a path of this site, never another host
// (no open redirect). Pure, so that every hostile shape is unit-tested.

const PLACEHOLDER_ORIGIN = 'http://placeholder.invalid';

/**
 * "/besoins/x?y=1#solution-z" -> the same; anything that could leave the site
 * ("//evil.example", "/\\evil.example", "https://…", "javascript:…", control characters,
 * a relative path without its leading "/") -> null.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2_000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // Control characters and backslashes are what browsers "fix up" into another host.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * The page a form was posted from, from the Referer header, when it is on the same
 * origin as the request (the Origin header, which Next already checks for server actions).
 */
export function returnPathFromReferer(referer: string | null, origin: string | null): string | null {
  if (!referer || !origin) return null;
  let url: URL;
  try {
    url = new URL(referer);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return safeReturnPath(`${url.pathname}${url.search}`);
}

/** Adds `#anchor` to a path that has no fragment yet (the anchor is validated by the form schema). */
export function withAnchor(path: string, anchor: string | undefined): string {
  return anchor && !path.includes('#') ? `${path}#${anchor}` : path;
}
