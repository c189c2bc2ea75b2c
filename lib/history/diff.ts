// Field-by-field differences between two snapshots of an entry, for the history pages and
// the conflict panel. Long texts get a word diff (jsdiff); lists say what was added and
// removed. The output is plain strings: pages render them as text, never as HTML.
import { diffWords } from 'diff';
import { FIELD_SPECS, HIDDEN_FIELDS } from '@/lib/history/fields';
import type { EntryType } from '@/lib/history/snapshot';

export type TextPart = { value: string; change: 'added' | 'removed' | 'same' };

export type FieldChange = {
  field: string;
  label: string;
  kind: 'text' | 'value' | 'list';
  before: string;
  after: string;
  /** text: the word diff. */
  parts?: TextPart[];
  /** list: items only in `after` / only in `before`. */
  added?: string[];
  removed?: string[];
};

type Snapshot = Record<string, unknown> | null | undefined;

const asText = (value: string | string[]) => (Array.isArray(value) ? value.join('\n') : value);

/** Words diff above this many characters would be slow and unreadable: shown whole instead. */
const WORD_DIFF_MAX = 50_000;

export function diffSnapshots(entityType: EntryType, before: Snapshot, after: Snapshot): FieldChange[] {
  const specs = FIELD_SPECS[entityType];
  const fields = [...new Set([...Object.keys(specs), ...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (field) => !HIDDEN_FIELDS.has(field),
  );
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const spec = specs[field] ?? { label: field, kind: 'value' as const, show: (value: unknown) => JSON.stringify(value ?? null) };
    const hasBefore = before !== null && before !== undefined && field in before;
    const hasAfter = after !== null && after !== undefined && field in after;
    if (!hasBefore && !hasAfter) continue;
    const shownBefore = hasBefore ? spec.show(before[field]) : spec.kind === 'list' ? [] : '';
    const shownAfter = hasAfter ? spec.show(after[field]) : spec.kind === 'list' ? [] : '';
    if (JSON.stringify(shownBefore) === JSON.stringify(shownAfter)) continue;
    const change: FieldChange = { field, label: spec.label, kind: spec.kind, before: asText(shownBefore), after: asText(shownAfter) };
    if (spec.kind === 'list') {
      const beforeItems = Array.isArray(shownBefore) ? shownBefore : [shownBefore];
      const afterItems = Array.isArray(shownAfter) ? shownAfter : [shownAfter];
      change.added = afterItems.filter((item) => !beforeItems.includes(item));
      change.removed = beforeItems.filter((item) => !afterItems.includes(item));
    } else if (spec.kind === 'text' && change.before && change.after && change.before.length + change.after.length <= WORD_DIFF_MAX) {
      change.parts = diffWords(change.before, change.after).map((part) => ({
        value: part.value,
        change: part.added ? 'added' : part.removed ? 'removed' : 'same',
      }));
    }
    changes.push(change);
  }
  return changes;
}
