// The pure parts of the admin write layer (lib/data/admin/write.ts): which errors are safe to
// run again, how many times a transaction is retried, slug collisions, the history verb of a
// save, the links a save adds or removes, and the verification fields.
import { describe, expect, it } from 'vitest';
import {
  changedIds,
  inTransaction,
  isSlugCollision,
  isWriteConflict,
  verbOfSave,
  verificationData,
  withSlugRetry,
  WriteRefusal,
  type Db,
} from '@/lib/data/admin/write';

const deadlock = Object.assign(new Error('Transaction failed'), { cause: 'ERROR: deadlock detected (40P01)' });

/** A database whose transaction fails with `errors` in turn, then runs the write. */
function flakyDb(errors: unknown[]): Db & { attempts: number } {
  const db = {
    attempts: 0,
    async $transaction(write: (tx: unknown) => Promise<unknown>) {
      db.attempts += 1;
      const error = errors[db.attempts - 1];
      if (error) throw error;
      return write({});
    },
  };
  return db as unknown as Db & { attempts: number };
}

describe('isWriteConflict', () => {
  it.each([
    ['Prisma P2034', Object.assign(new Error('x'), { code: 'P2034' })],
    ['deadlock code in the cause', deadlock],
    ['serialization code in the message', new Error('ERROR 40001: could not serialize access')],
    ['« deadlock detected » alone', new Error('Deadlock Detected while updating')],
    ['« could not serialize » alone', new Error('could not serialize access due to concurrent update')],
  ])('%s: safe to run again', (_label, error) => {
    expect(isWriteConflict(error)).toBe(true);
  });

  it.each([
    ['another Prisma error', Object.assign(new Error('Unique constraint failed'), { code: 'P2002' })],
    ['a code that only contains 40001', new Error('row 1400011 is invalid')],
    ['not an Error', 'deadlock detected'],
    ['null', null],
  ])('%s: not a write conflict', (_label, error) => {
    expect(isWriteConflict(error)).toBe(false);
  });
});

describe('inTransaction', () => {
  it('runs a deadlocked write again, at most three times in all', async () => {
    const twice = flakyDb([deadlock, deadlock]);
    expect(await inTransaction(twice, async () => ({ ok: true, id: 'a', slug: 'a', version: 1, verb: 'update' }))).toMatchObject({ ok: true });
    expect(twice.attempts).toBe(3);

    const always = flakyDb([deadlock, deadlock, deadlock, deadlock]);
    await expect(inTransaction(always, async () => ({ ok: true, id: 'a', slug: 'a', version: 1, verb: 'update' }))).rejects.toBe(deadlock);
    expect(always.attempts).toBe(3);
  });

  it('does not run any other error again', async () => {
    const broken = new Error('connexion perdue');
    const db = flakyDb([broken]);
    await expect(inTransaction(db, async () => ({ ok: false, reason: 'not-found' }))).rejects.toBe(broken);
    expect(db.attempts).toBe(1);
  });

  it('turns a refusal thrown inside into its outcome', async () => {
    const db = flakyDb([]);
    const outcome = await inTransaction(db, async () => {
      throw new WriteRefusal({ ok: false, reason: 'invalid', errors: { title: ['Trop long.'] } });
    });
    expect(outcome).toEqual({ ok: false, reason: 'invalid', errors: { title: ['Trop long.'] } });
    expect(db.attempts).toBe(1);
  });
});

describe('slug collisions', () => {
  const collision = Object.assign(new Error('Unique constraint failed on the fields: (`slug`)'), { code: 'P2002', meta: { target: ['slug'] } });

  it('recognises a unique-constraint error on the slug only', () => {
    expect(isSlugCollision(collision)).toBe(true);
    expect(isSlugCollision(Object.assign(new Error('x'), { code: 'P2002', meta: { target: ['email'] } }))).toBe(false);
    expect(isSlugCollision(Object.assign(new Error('x'), { code: 'P2025', meta: { target: ['slug'] } }))).toBe(false);
    expect(isSlugCollision(Object.assign(new Error('x'), { code: 'P2002' }))).toBe(false);
    expect(isSlugCollision(null)).toBe(false);
  });

  it('a creation is tried once more after a slug collision, and only then', async () => {
    let calls = 0;
    expect(await withSlugRetry(async () => (++calls === 1 ? Promise.reject(collision) : 'créée'))).toBe('créée');
    expect(calls).toBe(2);

    calls = 0;
    await expect(withSlugRetry(async () => (++calls, Promise.reject(collision)))).rejects.toBe(collision);
    expect(calls).toBe(2);

    calls = 0;
    const other = new Error('autre');
    await expect(withSlugRetry(async () => (++calls, Promise.reject(other)))).rejects.toBe(other);
    expect(calls).toBe(1);
  });
});

describe('verbOfSave', () => {
  it.each([
    [null, 'DRAFT', false, 'create'],
    [null, 'PUBLISHED', true, 'create'],
    ['DRAFT', 'DRAFT', true, 'verify'],
    ['DRAFT', 'PUBLISHED', true, 'verify'],
    ['DRAFT', 'PUBLISHED', false, 'publish'],
    ['PUBLISHED', 'ARCHIVED', false, 'archive'],
    ['PUBLISHED', 'DRAFT', false, 'unpublish'],
    ['ARCHIVED', 'DRAFT', false, 'unpublish'],
    ['PUBLISHED', 'PUBLISHED', false, 'update'],
  ] as const)('%s → %s (verify: %s): %s', (before, after, isVerify, verb) => {
    expect(verbOfSave(before ? { status: before } : null, { status: after }, isVerify)).toBe(verb);
  });
});

describe('changedIds', () => {
  it('lists the ids removed, then those added, once each', () => {
    expect(changedIds(['a', 'b', 'c', 'c'], ['b', 'd', 'd', 'e'])).toEqual(['a', 'c', 'd', 'e']);
    expect(changedIds(['a'], ['a'])).toEqual([]);
    expect(changedIds([], [])).toEqual([]);
  });
});

describe('verificationData', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  it('« Marquer comme vérifié » sets the date and clears the flag, keeping the note', () => {
    expect(verificationData({ toVerify: true, verifyNote: 'vu au téléphone' }, true, now)).toEqual({ verifiedAt: now, toVerify: false, verifyNote: 'vu au téléphone' });
  });
  it('an ordinary save keeps the flag and the note as typed, and no date', () => {
    expect(verificationData({ toVerify: true, verifyNote: 'à revoir' }, false, now)).toEqual({ toVerify: true, verifyNote: 'à revoir' });
  });
});
