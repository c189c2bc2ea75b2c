// A solution's fields in the organisation's form (/mise-a-jour/<token>) are named
// `s-<id>-<field>` (and `s-<id>-version`): several solutions sit in one form beside the
// provider's own fields. Shared by the form (a client component) and the server action.
export const solutionPrefix = (solutionId: string) => `s-${solutionId}-`;
