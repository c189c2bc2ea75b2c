// Where an entry named by a suggestion lives: its public page and its admin edit page
// (the admin pages of entries are app/admin/(espace)/<section>/[id]).
import { needPath, providerPath, solutionPath } from '@/lib/seo/urls';
import type { ReportEntityType } from '@/lib/validation/suggestion';

const ADMIN_SECTIONS: Record<ReportEntityType, string> = { Need: 'besoins', Solution: 'solutions', Provider: 'fournisseurs' };

export function adminEntryPath(entityType: ReportEntityType, id: string): string {
  return `/admin/${ADMIN_SECTIONS[entityType]}/${id}`;
}

export function publicEntryPath(entityType: ReportEntityType, slug: string): string {
  if (entityType === 'Need') return needPath(slug);
  if (entityType === 'Solution') return solutionPath(slug);
  return providerPath(slug);
}

/** What kind of entry a suggestion is about, as a noun. */
export const ENTRY_TYPE_LABELS: Record<ReportEntityType, { noun: string }> = {
  Need: { noun: 'Besoin ou enjeu' },
  Solution: { noun: 'Solution' },
  Provider: { noun: 'Fournisseur' },
};
