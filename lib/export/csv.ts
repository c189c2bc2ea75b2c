// The CSV downloads of /donnees. Same conventions as the basket's CSV (lib/basket/csv.ts):
// UTF-8 with a byte order mark (Excel then reads the accents right), ";" between columns
// (Excel in French splits a double-clicked file on ";"), CRLF line ends, csv-stringify for
// the quoting, and cells that a spreadsheet would run as a formula ("=…", "+…", "-…", "@…")
// prefixed with an apostrophe (OWASP's advice against CSV injection).
//
// One file per entity, with the API's field names and codes (lib/api/schemas.ts) so that the
// files, the JSON and the API say the same thing; the relations between entries are in
// liens.csv. inventaire.csv is the flat, readable view: one line per need and solution, in
// French words.
import { stringify } from 'csv-stringify/sync';
import { CSV_DELIMITER } from '@/lib/basket/csv';
import { openName, publicLabel, type Field } from '@/lib/entries/fields';
import { needEntry } from '@/lib/entries/need';
import { cellOf, LIST_SEPARATOR, openContentFields, openVerificationFields, refSlugKey, type Cell } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { solutionEntry } from '@/lib/entries/solution';
import { themeEntry } from '@/lib/entries/theme';
import type { Dataset, DatasetSolution } from '@/lib/export/types';
import type { ProviderRole } from '@/lib/generated/prisma/enums';
import {
  availabilityLabels,
  costLabels,
  helpKindLabels,
  needKindLabels,
  rolesLabel,
  withInferredMark,
} from '@/lib/labels';
import { absoluteUrl, needPath, providerPath, solutionPath } from '@/lib/seo/urls';

export { CSV_DELIMITER };

/** Several codes or slugs in one cell of the entity files. */
export { LIST_SEPARATOR };
/** Several names in one cell of inventaire.csv: one per line, as in the basket's file. */
const LINES = '\n';

export const CSV_FILES = ['besoins', 'solutions', 'fournisseurs', 'themes', 'liens', 'inventaire'] as const;
export type CsvFile = (typeof CSV_FILES)[number];

type Table = { columns: readonly string[]; rows: Cell[][] };

/** The kinds of entry of the entity files, by file. */
const ENTITY_FILES = { besoins: needEntry, solutions: solutionEntry, fournisseurs: providerEntry, themes: themeEntry } as const;
type EntityFile = keyof typeof ENTITY_FILES;

/** Columns /donnees computes for a need: its solutions by availability. */
const NEED_COUNTS = ['existing_solution_count', 'proposed_solution_count', 'unconfirmed_solution_count'] as const;

/**
 * An entity file's columns: the slug, what the entry says (its definition's open fields in
 * their order), a need's counts, its verification, the date of the last change and, for
 * entries that have a page, its address.
 */
function entityColumns(file: EntityFile): string[] {
  const def = ENTITY_FILES[file];
  return [
    'slug',
    ...openContentFields(def).map(openName),
    ...(file === 'besoins' ? NEED_COUNTS : []),
    ...openVerificationFields(def).map(openName),
    'updated_at',
    ...(file === 'themes' ? [] : ['url']),
  ];
}

export const CSV_COLUMNS = {
  besoins: entityColumns('besoins'),
  solutions: entityColumns('solutions'),
  fournisseurs: entityColumns('fournisseurs'),
  themes: entityColumns('themes'),
  liens: ['relation', 'from', 'to', 'role', 'role_inferred', 'position', 'note'],
  inventaire: [
    'Besoin ou enjeu', 'Type', 'Thème', 'Solution', 'Statut', publicLabel(solutionEntry.fields.parentId), "Types d'aide", 'Coût',
    'Fournisseurs', 'À vérifier', 'Fiche du besoin', 'Fiche de la solution',
  ],
} as const satisfies Record<CsvFile, readonly string[]>;

/** Relations of liens.csv. */
export const LINK_RELATIONS = {
  needSolution: 'besoin-solution',
  solutionProvider: 'solution-fournisseur',
  needNeed: 'besoin-besoin',
} as const;

function entityRows(dataset: Dataset, file: EntityFile, siteUrl: string): Cell[][] {
  const def = ENTITY_FILES[file];
  const cells = (fields: Field[], entry: object) => fields.map((field) => cellOf(field, (entry as Record<string, unknown>)[refSlugKey(field)]));
  const solutions = new Map(dataset.solutions.map((solution) => [solution.slug, solution]));
  const counts = (slugs: string[]) => {
    const linked = slugs.map((slug) => solutions.get(slug)).filter((s): s is DatasetSolution => s !== undefined);
    return (['EXISTING', 'PROPOSED', 'UNCONFIRMED'] as const).map((availability) => linked.filter((s) => s.availability === availability).length);
  };
  const entries: { slug: string; updatedAt: string; solutionSlugs?: string[] }[] = { besoins: dataset.needs, solutions: dataset.solutions, fournisseurs: dataset.providers, themes: dataset.themes }[file];
  const pathOf = { besoins: needPath, solutions: solutionPath, fournisseurs: providerPath, themes: null }[file];
  return entries.map((entry) => [
    entry.slug,
    ...cells(openContentFields(def), entry),
    ...(file === 'besoins' ? counts(entry.solutionSlugs ?? []) : []),
    ...cells(openVerificationFields(def), entry),
    entry.updatedAt,
    ...(pathOf ? [absoluteUrl(siteUrl, pathOf(entry.slug))] : []),
  ]);
}

function table(dataset: Dataset, file: CsvFile, siteUrl: string): Table {
  switch (file) {
    case 'liens':
      return { columns: CSV_COLUMNS.liens, rows: linkRows(dataset) };
    case 'inventaire':
      return { columns: CSV_COLUMNS.inventaire, rows: inventoryRows(dataset, siteUrl) };
    default:
      return { columns: CSV_COLUMNS[file], rows: entityRows(dataset, file, siteUrl) };
  }
}

function linkRows(dataset: Dataset): Cell[][] {
  const rows: Cell[][] = [];
  for (const need of dataset.needs) {
    need.solutionSlugs.forEach((slug, index) => rows.push([LINK_RELATIONS.needSolution, need.slug, slug, '', '', index + 1, '']));
  }
  for (const solution of dataset.solutions) {
    for (const link of solution.providers) {
      rows.push([LINK_RELATIONS.solutionProvider, solution.slug, link.providerSlug, link.role, link.isRoleInferred, '', '']);
    }
  }
  for (const link of dataset.needLinks) rows.push([LINK_RELATIONS.needNeed, link.fromSlug, link.toSlug, '', '', '', link.note]);
  return rows;
}

/** "Centraide Québec", "Fondation X (finance)": a role other than "offers", or inferred, is said. */
function providerNames(solution: DatasetSolution, names: Map<string, string>): string {
  const roles = new Map<string, { roles: ProviderRole[]; inferred: ProviderRole[] }>();
  for (const link of solution.providers) {
    const entry = roles.get(link.providerSlug) ?? { roles: [], inferred: [] };
    entry.roles.push(link.role);
    if (link.isRoleInferred) entry.inferred.push(link.role);
    roles.set(link.providerSlug, entry);
  }
  return [...roles.entries()]
    .map(([slug, entry]) => {
      const name = names.get(slug) ?? slug;
      return entry.roles.includes('OFFERS') && entry.inferred.length === 0 ? name : `${name} (${rolesLabel(entry.roles, entry.inferred)})`;
    })
    .join(LINES);
}

// One line per (need, solution) pair in the inventory's order; a need without any solution
// still has its line (the gap shows), and so has a solution linked to no need.
function inventoryRows(dataset: Dataset, siteUrl: string): Cell[][] {
  const solutions = new Map(dataset.solutions.map((solution) => [solution.slug, solution]));
  const themes = new Map(dataset.themes.map((theme) => [theme.slug, theme.name]));
  const providerNamesBySlug = new Map(dataset.providers.map((provider) => [provider.slug, provider.name]));
  const rows: Cell[][] = [];
  const solutionCells = (solution: DatasetSolution): Cell[] => [
    solution.title,
    availabilityLabels[solution.availability],
    solution.parentSlug ? (solutions.get(solution.parentSlug)?.title ?? '') : '',
    withInferredMark(solution.kinds.map((kind) => helpKindLabels[kind]).join(', '), solution.kinds.length > 0 && solution.inferredFields.includes('KINDS'), solution.kinds.length > 1),
    solution.cost === 'UNKNOWN' ? '' : withInferredMark(costLabels[solution.cost], solution.inferredFields.includes('COST')),
    providerNames(solution, providerNamesBySlug),
  ];
  const toVerify = (...entries: { toVerify: boolean; verifyNote: string }[]) =>
    entries
      .filter((entry) => entry.toVerify)
      .map((entry) => entry.verifyNote || 'Oui')
      .join(LINES);

  const linked = new Set<string>();
  for (const need of dataset.needs) {
    const needCells: Cell[] = [need.title, needKindLabels[need.kind], need.themeSlug ? (themes.get(need.themeSlug) ?? '') : ''];
    const needUrl = absoluteUrl(siteUrl, needPath(need.slug));
    const own = need.solutionSlugs.map((slug) => solutions.get(slug)).filter((s): s is DatasetSolution => s !== undefined);
    if (own.length === 0) {
      rows.push([...needCells, '', '', '', '', '', '', toVerify(need), needUrl, '']);
      continue;
    }
    for (const solution of own) {
      linked.add(solution.slug);
      rows.push([...needCells, ...solutionCells(solution), toVerify(need, solution), needUrl, absoluteUrl(siteUrl, solutionPath(solution.slug))]);
    }
  }
  for (const solution of dataset.solutions) {
    if (linked.has(solution.slug)) continue;
    rows.push(['', '', '', ...solutionCells(solution), toVerify(solution), '', absoluteUrl(siteUrl, solutionPath(solution.slug))]);
  }
  return rows;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return String(cell);
}

/** The file as text: BOM, ";" separators, CRLF, formulas neutralised. */
export function datasetToCsv(dataset: Dataset, file: CsvFile, siteUrl: string): string {
  const { columns, rows } = table(dataset, file, siteUrl);
  return stringify([[...columns], ...rows.map((row) => row.map(cellText))], {
    bom: true,
    delimiter: CSV_DELIMITER,
    record_delimiter: 'windows',
    // Needed with a custom record delimiter, or a cell holding a lone "\n" is left unquoted.
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}
