// « C'est votre organisme ? Mettez votre fiche à jour »: what the public form sends (the
// provider's slug, the address typed, a few words about the person), and a member's decision
// on a request that did not match the contact on file.
import { z } from 'zod';
import { emailSchema } from '@/lib/validation/user';
import { isValidSlug } from '@/lib/validation/slug';

export const CLAIM_MESSAGE_MAX_LENGTH = 500;
export const CLAIM_DECISION_NOTE_MAX_LENGTH = 1_000;

export const claimFields = ['slug', 'email', 'message'] as const;
export type ClaimField = (typeof claimFields)[number];

export const claimRequestSchema = z.object({
  slug: z.string().refine(isValidSlug, { error: 'Fiche introuvable.' }),
  email: emailSchema,
  message: z
    .string()
    .trim()
    .max(CLAIM_MESSAGE_MAX_LENGTH, { error: `Ce texte est trop long (${CLAIM_MESSAGE_MAX_LENGTH} caractères au plus).` })
    .default(''),
});
export type ClaimRequestInput = z.infer<typeof claimRequestSchema>;

const idSchema = z.string().min(1).max(40);

export const claimDecisionSchema = z.object({
  proposalId: idSchema,
  /** Approving: also record the address as the provider's private contact (a box the member ticks). */
  saveAsContact: z.boolean().default(false),
  decisionNote: z
    .string()
    .trim()
    .max(CLAIM_DECISION_NOTE_MAX_LENGTH, { error: `La note est trop longue (${CLAIM_DECISION_NOTE_MAX_LENGTH} caractères au plus).` })
    .default(''),
});
