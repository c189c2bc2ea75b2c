// `npm start` on a machine without NEXTAUTH_SECRET: a random secret made once and kept in
// .data/auth-secret (git-ignored, readable by its owner only), so that sessions survive a
// restart. A host that runs several instances sets NEXTAUTH_SECRET itself, the same on all.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export function readOrCreateLocalSecret(dataDir: string): { secret: string; isNew: boolean } {
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 32) return { secret, isNew: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { secret, isNew: true };
}
