'use server';

// A member's decision on an organisation's proposed changes (/admin/suggestions/organismes/<id>):
// accept all or some fields, or reject with a note. requireUser() first, as every admin action.
import { refresh, updateTag } from 'next/cache';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { acceptProposal, rejectProposal, type ProposalDecision } from '@/lib/data/provider-proposals';
import { getDb } from '@/lib/db';
import { fieldErrors, typedValues, type ConflictView, type FormState } from '@/lib/validation/form-state';
import { acceptProposalSchema, rejectProposalSchema } from '@/lib/validation/provider-proposal';

/** The versions a member acknowledged after conflicts: the provider's, and each solution's by id. */
export type AcknowledgedVersions = { provider?: number; solutions: Record<string, number> };

export type ProposalDecisionState = FormState<'decisionNote' | 'fields'> & {
  conflict?: ConflictView;
  /** The part the conflict is about: the provider's listing, or « la solution « … » ». */
  conflictPart?: string;
  fields?: string[];
  versions?: AcknowledgedVersions;
};

const REFUSALS: Record<Exclude<ProposalDecision, { ok: true }>['reason'] | 'solutionConflict', string> = {
  'not-found': 'Cette proposition est introuvable : elle a peut-être été supprimée avec sa fiche. Revenez à la liste.',
  'already-decided': 'Une autre personne vient de traiter cette proposition. Rechargez la page pour voir sa décision.',
  'no-fields': 'Cochez au moins un champ à accepter, ou refusez la proposition.',
  invalid: 'La proposition n’a pas pu être appliquée : une valeur n’est plus acceptée par la fiche. Refusez-la, puis corrigez la fiche vous-même.',
  conflict:
    'Rien n’a été enregistré : un membre a modifié cette fiche depuis que l’organisme l’a ouverte. Comparez ci-dessous, puis acceptez de nouveau pour remplacer la version enregistrée, en connaissance de cause.',
  solutionConflict:
    'Rien n’a été enregistré : un membre a modifié une des solutions depuis que l’organisme l’a ouverte. Comparez ci-dessous, puis acceptez de nouveau pour remplacer la version enregistrée, en connaissance de cause.',
};

export async function acceptProposalAction(_previous: ProposalDecisionState, formData: FormData): Promise<ProposalDecisionState> {
  const user = await requireUser();
  const values = typedValues(formData, ['decisionNote'] as const);
  const checked = formData.getAll('fields').filter((value): value is string => typeof value === 'string');
  const fields = formData.get('tout') === '1' ? ['*'] : checked;
  // After a conflict on a solution, the form carries « <solution id>:<version> ».
  const solutionVersions = Object.fromEntries(
    formData
      .getAll('solutionVersion')
      .filter((value): value is string => typeof value === 'string')
      .map((value) => value.split(':'))
      .filter((pair) => pair.length === 2),
  );
  if (fields.length === 0) return { status: 'error', message: REFUSALS['no-fields'], values, fields: checked };
  const parsed = acceptProposalSchema.safeParse({
    proposalId: formData.get('proposalId') ?? undefined,
    fields,
    decisionNote: formData.get('decisionNote') ?? undefined,
    version: formData.get('version') || undefined,
    solutionVersions,
  });
  if (!parsed.success) return { status: 'error', message: 'La décision n’a pas été enregistrée : corrigez les champs indiqués.', errors: fieldErrors(parsed.error), values, fields: checked };
  const result = await acceptProposal(getDb(), parsed.data, { actorId: user.id, ip: await getRequestIp() });
  if (!result.ok) {
    if (result.reason === 'conflict') {
      const isSolution = result.part.type === 'Solution';
      const versions: AcknowledgedVersions = { provider: parsed.data.version, solutions: { ...parsed.data.solutionVersions } };
      if (isSolution) versions.solutions[result.part.id] = result.version;
      else versions.provider = result.version;
      return {
        status: 'error',
        message: isSolution ? REFUSALS.solutionConflict : REFUSALS.conflict,
        values,
        fields: checked,
        conflict: { version: result.version, savedBy: result.lastChange?.actorName ?? null, savedAt: result.lastChange?.at ?? null, fields: result.fields },
        conflictPart: isSolution ? `la solution « ${result.part.title} »` : 'la fiche de l’organisme',
        versions,
      };
    }
    if (result.reason === 'not-found' && result.part?.type === 'Solution') {
      return { status: 'error', message: `Rien n’a été enregistré : la solution « ${result.part.title} » n’existe plus. Décochez ses champs, puis acceptez de nouveau.`, values, fields: checked };
    }
    return { status: 'error', message: REFUSALS[result.reason], values, fields: checked };
  }
  updateTag(INVENTORY_TAG);
  refresh();
  return { status: 'success', message: 'Changements acceptés et publiés. La fiche est marquée vérifiée par l’organisme.' };
}

export async function rejectProposalAction(_previous: ProposalDecisionState, formData: FormData): Promise<ProposalDecisionState> {
  const user = await requireUser();
  const values = typedValues(formData, ['decisionNote'] as const);
  const parsed = rejectProposalSchema.safeParse({ proposalId: formData.get('proposalId') ?? undefined, decisionNote: formData.get('decisionNote') ?? undefined });
  if (!parsed.success) return { status: 'error', message: 'La décision n’a pas été enregistrée : corrigez les champs indiqués.', errors: fieldErrors(parsed.error), values };
  const result = await rejectProposal(getDb(), parsed.data, { actorId: user.id, ip: await getRequestIp() });
  if (!result.ok) return { status: 'error', message: REFUSALS[result.reason], values };
  refresh();
  return { status: 'success', message: 'Proposition refusée : la fiche ne change pas.' };
}
