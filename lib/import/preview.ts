// What the import page shows of a plan: plain, serialisable rows (no dates, no ids), the
// French words of each outcome, and the public page of each entry.
import type { EntryType } from '@/lib/history/snapshot';
import { ENTRY_LABELS } from '@/lib/import/fields';
import type { FieldChange, ImportPlan, Outcome } from '@/lib/import/plan';
import { needPath, providerPath, solutionPath } from '@/lib/seo/urls';

export type PreviewRow = {
  where: string;
  entityLabel: string;
  slug: string;
  name: string;
  outcome: Outcome;
  changes: FieldChange[];
  errors: { column: string; message: string }[];
};

export type ImportPreview = {
  fileName: string;
  label: string;
  counts: Record<Outcome, number>;
  fileErrors: string[];
  notes: string[];
  rows: PreviewRow[];
  hash: string;
};

export function toPreview(plan: ImportPlan, fileName: string): ImportPreview {
  return {
    fileName,
    label: plan.label,
    counts: plan.counts,
    fileErrors: plan.fileErrors,
    notes: plan.notes,
    hash: plan.hash,
    rows: plan.rows.map((row) => ({
      where: row.where,
      entityLabel: ENTRY_LABELS[row.entity].one,
      slug: row.slug,
      name: row.name,
      outcome: row.outcome,
      changes: row.changes,
      errors: row.errors,
    })),
  };
}

/** The public page of an entry, when it has one (themes are shown on their needs). */
export function publicPathOf(entity: EntryType, slug: string): string | null {
  switch (entity) {
    case 'Need':
      return needPath(slug);
    case 'Solution':
      return solutionPath(slug);
    case 'Provider':
      return providerPath(slug);
    case 'Theme':
      return null;
  }
}
