// The shape of an entry definition (lib/entries/need.ts, solution.ts, provider.ts, theme.ts):
// each field of a kind of entry once, keyed by its Prisma column, with what people and the
// formats need to know about it. Everything else (forms, validation, saves, history, import,
// downloads, API, public pages) is derived by the small functions of lib/entries/derive.ts and
// by the consumers that read these objects. Plain data: a newcomer reads a definition top to
// bottom and knows where a field shows.
//
// What a definition does NOT hold: layout beyond a section title, access rules, Prisma
// `select`s, and the links between entries (need ↔ solution, solution ↔ provider, need ↔ need):
// those are real per-kind behaviour, written once as hooks (lib/data/admin/<kind>.ts).
import type { Need, Prisma, Provider, Solution, Theme } from '@/lib/generated/prisma/client';

export const ENTRY_TYPES = ['Need', 'Solution', 'Provider', 'Theme'] as const;
export type EntryType = (typeof ENTRY_TYPES)[number];

/**
 * The closed set of field types. Each one decides the value's shape, the form widget, the
 * zod check, how an import cell is read and how the history shows a change:
 * - text: one line; longText: several lines (a text area, a word diff in the history);
 * - choice / multiChoice: codes of an enum, with their French labels (lib/labels.ts);
 * - languages: ISO 639 codes, common ones as checkboxes, others typed;
 * - ref: the id of another entry (need → theme, solution → parent solution);
 * - bool, date, int;
 * - url, email, phone, postalCode: a text with its format, checked and normalised.
 */
export type FieldType = 'text' | 'longText' | 'choice' | 'multiChoice' | 'languages' | 'ref' | 'bool' | 'date' | 'int' | 'url' | 'email' | 'phone' | 'postalCode';

type Labels = Readonly<Record<string, string>>;

type FieldCommon = {
  /** French label: the history, the error summary, the admin form (unless `formLabel`). */
  label: string;
  /** Help text under the field in the admin form. */
  help?: string;
  /** The error shown when it is left empty ("Entrez un titre."): the field is required. */
  required?: string;
  /** Where a screen words the field otherwise (each kept as that screen has always said it). */
  formLabel?: string;
  importLabel?: string;
  /** On public pages and the basket (the facts panel, the basket's CSV). */
  publicLabel?: string;
  /** Description in the API's OpenAPI document. */
  apiDoc?: string;
  /** Members edit it in the admin form; false: written by the site itself (the verification date). Default true. */
  isEditable?: boolean;
  /** The admin form's section that holds it (none: the form's first block). */
  section?: string;
  /**
   * In the open data (CSV column, repertoire.json and API key, import column) under the
   * snake_case of its key, or under the name given; false: not published.
   */
  openData?: false | string;
  /** Read from the seed file (prisma/seed/inventaire-2023.json) under the same key. */
  isSeeded?: boolean;
  /**
   * Public only when this boolean field of the same entry is true: elsewhere than the admin
   * area (pages, downloads, API, HSDS) the value is then empty. An import that finds it empty
   * leaves the stored value alone (the file could not show it).
   */
  publicWhen?: string;
  /** Where the value goes in the HSDS 3.1 record of this kind: 'alternate_name', 'phones[].number', 'locations[].addresses[].city'… */
  hsds?: string;
};

export type TextField = FieldCommon & {
  type: 'text' | 'longText';
  max: number;
  /** Height of the text area (longText). */
  rows?: number;
};

export type ChoiceField = FieldCommon & {
  type: 'choice';
  /** Code → French label. */
  options: Labels;
  /** The order of the choices in the form, when it is not the labels' order. */
  order?: readonly string[];
  /** Value of a new entry when none is given (import, seed, form). None: required. */
  default?: string;
  /** The error for a value outside the list. Default: « Choisissez « A », « B » ou « C ». ». */
  invalid?: string;
  /** The code that means "not known" (shown as unknown on public pages). */
  unknown?: string;
};

export type MultiChoiceField = FieldCommon & {
  type: 'multiChoice';
  options: Labels;
  invalid?: string;
};

export type LanguagesField = FieldCommon & {
  type: 'languages';
  /** Offered as checkboxes; others are typed. */
  common: readonly string[];
  invalid: string;
};

export type RefField = FieldCommon & {
  type: 'ref';
  target: EntryType;
  /** Prisma relation: its name is the key in snapshots, imports and the open data. */
  relation: string;
  /** The form's choice for "none". */
  none: string;
  /** How a skipped restore names it ("le thème « X »"); default: the target's. */
  the?: string;
};

export type BoolField = FieldCommon & { type: 'bool' };
export type DateField = FieldCommon & { type: 'date' };

export type IntField = FieldCommon & {
  type: 'int';
  /** Empty in the form: at the end of the list for a new entry, unchanged for an update. */
  appendsLast?: boolean;
};

export type FormattedTextField = FieldCommon & {
  type: 'url' | 'email' | 'phone' | 'postalCode';
  max: number;
};

export type FieldDef = TextField | ChoiceField | MultiChoiceField | LanguagesField | RefField | BoolField | DateField | IntField | FormattedTextField;

/** Several fields on one line of the facts panel, joined with commas: « Adresse ». */
export type FactGroup = { label: string; fields: readonly string[] };

/** The fields a definition's facts panel shows. */
export type FactKey<D extends EntityDef> = D['facts'] extends readonly (infer F)[] ? (F extends string ? F : F extends { fields: readonly (infer K)[] } ? K : never) : never;

/** How a fact of a provider shows on the basket's sheet when it is not known. */
export type BasketFact = { whenUnknown: 'missing' | 'omit'; label?: string };

export type EntityDef = {
  type: EntryType;
  /** The Prisma delegate. */
  table: 'need' | 'solution' | 'provider' | 'theme';
  /** The field that names an entry (lists, titles, slugs). */
  titleField: string;
  words: {
    /** "besoin": « Créer le besoin », "un besoin". */
    one: string;
    the: string;
    /** "besoins": « Tous les besoins ». */
    plural: string;
    /** Folder of its admin pages: /admin/besoins. */
    path: string;
    /** "Besoins et enjeux" (import preview, lists). */
    many: string;
  };
  fields: Readonly<Record<string, FieldDef>>;
  /** Columns of the table that are not fields, each with the reason. */
  notFields: Readonly<Record<string, string>>;
  /** The open data's order of the fields when it is not the definition's. */
  columnOrder?: readonly string[];
  /** Facts of the public page's panel, in order (provider): a field, or several shown on one line under one label. */
  facts?: readonly (string | FactGroup)[];
  /** Facts of the basket's sheet, in order (provider). */
  basket?: Readonly<Record<string, BasketFact>>;
  /** The admin list: text searched, order, second column. */
  adminList: {
    search: readonly string[];
    orderBy: readonly string[];
    /** The choice field shown in the list's second column. */
    detail?: string;
  };
};

// --- Values -------------------------------------------------------------------------------

/** The value a field holds in the database (and in the save path). */
export type ValueOf<F> = F extends { type: 'choice'; options: infer O }
  ? keyof O & string
  : F extends { type: 'multiChoice'; options: infer O }
    ? (keyof O & string)[]
    : F extends { type: 'languages' }
      ? string[]
      : F extends { type: 'ref' }
        ? string | null
        : F extends { type: 'bool' }
          ? boolean
          : F extends { type: 'date' }
            ? Date | null
            : F extends { type: 'int' }
              ? number
              : string;

/** The same value as it crosses the cache boundary or travels as JSON (dates as ISO strings). */
export type PlainValueOf<F> = F extends { type: 'date' } ? string | null : ValueOf<F>;

type FieldsOf<D extends EntityDef> = D['fields'];
export type FieldKey<D extends EntityDef> = keyof FieldsOf<D> & string;

/** Every field's value, keyed by column: a row of the table as the definition sees it. */
export type EntryValues<D extends EntityDef> = { -readonly [K in FieldKey<D>]: ValueOf<FieldsOf<D>[K]> };

/** Keys of the fields for which `Predicate` holds. */
export type KeysWhere<D extends EntityDef, Predicate> = { [K in FieldKey<D>]: FieldsOf<D>[K] extends Predicate ? K : never }[FieldKey<D>];

/** Fields members edit in the form. */
export type EditableKey<D extends EntityDef> = Exclude<FieldKey<D>, KeysWhere<D, { isEditable: false }>>;

/** What the admin form sends, once checked: an appendsLast int may be null (unchanged / at the end). */
export type FormValues<D extends EntityDef> = {
  -readonly [K in EditableKey<D>]: FieldsOf<D>[K] extends { appendsLast: true } ? number | null : ValueOf<FieldsOf<D>[K]>;
};

/** Fields of the open data (and of public pages). */
export type OpenKey<D extends EntityDef> = Exclude<FieldKey<D>, KeysWhere<D, { openData: false }>>;

/** A field's key in snapshots, imports and the open data: a ref goes by its relation. */
export type RefKeyOf<F, K extends string> = F extends { type: 'ref'; relation: infer R extends string } ? R : K;

/** The public values of an entry (dates as ISO strings), keyed by column: what pages and the dataset carry. */
export type PublicValues<D extends EntityDef> = { -readonly [K in Exclude<OpenKey<D>, KeysWhere<D, { type: 'ref' }>>]: PlainValueOf<FieldsOf<D>[K]> };

/** "alternateName" → "alternate_name", at the type level (names in the open data). */
type Snake<S extends string> = S extends `${infer Head}${infer Tail}` ? `${Head extends Lowercase<Head> ? Head : `_${Lowercase<Head>}`}${Snake<Tail>}` : S;

/** A field's name in the open data: given, or the snake_case of its key (a reference: of its relation). */
export type OpenNameOf<F, K extends string> = F extends { openData: infer N extends string } ? N : Snake<RefKeyOf<F, K>>;

/** The public values of an entry under their open data names (dates as ISO strings): what the API and the JSON carry. */
export type OpenRecord<D extends EntityDef> = {
  -readonly [K in Exclude<OpenKey<D>, KeysWhere<D, { type: 'ref' }>> as OpenNameOf<FieldsOf<D>[K], K>]: PlainValueOf<FieldsOf<D>[K]>;
};

/** Flags that make another field public (`publicWhen`). */
export type PublicFlagKey<D extends EntityDef> = { [K in FieldKey<D>]: FieldsOf<D>[K] extends { publicWhen: infer P extends string } ? P : never }[FieldKey<D>];

/** A Prisma `select` of every column the public values of an entry are made from. */
export type PublicSelect<D extends EntityDef> = { [K in keyof PublicValues<D> | PublicFlagKey<D>]: true };

// --- The compile-time check: every column placed, every field a column of the right type ---

type ModelColumns = {
  Need: Prisma.NeedScalarFieldEnum;
  Solution: Prisma.SolutionScalarFieldEnum;
  Provider: Prisma.ProviderScalarFieldEnum;
  Theme: Prisma.ThemeScalarFieldEnum;
};
type ModelRows = { Need: Need; Solution: Solution; Provider: Provider; Theme: Theme };

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type Unplaced<D extends EntityDef> = Exclude<ModelColumns[D['type']], keyof D['fields'] | keyof D['notFields']>;
type NotColumns<D extends EntityDef> = Exclude<keyof D['fields'] | keyof D['notFields'], ModelColumns[D['type']]>;
type WrongType<D extends EntityDef> = {
  [K in FieldKey<D>]: K extends keyof ModelRows[D['type']] ? (Same<ValueOf<FieldsOf<D>[K]>, ModelRows[D['type']][K]> extends true ? never : K) : never;
}[FieldKey<D>];

/**
 * `true` when every scalar column of the kind's Prisma model is either a field or listed in
 * `notFields`, no key names a column that does not exist, and each field's value type is the
 * column's. Otherwise a type naming the culprits: `const placed: EveryColumnPlaced<typeof x> = true`
 * then fails to compile, so a new column cannot be forgotten.
 */
export type EveryColumnPlaced<D extends EntityDef> = [Unplaced<D>, NotColumns<D>, WrongType<D>] extends [never, never, never]
  ? true
  : { unplaced: Unplaced<D>; notColumns: NotColumns<D>; wrongType: WrongType<D> };
