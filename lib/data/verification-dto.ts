import type { VerificationDto } from '@/lib/data/types';

/** The verification fields every entry carries, as they cross the cache boundary. */
export function toVerificationDto(row: { verifiedAt: Date | null; toVerify: boolean; verifyNote: string }): VerificationDto {
  return { verifiedAt: row.verifiedAt?.toISOString() ?? null, toVerify: row.toVerify, verifyNote: row.verifyNote };
}
