// The fields an import may set, per kind of entry: the CSV column (as /donnees writes it,
// lib/export/csv.ts), the key in repertoire.json (lib/api/schemas.ts), the French label of
// the preview, and how a cell is read. Columns that /donnees computes (counts, url,
// updated_at) are read and ignored.
import { CostOption, ProviderKind } from '@/lib/generated/prisma/enums';
import type { EntryType } from '@/lib/history/snapshot';
import { DESCRIPTION_MAX_LENGTH, NOTE_MAX_LENGTH, TITLE_MAX_LENGTH, VERIFY_NOTE_MAX_LENGTH } from '@/lib/entries/common';
import {
  audienceLabels,
  availabilityLabels,
  costLabels,
  formatLabels,
  helpKindLabels,
  inferredFieldLabels,
  needKindLabels,
  providerKindLabels,
  regionLabels,
} from '@/lib/labels';

export type FieldKind = 'text' | 'int' | 'bool' | 'date' | 'enum' | 'enumList' | 'languages' | 'ref' | 'url' | 'email';

export type FieldDef = {
  /** Prisma field, or for a reference the relation ('theme', 'parent'). */
  key: string;
  /** Column of the CSV file. */
  column: string;
  /** Key in repertoire.json. */
  jsonKey: string;
  label: string;
  kind: FieldKind;
  /** Codes and their French labels (enum, enumList). */
  options?: Record<string, string>;
  max?: number;
  /** Must have a non-empty value when the entry is created. */
  isRequired?: boolean;
  /** Value of a new entry when the file does not give one. */
  fallback?: unknown;
  /** For a reference: the kind of entry it names. */
  target?: EntryType;
};

// The same limits as the admin forms (lib/validation/entry.ts).
const NAME_MAX = TITLE_MAX_LENGTH;
const TEXT_MAX = DESCRIPTION_MAX_LENGTH;
const NOTE_MAX = NOTE_MAX_LENGTH;
const SHORT_MAX = 500;

const verification: FieldDef[] = [
  { key: 'verifiedAt', column: 'verified_at', jsonKey: 'verified_at', label: 'Vérifiée le', kind: 'date', fallback: null },
  { key: 'toVerify', column: 'to_verify', jsonKey: 'to_verify', label: 'À vérifier', kind: 'bool', fallback: false },
  { key: 'verifyNote', column: 'verify_note', jsonKey: 'verify_note', label: 'Note de vérification', kind: 'text', max: VERIFY_NOTE_MAX_LENGTH, fallback: '' },
];

export const ENTRY_FIELDS: Record<EntryType, FieldDef[]> = {
  Theme: [
    { key: 'name', column: 'name', jsonKey: 'name', label: 'Nom', kind: 'text', max: NAME_MAX, isRequired: true },
    { key: 'description', column: 'description', jsonKey: 'description', label: 'Description', kind: 'text', max: TEXT_MAX, fallback: '' },
    { key: 'position', column: 'position', jsonKey: 'position', label: 'Rang', kind: 'int', fallback: 0 },
  ],
  Provider: [
    { key: 'name', column: 'name', jsonKey: 'name', label: 'Nom', kind: 'text', max: NAME_MAX, isRequired: true },
    { key: 'alternateName', column: 'alternate_name', jsonKey: 'alternate_name', label: 'Autre nom ou sigle', kind: 'text', max: NAME_MAX, fallback: '' },
    { key: 'kind', column: 'kind', jsonKey: 'kind', label: 'Genre', kind: 'enum', options: providerKindLabels, fallback: ProviderKind.ORGANIZATION },
    { key: 'description', column: 'description', jsonKey: 'description', label: 'Description', kind: 'text', max: TEXT_MAX, fallback: '' },
    { key: 'website', column: 'website', jsonKey: 'website', label: 'Site Web', kind: 'url', max: SHORT_MAX, fallback: '' },
    { key: 'email', column: 'email', jsonKey: 'email', label: 'Courriel', kind: 'email', max: 254, fallback: '' },
    { key: 'phone', column: 'phone', jsonKey: 'phone', label: 'Téléphone', kind: 'text', max: 50, fallback: '' },
    { key: 'regions', column: 'regions', jsonKey: 'regions', label: 'Régions', kind: 'enumList', options: regionLabels, fallback: [] },
    { key: 'audiences', column: 'audiences', jsonKey: 'audiences', label: 'Publics', kind: 'enumList', options: audienceLabels, fallback: [] },
    { key: 'cost', column: 'cost', jsonKey: 'cost', label: 'Coût', kind: 'enum', options: costLabels, fallback: CostOption.UNKNOWN },
    { key: 'formats', column: 'formats', jsonKey: 'formats', label: 'Formats', kind: 'enumList', options: formatLabels, fallback: [] },
    { key: 'languages', column: 'languages', jsonKey: 'languages', label: 'Langues', kind: 'languages', fallback: [] },
    ...verification,
  ],
  Solution: [
    { key: 'title', column: 'title', jsonKey: 'title', label: 'Titre', kind: 'text', max: NAME_MAX, isRequired: true },
    { key: 'description', column: 'description', jsonKey: 'description', label: 'Description', kind: 'text', max: TEXT_MAX, fallback: '' },
    { key: 'availability', column: 'availability', jsonKey: 'availability', label: 'Statut', kind: 'enum', options: availabilityLabels, isRequired: true },
    { key: 'kinds', column: 'kinds', jsonKey: 'kinds', label: 'Types d’aide', kind: 'enumList', options: helpKindLabels, fallback: [] },
    { key: 'cost', column: 'cost', jsonKey: 'cost', label: 'Coût', kind: 'enum', options: costLabels, fallback: CostOption.UNKNOWN },
    { key: 'inferredFields', column: 'inferred_fields', jsonKey: 'inferred_fields', label: 'Valeurs déduites par l’équipe', kind: 'enumList', options: inferredFieldLabels, fallback: [] },
    { key: 'parent', column: 'parent', jsonKey: 'parent', label: 'Sous-point de', kind: 'ref', target: 'Solution', fallback: null },
    ...verification,
  ],
  Need: [
    { key: 'kind', column: 'kind', jsonKey: 'kind', label: 'Besoin ou enjeu', kind: 'enum', options: needKindLabels, isRequired: true },
    { key: 'title', column: 'title', jsonKey: 'title', label: 'Titre', kind: 'text', max: NAME_MAX, isRequired: true },
    { key: 'description', column: 'description', jsonKey: 'description', label: 'Description', kind: 'text', max: TEXT_MAX, fallback: '' },
    { key: 'note', column: 'note', jsonKey: 'note', label: 'Remarque', kind: 'text', max: NOTE_MAX, fallback: '' },
    { key: 'position', column: 'position', jsonKey: 'position', label: 'Rang', kind: 'int' },
    { key: 'theme', column: 'theme', jsonKey: 'theme', label: 'Thème', kind: 'ref', target: 'Theme', fallback: null },
    ...verification,
  ],
};

/** Computed by /donnees: present in its files, never imported. */
export const IGNORED_COLUMNS = new Set(['updated_at', 'url', 'existing_solution_count', 'proposed_solution_count', 'unconfirmed_solution_count']);

export const ENTRY_LABELS: Record<EntryType, { one: string; many: string }> = {
  Theme: { one: 'Thème', many: 'Thèmes' },
  Need: { one: 'Besoin', many: 'Besoins et enjeux' },
  Solution: { one: 'Solution', many: 'Solutions' },
  Provider: { one: 'Fournisseur', many: 'Fournisseurs' },
};

/** The CSV files of /donnees that can be imported, and the entries they hold. */
export const IMPORTABLE_CSV: Record<string, EntryType> = {
  themes: 'Theme',
  fournisseurs: 'Provider',
  solutions: 'Solution',
  besoins: 'Need',
};

/** The field that names an entry in lists (name or title). */
export function nameFieldOf(entity: EntryType): 'name' | 'title' {
  return entity === 'Theme' || entity === 'Provider' ? 'name' : 'title';
}
