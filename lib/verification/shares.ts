// The providers' verification at a glance, for the admin dashboard and the funders' portrait:
// how many were verified in the last 12 months, confirmed this calendar year, and how many the
// directory cannot write to (no private contact). Pure: the caller passes the rows and "now".
import { verificationStatus } from '@/lib/verification';

export type ProviderVerificationRow = { verifiedAt: string | null; hasContact: boolean };

export type ShareFigure = { count: number; share: number };

export type ProviderVerificationShares = {
  /** Published providers counted. */
  providers: number;
  /** The calendar year of "confirmed this year", in Québec's time zone. */
  year: number;
  verifiedRecently: ShareFigure;
  confirmedThisYear: ShareFigure;
  withoutContact: ShareFigure;
};

const yearFormatter = new Intl.DateTimeFormat('en-CA', { year: 'numeric', timeZone: 'America/Toronto' });

/** The calendar year of `date` in Québec (a verification on 31 December at 22:00 belongs to that year). */
export function quebecYear(date: Date): number {
  return Number(yearFormatter.format(date));
}

const figure = (count: number, total: number): ShareFigure => ({ count, share: total === 0 ? 0 : count / total });

export function providerVerificationShares(rows: readonly ProviderVerificationRow[], now: Date): ProviderVerificationShares {
  const year = quebecYear(now);
  const current = rows.filter((row) => verificationStatus(row.verifiedAt, now) === 'current');
  // A date in the future proves nothing (verificationStatus says "invalid"): not confirmed either.
  const thisYear = current.filter((row) => row.verifiedAt !== null && quebecYear(new Date(row.verifiedAt)) === year);
  return {
    providers: rows.length,
    year,
    verifiedRecently: figure(current.length, rows.length),
    confirmedThisYear: figure(thisYear.length, rows.length),
    withoutContact: figure(rows.filter((row) => !row.hasContact).length, rows.length),
  };
}
