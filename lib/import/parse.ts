// Reads an uploaded file into rows of cells, before any check of their values: the CSV
// files of /donnees (themes, fournisseurs, solutions, besoins; ";" or "," separated, with or
// without BOM) or repertoire.json. Which entries a CSV holds is told by its columns (the file
// may have been renamed). Cells that /donnees neutralised against spreadsheet formulas
// ("'=…") get their apostrophe back off, so that an export imports back unchanged.
import { parse } from 'csv-parse/sync';
import { BACKUP_FORMAT } from '@/lib/backup/policy';
import type { EntryType } from '@/lib/history/snapshot';
import { ENTRY_FIELDS, ENTRY_LABELS, IGNORED_COLUMNS, IMPORTABLE_CSV } from '@/lib/import/fields';
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS, groupDigits } from '@/lib/import/words';

export type RawCell = { column: string; value: unknown };

/** Links between entries, given by repertoire.json only (the CSV files hold one kind of entry each). */
export type RawLinks = {
  /** Need → its solutions, in order. */
  solutions?: RawCell;
  /** Need → needs it says it is linked to ("Lié à…"). */
  related?: RawCell;
  /** Solution → providers and their roles. */
  providers?: RawCell;
};

export type RawRow = {
  entity: EntryType;
  /** Where to find it: "ligne 4" (the spreadsheet's row number, header = 1) or "providers n° 3". */
  where: string;
  slug: RawCell;
  /** By field key (lib/import/fields.ts); only what the file gives. */
  cells: Map<string, RawCell>;
  links: RawLinks;
  /** Problems found while reading the row itself (e.g. more cells than columns). */
  errors: { column: string; message: string }[];
};

export type ParsedFile = {
  /** "Fournisseurs (CSV)", "repertoire.json"… */
  label: string;
  rows: RawRow[];
  /** Worth knowing but not blocking (ignored columns). */
  notes: string[];
  /** The file as a whole cannot be imported. */
  errors: string[];
};

const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** Undoes csv-stringify's escape_formulas: "'=SOMME(A1)" → "=SOMME(A1)". */
export function unescapeFormula(value: string): string {
  return value.startsWith("'") && value.length > 1 && FORMULA_STARTS.has(value[1]!) ? value.slice(1) : value;
}

function failed(label: string, error: string): ParsedFile {
  return { label, rows: [], notes: [], errors: [error] };
}

const TOO_MANY_ROWS = `Ce fichier a plus de ${groupDigits(MAX_IMPORT_ROWS)} fiches : importez-les en plusieurs fichiers.`;

function baseName(fileName: string): string {
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '').toLowerCase();
}

function csvEntity(fileName: string, header: string[]): EntryType | string {
  const has = (column: string) => header.includes(column);
  if (has('relation')) return 'liens.csv décrit les liens entre fiches : il ne s’importe pas. Importez repertoire.json pour mettre à jour les liens.';
  if (has('Besoin ou enjeu')) return 'inventaire.csv est une vue à lire dans un tableur : il ne s’importe pas. Importez besoins.csv, solutions.csv, fournisseurs.csv, themes.csv ou repertoire.json.';
  if (!has('slug')) return 'La première ligne doit nommer les colonnes, dont « slug » (l’identifiant de chaque fiche). Partez d’un fichier téléchargé sur la page Données ouvertes.';
  // Own keys only: a file named constructor.csv or tostring.csv is not one of ours.
  const name = baseName(fileName);
  if (Object.hasOwn(IMPORTABLE_CSV, name)) return IMPORTABLE_CSV[name]!;
  if (has('alternate_name') || has('website') || has('regions')) return 'Provider';
  if (has('availability')) return 'Solution';
  if (has('title') && has('kind')) return 'Need';
  if (has('name')) return 'Theme';
  return 'Ce fichier CSV ne ressemble à aucun fichier importable (themes.csv, fournisseurs.csv, solutions.csv, besoins.csv).';
}

/**
 * The first line (1-based) with more than `limit` cells, counted outside quotes, or null. One
 * pass over the characters, before csv-parse: it costs far more per cell than per character
 * (5 MB of ";" took seconds), so a file of too many cells is refused before it is parsed.
 */
function firstLineWiderThan(text: string, delimiter: string, limit: number): number | null {
  const separator = delimiter.charCodeAt(0);
  let isQuoted = false;
  let cells = 1;
  let line = 1;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    // A doubled quote inside a quoted cell toggles twice: the count stays right.
    if (code === 34) isQuoted = !isQuoted;
    else if (isQuoted) continue;
    else if (code === separator && ++cells > limit) return line;
    else if (code === 10) {
      line += 1;
      cells = 1;
    }
  }
  return null;
}

/** How many times `character` is in `text` (without building an array of matches). */
function occurrences(text: string, character: string): number {
  let count = 0;
  for (let at = text.indexOf(character); at !== -1; at = text.indexOf(character, at + 1)) count += 1;
  return count;
}

function parseCsv(fileName: string, content: string): ParsedFile {
  const text = content.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Excel in French writes ";"; another spreadsheet may write ",".
  const delimiter = occurrences(firstLine, ';') >= occurrences(firstLine, ',') ? ';' : ',';
  const wideLine = firstLineWiderThan(text, delimiter, MAX_IMPORT_COLUMNS);
  if (wideLine === 1) return failed('CSV', `La première ligne a plus de ${MAX_IMPORT_COLUMNS} colonnes : est-ce bien un fichier de la page Données ouvertes ?`);
  if (wideLine !== null) return failed('CSV', `La ligne ${wideLine} a plus de ${MAX_IMPORT_COLUMNS} cellules : un séparateur est peut-être en trop, ou ce n’est pas un fichier de la page Données ouvertes.`);
  let records: string[][];
  try {
    // Reading stops past the header and the most rows an import takes (plus one, to tell).
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, to: MAX_IMPORT_ROWS + 2 }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return failed('CSV', `Le fichier CSV est illisible${line ? ` vers la ligne ${line}` : ''} : un guillemet n’est peut-être pas fermé. Enregistrez-le de nouveau au format CSV depuis votre tableur.`);
  }
  const [headerCells, ...data] = records;
  if (!headerCells) return failed('CSV', 'Le fichier est vide.');
  const header = headerCells.map((cell) => cell.trim());
  const entity = csvEntity(fileName, header);
  if (!Object.hasOwn(ENTRY_FIELDS, entity)) return failed('CSV', entity);
  const type = entity as EntryType;
  const fields = ENTRY_FIELDS[type];
  const label = `${ENTRY_LABELS[type].many} (CSV)`;

  const known = new Set(['slug', ...fields.map((field) => field.column)]);
  const ignored = header.filter((column) => column && !known.has(column) && !IGNORED_COLUMNS.has(column));
  const notes = ignored.length > 0 ? [`Colonnes ignorées (inconnues pour ce fichier) : ${ignored.map((column) => `« ${column} »`).join(', ')}.`] : [];
  // Where each column is, by name: one pass, whatever the number of columns.
  const positions = new Map<string, number>();
  const duplicates = new Set<string>();
  header.forEach((column, index) => {
    if (!column) return;
    if (positions.has(column)) duplicates.add(column);
    else positions.set(column, index);
  });
  if (duplicates.size > 0) return failed(label, `Colonne en double dans l’en-tête : ${[...duplicates].map((column) => `« ${column} »`).join(', ')}.`);
  if (data.length > MAX_IMPORT_ROWS) return failed(label, TOO_MANY_ROWS);

  const rows: RawRow[] = [];
  data.forEach((record, index) => {
    // A spreadsheet often leaves rows of empty cells at the end.
    if (record.every((cell) => cell.trim() === '')) return;
    const cellOf = (column: string): RawCell | undefined => {
      const at = positions.get(column);
      return at === undefined ? undefined : { column, value: unescapeFormula(record[at] ?? '') };
    };
    const cells = new Map<string, RawCell>();
    for (const field of fields) {
      const cell = cellOf(field.column);
      if (cell) cells.set(field.key, cell);
    }
    const errors =
      record.length > header.length && record.slice(header.length).some((cell) => cell.trim() !== '')
        ? [{ column: '—', message: `La ligne a ${record.length} cellules, l’en-tête ${header.length} colonnes : un séparateur est peut-être en trop.` }]
        : [];
    rows.push({ entity: type, where: `ligne ${index + 2}`, slug: cellOf('slug')!, cells, links: {}, errors });
  });
  return { label, rows, notes, errors: rows.length === 0 ? ['Le fichier n’a aucune ligne de données sous l’en-tête.'] : [] };
}

const JSON_ARRAYS: [string, EntryType][] = [
  ['themes', 'Theme'],
  ['providers', 'Provider'],
  ['solutions', 'Solution'],
  ['needs', 'Need'],
];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A reference in repertoire.json is an object with a slug, or null. */
function refValue(value: unknown): unknown {
  if (value === null) return '';
  if (isObject(value)) return value.slug;
  return value;
}

function parseJson(content: string): ParsedFile {
  const label = 'repertoire.json';
  let data: unknown;
  try {
    data = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    return failed(label, `Le fichier n’est pas du JSON valide (${error instanceof Error ? error.message : String(error)}).`);
  }
  if (!isObject(data)) return failed(label, 'Ce JSON n’est pas le fichier repertoire.json de la page Données ouvertes.');
  if (data.format === BACKUP_FORMAT) return failed(label, 'C’est une sauvegarde complète : elle se restaure en ligne de commande (npm run db:import), pas ici.');
  if ('hsds_version' in data) return failed(label, 'Le format HSDS ne s’importe pas : importez repertoire.json (ou les fichiers CSV) de la page Données ouvertes.');
  if (!JSON_ARRAYS.some(([key]) => Array.isArray(data[key]))) {
    return failed(label, 'Ce JSON n’a ni « themes », ni « providers », ni « solutions », ni « needs » : ce n’est pas le fichier repertoire.json.');
  }
  const itemCount = JSON_ARRAYS.reduce((count, [key]) => count + (Array.isArray(data[key]) ? data[key].length : 0), 0);
  if (itemCount > MAX_IMPORT_ROWS) return failed(label, TOO_MANY_ROWS);

  const rows: RawRow[] = [];
  const errors: string[] = [];
  for (const [key, entity] of JSON_ARRAYS) {
    const items = data[key];
    if (items === undefined) continue;
    if (!Array.isArray(items)) {
      errors.push(`« ${key} » doit être une liste.`);
      continue;
    }
    items.forEach((item: unknown, index) => {
      const where = `${key} n° ${index + 1}`;
      if (!isObject(item)) {
        rows.push({ entity, where, slug: { column: 'slug', value: undefined }, cells: new Map(), links: {}, errors: [{ column: key, message: 'Chaque élément doit être un objet.' }] });
        return;
      }
      const cells = new Map<string, RawCell>();
      for (const field of ENTRY_FIELDS[entity]) {
        if (!(field.jsonKey in item)) continue;
        const value = item[field.jsonKey];
        cells.set(field.key, { column: field.jsonKey, value: field.kind === 'ref' ? refValue(value) : value });
      }
      const links: RawLinks = {};
      if (entity === 'Need' && 'solutions' in item) links.solutions = { column: 'solutions', value: item.solutions };
      if (entity === 'Need' && 'related' in item) links.related = { column: 'related', value: item.related };
      if (entity === 'Solution' && 'providers' in item) links.providers = { column: 'providers', value: item.providers };
      rows.push({ entity, where, slug: { column: 'slug', value: item.slug }, cells, links, errors: [] });
    });
  }
  return { label, rows, notes: [], errors: rows.length === 0 && errors.length === 0 ? ['Le fichier ne contient aucune fiche.'] : errors };
}

export function parseImportFile(fileName: string, content: string): ParsedFile {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  if (fileName.toLowerCase().endsWith('.json') || trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJson(content);
  return parseCsv(fileName, content);
}
