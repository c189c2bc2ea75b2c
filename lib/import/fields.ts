// The fields an import may set, per kind of entry, derived from the entry definitions
// (lib/entries/): the CSV column (as /donnees writes it, lib/export/csv.ts), the key in
// repertoire.json (lib/api/schemas.ts), the French label of the preview, and how a cell is
// read. Columns that /donnees computes (counts, url, updated_at) are read and ignored.
import { emptyValue, openFields, openName, refKey } from '@/lib/entries/fields';
import { needEntry } from '@/lib/entries/need';
import { providerEntry } from '@/lib/entries/provider';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import { solutionEntry } from '@/lib/entries/solution';
import { themeEntry } from '@/lib/entries/theme';
import { ENTRY_TYPES, type EntityDef, type EntryType, type FieldDef as DefField } from '@/lib/entries/types';

export type FieldKind = 'text' | 'int' | 'bool' | 'date' | 'enum' | 'enumList' | 'languages' | 'ref' | 'url' | 'email' | 'postalCode';

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
  /** Public only under a flag: empty in a file, it leaves the stored value alone (the file could not show it). */
  keepsWhenEmpty?: boolean;
};

/** How an import reads a cell of each type of field (a phone is read as the text it is). */
const IMPORT_KINDS: Record<DefField['type'], FieldKind> = {
  text: 'text',
  longText: 'text',
  phone: 'text',
  url: 'url',
  email: 'email',
  postalCode: 'postalCode',
  int: 'int',
  bool: 'bool',
  date: 'date',
  choice: 'enum',
  multiChoice: 'enumList',
  languages: 'languages',
  ref: 'ref',
};

/**
 * The fields an import sets, from the definition's open fields: the same names as the files,
 * the same limits as the forms. An entry is created from its name alone (and the choices that
 * have no default); every other field then takes its empty value.
 */
export function importFields(def: EntityDef): FieldDef[] {
  return openFields(def).map((field) => {
    const isRequired = field.key === def.titleField || (field.type === 'choice' && field.default === undefined);
    const fallback = isRequired || (field.type === 'int' && field.appendsLast) ? undefined : emptyValue(field);
    const name = openName(field);
    const result: FieldDef = { key: refKey(field), column: name, jsonKey: name, label: field.importLabel ?? field.label, kind: IMPORT_KINDS[field.type] };
    if (field.type === 'choice' || field.type === 'multiChoice') result.options = field.options;
    if ('max' in field) result.max = field.max;
    if (isRequired) result.isRequired = true;
    if (fallback !== undefined) result.fallback = fallback;
    if (field.type === 'ref') result.target = field.target;
    if (field.publicWhen) result.keepsWhenEmpty = true;
    return result;
  });
}

export const ENTRY_FIELDS: Record<EntryType, FieldDef[]> = {
  Theme: importFields(themeEntry),
  Provider: importFields(providerEntry),
  Solution: importFields(solutionEntry),
  Need: importFields(needEntry),
};

/** Computed by /donnees: present in its files, never imported. */
export const IGNORED_COLUMNS = new Set(['updated_at', 'url', 'existing_solution_count', 'proposed_solution_count', 'unconfirmed_solution_count']);

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const ENTRY_LABELS = Object.fromEntries(
  ENTRY_TYPES.map((type) => [type, { one: capitalized(ENTRY_DEFS[type].words.one), many: ENTRY_DEFS[type].words.many }]),
) as Record<EntryType, { one: string; many: string }>;

/** The CSV files of /donnees that can be imported, and the entries they hold. */
export const IMPORTABLE_CSV: Record<string, EntryType> = {
  themes: 'Theme',
  fournisseurs: 'Provider',
  solutions: 'Solution',
  besoins: 'Need',
};

/** The field that names an entry in lists (name or title). */
export function nameFieldOf(entity: EntryType): string {
  return ENTRY_DEFS[entity].titleField;
}
