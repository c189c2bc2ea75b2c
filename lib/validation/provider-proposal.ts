// A member's decision on an organisation's proposed changes.
import { z } from 'zod';
import { CLAIM_DECISION_NOTE_MAX_LENGTH } from '@/lib/validation/provider-claim';

const idSchema = z.string().min(1).max(40);
const noteSchema = z
  .string()
  .trim()
  .max(CLAIM_DECISION_NOTE_MAX_LENGTH, { error: `La note est trop longue (${CLAIM_DECISION_NOTE_MAX_LENGTH} caractères au plus).` })
  .default('');

export const acceptProposalSchema = z.object({
  proposalId: idSchema,
  fields: z.array(z.string().max(80)).max(500).min(1, { error: 'Cochez au moins un champ à accepter, ou refusez la proposition.' }),
  decisionNote: noteSchema,
  /** After a conflict: the version the member saw and accepts to replace. */
  version: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  /** After a conflict on a solution: its version the member saw, by solution id. */
  solutionVersions: z.record(idSchema, z.coerce.number().int().min(1).max(2_147_483_647)).default({}),
});

export const rejectProposalSchema = z.object({
  proposalId: idSchema,
  decisionNote: noteSchema.refine((note) => note.length > 0, { error: 'Écrivez en une phrase pourquoi vous refusez : la note reste dans l’historique de la Table.' }),
});
