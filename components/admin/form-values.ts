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
