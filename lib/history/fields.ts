// How each field of an entry snapshot (lib/history/snapshot.ts) is named and shown in a diff,
// in French: derived from the entry definitions (lib/entries/), whose field types say how a
// value is shown; only the links are written here. Pure: used by the history pages, the
// conflict panel and their unit tests.
import { contentFields, refKey, verificationFieldsOf, type Field } from '@/lib/entries/fields';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import { INFERRED_MARK, languageLabel, providerRoleLabels, statusLabels } from '@/lib/labels';
import type { EntryType } from '@/lib/history/snapshot';

export const STATUS_LABELS: Record<string, string> = statusLabels;

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

/** How a field of this type shows in a diff. */
function specOf(field: Field): FieldSpec {
  switch (field.type) {
    case 'text':
    case 'longText':
      return { label: field.label, kind: 'text', show: str };
    case 'choice':
      return { label: field.label, kind: 'value', show: label(field.options) };
    case 'multiChoice':
      return { label: field.label, kind: 'list', show: labels(field.options) };
    case 'languages':
      return { label: field.label, kind: 'list', show: (value) => (Array.isArray(value) ? value.map((code) => languageLabel(str(code))) : []) };
    case 'ref':
      return { label: field.label, kind: 'value', show: ref };
    case 'date':
      return { label: field.label, kind: 'value', show: date };
    case 'bool':
      return { label: field.label, kind: 'value', show: yesNo };
    default:
      return { label: field.label, kind: 'value', show: str };
  }
}

// The links a snapshot lists, per kind (lib/history/snapshot.ts builds them).
const LINK_SPECS: Partial<Record<EntryType, Record<string, FieldSpec>>> = {
  Need: {
    solutions: { label: 'Solutions', kind: 'list', show: refs((item) => ` (ordre ${str(item.position)})`) },
    links: { label: 'Besoins liés', kind: 'list', show: refs((item) => (item.note ? ` — « ${str(item.note)} »` : '')) },
  },
  Solution: {
    needs: { label: 'Besoins', kind: 'list', show: refs() },
    providers: {
      label: 'Fournisseurs',
      kind: 'list',
      show: refs((item) => ` (${label(providerRoleLabels)(item.role)}${item.isRoleInferred ? `, ${INFERRED_MARK}` : ''})`),
    },
  },
};

const SLUG_SPEC: FieldSpec = { label: 'Adresse (slug)', kind: 'value', show: str };

/** In the order a history page lists them: what the entry says, its links, its state, its verification. */
function specsOf(type: EntryType): Record<string, FieldSpec> {
  const def = ENTRY_DEFS[type];
  const entries = (fields: Field[]) => fields.map((field) => [refKey(field), specOf(field)] as const);
  return Object.fromEntries([
    ...entries(contentFields(def)),
    ...Object.entries(LINK_SPECS[type] ?? {}),
    ['status', specOf({ ...def.fields.status, key: 'status' })],
    ['slug', SLUG_SPEC],
    ...entries(verificationFieldsOf(def)),
  ]);
}

export const FIELD_SPECS: Record<EntryType, Record<string, FieldSpec>> = {
  Need: specsOf('Need'),
  Solution: specsOf('Solution'),
  Provider: specsOf('Provider'),
  Theme: specsOf('Theme'),
};

/** Fields every snapshot has that say nothing to a reader of the diff. */
export const HIDDEN_FIELDS = new Set(['version']);

export const ENTRY_TYPE_LABELS: Record<EntryType, { one: string; the: string; path: string }> = {
  Need: ENTRY_DEFS.Need.words,
  Solution: ENTRY_DEFS.Solution.words,
  Provider: ENTRY_DEFS.Provider.words,
  Theme: ENTRY_DEFS.Theme.words,
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
  'organization-confirm': 'Confirmée par l’organisme',
  'organization-update': 'Mise à jour proposée par l’organisme, acceptée',
  unanswered: 'Sans réponse à la demande de vérification',
};

/** "need.update" -> "Modification". */
export function verbLabel(action: string): string {
  const verb = action.split('.').pop() ?? action;
  return VERB_LABELS[verb] ?? action;
}
