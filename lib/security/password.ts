// Password hashing: Argon2id with OWASP's minimum (19 MiB of memory, 2 passes, 1 lane).
// No 'server-only' here: scripts (npm run admin:create, the test runner) use it too. A client
// component importing it would fail to build anyway (native module).
import { hash, parseOptions, verify } from '@node-rs/argon2';

export const PASSWORD_HASH_OPTIONS = {
  // Algorithm.Argon2id: a `const enum`, which isolatedModules cannot import.
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, PASSWORD_HASH_OPTIONS);
}

/** False for a wrong password and for a malformed hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when a stored hash was made with weaker (older) settings than today's. */
export function needsRehash(passwordHash: string): boolean {
  try {
    const options = parseOptions(passwordHash);
    return (
      options.algorithm !== PASSWORD_HASH_OPTIONS.algorithm ||
      options.memoryCost < PASSWORD_HASH_OPTIONS.memoryCost ||
      options.timeCost < PASSWORD_HASH_OPTIONS.timeCost
    );
  } catch {
    return true;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Checked against the typed password when the account does not exist, is inactive or has no
 * password yet, so that every refused sign-in costs one Argon2 verification: the response
 * time does not tell whether an address has an account.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('mot de passe factice pour un temps de réponse constant');
  await verifyPassword(await dummyHash, password);
  return false;
}
