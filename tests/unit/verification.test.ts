import { describe, expect, it } from 'vitest';
import { STALE_AFTER_MONTHS, verificationStatus } from '@/lib/verification';

const now = new Date('2026-11-28T15:00:00.000Z');

describe('fraîcheur de la vérification', () => {
  it('signale une fiche jamais vérifiée', () => {
    expect(verificationStatus(null, now)).toBe('never');
    expect(verificationStatus('', now)).toBe('never');
  });

  it('considère à jour une fiche vérifiée il y a moins de 12 mois', () => {
    expect(STALE_AFTER_MONTHS).toBe(12);
    expect(verificationStatus('2026-11-28T14:00:00.000Z', now)).toBe('current');
    expect(verificationStatus('2026-01-15T00:00:00.000Z', now)).toBe('current');
  });

  it('compte exactement 12 mois comme encore à jour, une milliseconde de plus comme périmé', () => {
    expect(verificationStatus('2025-11-28T15:00:00.000Z', now)).toBe('current');
    expect(verificationStatus('2025-11-28T14:59:59.999Z', now)).toBe('stale');
    expect(verificationStatus('2025-11-27T15:00:00.000Z', now)).toBe('stale');
    expect(verificationStatus('2023-04-15T12:00:00.000Z', now)).toBe('stale');
  });

  it('compte les mois au calendrier, 29 février compris', () => {
    // 12 months after 29 Feb 2024 is 28 Feb 2025 (not 1 March).
    expect(verificationStatus('2024-02-29T12:00:00.000Z', new Date('2025-02-28T12:00:00.000Z'))).toBe('current');
    expect(verificationStatus('2024-02-29T12:00:00.000Z', new Date('2025-02-28T12:00:00.001Z'))).toBe('stale');
    // 31 January + 12 months: 31 January of the next year, whatever February's length.
    expect(verificationStatus('2025-01-31T00:00:00.000Z', new Date('2026-01-31T00:00:00.000Z'))).toBe('current');
    expect(verificationStatus('2025-01-31T00:00:00.000Z', new Date('2026-02-01T00:00:00.000Z'))).toBe('stale');
  });

  it("n'accorde aucune confiance à une date future ou illisible", () => {
    expect(verificationStatus('2027-01-01T00:00:00.000Z', now)).toBe('invalid');
    expect(verificationStatus('2026-11-30T15:00:00.000Z', now)).toBe('invalid');
    expect(verificationStatus('pas une date', now)).toBe('invalid');
    // A few hours ahead is clock skew between servers, not a wrong date.
    expect(verificationStatus('2026-11-28T20:00:00.000Z', now)).toBe('current');
  });
});
