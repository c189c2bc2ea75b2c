// The conflict panel: which fields differ between what a person typed and the version
// someone else saved meanwhile. Only the fields the form sends are compared.
import { diffSnapshots } from '@/lib/history/diff';
import type { EntryType } from '@/lib/history/snapshot';
import type { ConflictField } from '@/lib/validation/form-state';

export function conflictFields(entityType: EntryType, mine: Record<string, unknown>, current: Record<string, unknown>): ConflictField[] {
  const comparable = Object.fromEntries(Object.keys(mine).map((field) => [field, current[field]]));
  return diffSnapshots(entityType, comparable, mine).map((change) => ({ label: change.label, mine: change.after, theirs: change.before }));
}
