import type { EntryFormState } from '@/lib/validation/form-state';

/**
 * Reads a form's values: what was typed (after a refused save) or else the entry's own.
 * After a refusal every field comes from `typed`, so that nothing typed is lost and an
 * unchecked box stays unchecked.
 */
export function formValues(state: Pick<EntryFormState, 'typed'>) {
  const typed = state.typed;
  return {
    hasTyped: Boolean(typed),
    text(name: string, fallback: string | number | null | undefined): string {
      if (typed) return typed[name]?.[0] ?? '';
      return fallback === null || fallback === undefined ? '' : String(fallback);
    },
    list(name: string, fallback: readonly string[]): string[] {
      return typed ? (typed[name] ?? []) : [...fallback];
    },
    checked(name: string, fallback: boolean): boolean {
      return typed ? typed[name]?.[0] === 'on' : fallback;
    },
  };
}

/**
 * The version an entry form sends back: the one the person last acknowledged. After a
 * conflict, that is the version shown in the conflict panel; after any later refusal (a
 * field to correct), the one the form had just sent, not the one the page was opened on,
 * or the next save would be refused as a conflict again.
 */
export function acknowledgedVersion(state: Pick<EntryFormState, 'typed' | 'conflict'>, opened: number): string {
  if (state.conflict) return String(state.conflict.version);
  return state.typed?.version?.[0] ?? String(opened);
}
