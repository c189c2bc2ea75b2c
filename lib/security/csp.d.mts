// Types of lib/security/csp.mjs (plain JavaScript: see there why).
export function contentSecurityPolicy(options: { scriptSources: string[]; isDevelopment?: boolean }): string;
export function floorPolicy(isDevelopment?: boolean): string;
export function newNonce(): string;
export function withScriptNonce(html: string, nonce: string): string;
