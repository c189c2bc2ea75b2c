// How each field of an entry snapshot (lib/history/snapshot.ts) is named and shown in a diff,
// in French. Pure: used by the history pages, the conflict panel and their unit tests.
import {
  audienceLabels,
  availabilityLabels,
  costLabels,
  formatLabels,
  helpKindLabels,
  INFERRED_MARK,
  inferredFieldLabels,
  languageLabel,
  needKindLabels,
  providerKindLabels,
  providerRoleLabels,
  regionLabels,
} from '@/lib/labels';
import type { EntryType } from '@/lib/history/snapshot';

export const STATUS_LABELS: Record<string, string> = { DRAFT: 'Brouillon', PUBLISHED: 'Publié', ARCHIVED: 'Archivé' };

/** text: word diff; value: before → after; list: items added and removed. */
export type FieldKind = 'text' | 'value' | 'list';

type FieldSpec = { label: string; kind: FieldKind; show: (value: unknown) => string | string[] };

const dateTime = new Intl.DateTimeFormat('fr-CA', { dateStyle: 'long', timeStyle: 'short', timeZone: 'America/Toronto' });

const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const label = (labels: Record<string, string>) => (value: unknown) => labels[str(value)] ?? str(value);
const labels = (labels: Record<string, string>) => (value: unknown) => (Array.isArray(value) ? value.map((item) => labels[str(item)] ?? str(item)) : []);
const ref = (value: unknown) => (value && typeof value === 'object' && 'label' in value ? str((value as { label: unknown }).label) : '(aucun)');
const date = (value: unknown) => (value ? dateTime.format(new Date(str(value))) : 'jamais');
const yesNo = (value: unknown) => (value ? 'Oui' : 'Non');
const refs =
  (extra?: (item: Record<string, unknown>) => string) =>
  (value: unknown): string[] =>
    Array.isArray(value) ? value.map((item: Record<string, unknown>) => `${str(item.label)}${extra ? extra(item) : ''}`) : [];

const common: Record<string, FieldSpec> = {
  status: { label: 'État', kind: 'value', show: label(STATUS_LABELS) },
  slug: { label: 'Adresse (slug)', kind: 'value', show: str },
};
const verification: Record<string, FieldSpec> = {
  verifiedAt: { label: 'Vérifié le', kind: 'value', show: date },
  toVerify: { label: 'À vérifier', kind: 'value', show: yesNo },
  verifyNote: { label: 'Note de vérification', kind: 'text', show: str },
};

export const FIELD_SPECS: Record<EntryType, Record<string, FieldSpec>> = {
  Need: {
    title: { label: 'Titre', kind: 'text', show: str },
    kind: { label: 'Type', kind: 'value', show: label(needKindLabels) },
    description: { label: 'Description', kind: 'text', show: str },
    note: { label: 'Remarque', kind: 'text', show: str },
    theme: { label: 'Thème', kind: 'value', show: ref },
    position: { label: 'Ordre', kind: 'value', show: str },
    solutions: { label: 'Solutions', kind: 'list', show: refs((item) => ` (ordre ${str(item.position)})`) },
    links: { label: 'Besoins liés', kind: 'list', show: refs((item) => (item.note ? ` — « ${str(item.note)} »` : '')) },
    ...common,
    ...verification,
  },
  Solution: {
    title: { label: 'Titre', kind: 'text', show: str },
    description: { label: 'Description', kind: 'text', show: str },
    availability: { label: 'Existe, à confirmer ou proposée', kind: 'value', show: label(availabilityLabels) },
    kinds: { label: 'Types d’aide', kind: 'list', show: labels(helpKindLabels) },
    cost: { label: 'Coût', kind: 'value', show: label(costLabels) },
    inferredFields: { label: 'Valeurs déduites par l’équipe', kind: 'list', show: labels(inferredFieldLabels) },
    parent: { label: 'Solution parente', kind: 'value', show: ref },
    needs: { label: 'Besoins', kind: 'list', show: refs() },
    providers: {
      label: 'Fournisseurs',
      kind: 'list',
      show: refs((item) => ` (${label(providerRoleLabels)(item.role)}${item.isRoleInferred ? `, ${INFERRED_MARK}` : ''})`),
    },
    ...common,
    ...verification,
  },
  Provider: {
    name: { label: 'Nom', kind: 'text', show: str },
    alternateName: { label: 'Autre nom ou sigle', kind: 'text', show: str },
    kind: { label: 'Type', kind: 'value', show: label(providerKindLabels) },
    description: { label: 'Description', kind: 'text', show: str },
    website: { label: 'Site Web', kind: 'value', show: str },
    email: { label: 'Courriel', kind: 'value', show: str },
    phone: { label: 'Téléphone', kind: 'value', show: str },
    regions: { label: 'Régions', kind: 'list', show: labels(regionLabels) },
    audiences: { label: 'Publics', kind: 'list', show: labels(audienceLabels) },
    cost: { label: 'Coût', kind: 'value', show: label(costLabels) },
    formats: { label: 'Formats', kind: 'list', show: labels(formatLabels) },
    languages: { label: 'Langues', kind: 'list', show: (value) => (Array.isArray(value) ? value.map((code) => languageLabel(str(code))) : []) },
    ...common,
    ...verification,
  },
  Theme: {
    name: { label: 'Nom', kind: 'text', show: str },
    description: { label: 'Description', kind: 'text', show: str },
    position: { label: 'Ordre', kind: 'value', show: str },
    ...common,
  },
};

/** Fields every snapshot has that say nothing to a reader of the diff. */
export const HIDDEN_FIELDS = new Set(['version']);

export const ENTRY_TYPE_LABELS: Record<EntryType, { one: string; the: string; path: string }> = {
  Need: { one: 'besoin', the: 'le besoin', path: 'besoins' },
  Solution: { one: 'solution', the: 'la solution', path: 'solutions' },
  Provider: { one: 'fournisseur', the: 'le fournisseur', path: 'fournisseurs' },
  Theme: { one: 'thème', the: 'le thème', path: 'themes' },
};

export const VERB_LABELS: Record<string, string> = {
  create: 'Création',
  update: 'Modification',
  publish: 'Publication',
  unpublish: 'Retour en brouillon',
  archive: 'Archivage',
  verify: 'Vérification',
  restore: 'Restauration d’une version',
  delete: 'Suppression',
  import: 'Importation',
  suggestion: 'Suggestion acceptée',
};

/** "need.update" -> "Modification". */
export function verbLabel(action: string): string {
  const verb = action.split('.').pop() ?? action;
  return VERB_LABELS[verb] ?? action;
}
