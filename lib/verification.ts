// How much to trust an entry's "last verified" date. Pure (the caller passes "now") so that
// cached data functions never read the clock and the rule is unit-tested at its boundaries.

/** An entry not checked by a person for longer than this is flagged as possibly out of date. */
export const STALE_AFTER_MONTHS = 12;

// Clock skew between the server that saved a date and the one that renders it.
const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/**
 * - `never`: no one has verified the entry yet (everything imported from the 2023 inventory);
 * - `current`: verified within the last 12 months (exactly 12 months still counts);
 * - `stale`: verified more than 12 months ago;
 * - `invalid`: the stored date is unreadable or in the future, so it proves nothing.
 */
export type VerificationStatus = 'never' | 'current' | 'stale' | 'invalid';

/** The same instant 12 months later; 29 February becomes 28 February, not 1 March. */
function addMonths(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  const day = result.getUTCDate();
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() + months);
  const lastDayOfMonth = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(day, lastDayOfMonth));
  return result;
}

export function verificationStatus(verifiedAtIso: string | null, now: Date): VerificationStatus {
  if (verifiedAtIso === null || verifiedAtIso === '') return 'never';
  const verifiedAt = new Date(verifiedAtIso);
  if (Number.isNaN(verifiedAt.getTime())) return 'invalid';
  if (verifiedAt.getTime() - now.getTime() > FUTURE_TOLERANCE_MS) return 'invalid';
  return now.getTime() > addMonths(verifiedAt, STALE_AFTER_MONTHS).getTime() ? 'stale' : 'current';
}

