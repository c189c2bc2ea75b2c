import 'server-only';
// Turns a refused write (lib/data/admin/write.ts) into the state an entry form shows:
// the message, the errors beside the fields, everything typed, and after a conflict the
// version saved meanwhile with the fields that differ.
import { conflictFields } from '@/lib/history/conflict';
import type { EntryType } from '@/lib/history/snapshot';
import type { WriteOutcome } from '@/lib/data/admin/write';
import type { EntryFormState } from '@/lib/validation/form-state';

export const CONFLICT_MESSAGE =
  'Vos changements n’ont pas été enregistrés : une autre personne a modifié cette fiche pendant que vous la modifiiez. ' +
  'Votre texte est conservé ci-dessous. Comparez avec la version enregistrée, ajustez au besoin, puis enregistrez de nouveau : ' +
  'votre version remplacera alors la sienne.';

export const NOT_FOUND_MESSAGE = 'Cette fiche n’existe plus : elle a peut-être été supprimée. Votre texte est conservé ci-dessous.';

export function refusalState<Field extends string>(
  entityType: EntryType,
  outcome: Exclude<WriteOutcome<Field>, { ok: true }>,
  typed: Record<string, string[]>,
  mine: Record<string, unknown> | null,
): EntryFormState<Field> {
  switch (outcome.reason) {
    case 'invalid':
      return { status: 'error', message: 'La fiche n’a pas été enregistrée : corrigez les champs indiqués.', errors: outcome.errors, typed };
    case 'not-found':
      return { status: 'error', message: NOT_FOUND_MESSAGE, typed };
    case 'conflict':
      return {
        status: 'error',
        message: CONFLICT_MESSAGE,
        typed,
        conflict: {
          version: outcome.current.version,
          savedBy: outcome.lastChange?.actorName ?? null,
          savedAt: outcome.lastChange?.at ?? null,
          fields: mine ? conflictFields(entityType, mine, outcome.current as unknown as Record<string, unknown>) : [],
        },
      };
  }
}

export const INVALID_FORM_MESSAGE = 'La fiche n’a pas été enregistrée : corrigez les champs indiqués.';
