// The providers' verification shares of the dashboard and the portrait, at their boundaries.
import { describe, expect, it } from 'vitest';
import { providerVerificationShares, quebecYear } from '@/lib/verification/shares';

const NOW = new Date('2026-12-03T16:00:00Z');

describe('providerVerificationShares', () => {
  it('counts verified in 12 months, confirmed this calendar year and without a contact', () => {
    const shares = providerVerificationShares(
      [
        { verifiedAt: '2026-03-01T12:00:00Z', hasContact: true }, // this year
        { verifiedAt: '2025-12-10T12:00:00Z', hasContact: false }, // within 12 months, last year
        { verifiedAt: '2025-11-01T12:00:00Z', hasContact: true }, // older than 12 months
        { verifiedAt: null, hasContact: false }, // never
      ],
      NOW,
    );
    expect(shares.providers).toBe(4);
    expect(shares.year).toBe(2026);
    expect(shares.verifiedRecently).toEqual({ count: 2, share: 0.5 });
    expect(shares.confirmedThisYear).toEqual({ count: 1, share: 0.25 });
    expect(shares.withoutContact).toEqual({ count: 2, share: 0.5 });
  });

  it('reads the year in Québec: 1 January 03:00 UTC is still 31 December there', () => {
    expect(quebecYear(new Date('2027-01-01T03:00:00Z'))).toBe(2026);
    const shares = providerVerificationShares([{ verifiedAt: '2027-01-01T03:00:00Z', hasContact: true }], new Date('2027-01-01T12:00:00Z'));
    expect(shares.confirmedThisYear.count).toBe(0);
    expect(shares.verifiedRecently.count).toBe(1);
  });

  it('does not count a date in the future as confirmed', () => {
    const shares = providerVerificationShares([{ verifiedAt: '2026-12-20T00:00:00Z', hasContact: true }], NOW);
    expect(shares.confirmedThisYear.count).toBe(0);
    expect(shares.verifiedRecently.count).toBe(0);
  });

  it('gives 0, not NaN, without providers', () => {
    const shares = providerVerificationShares([], NOW);
    expect(shares.verifiedRecently).toEqual({ count: 0, share: 0 });
    expect(shares.withoutContact).toEqual({ count: 0, share: 0 });
  });
});
