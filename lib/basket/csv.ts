// The basket as a CSV file, for a spreadsheet. csv-stringify does the quoting (delimiters,
// quotes, line breaks inside a cell) and neutralises cells that a spreadsheet would run as
// a formula ("=…", "+…", "@…", "-…": a leading apostrophe, as OWASP recommends).
import { stringify } from 'csv-stringify/sync';
import { basketItemPath } from '@/lib/basket/item-path';
import type { BasketContactDto, BasketItemDto, BasketProviderDto, BasketSolutionDto } from '@/lib/basket/types';
import { fieldOf, publicLabel, type Field } from '@/lib/entries/fields';
import { factText } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { availabilityLabels, costLabels, helpKindLabels, providerKindLabels, rolesLabel, withInferredMark } from '@/lib/labels';

/**
 * Semicolons: Excel in French (Canada), like most French locales, splits a double-clicked
 * CSV file on ";" (its list separator), and would put every comma-separated line in a
 * single column. LibreOffice and Google Sheets detect either.
 */
export const CSV_DELIMITER = ';';

// A provider's facts on the sheet are its definition's `basket` list (lib/entries/provider.ts),
// one column each under its public label: a field added there reaches the file. The cost comes
// first, beside « Offert par »: for a solution's row too it says what is offered, at what price.
const FACT_FIELDS: Field[] = Object.keys(providerEntry.basket)
  .map((key) => fieldOf(providerEntry, key)!)
  .sort((a, b) => Number(b.key === 'cost') - Number(a.key === 'cost'));

export const csvColumns = [
  'Type',
  'Nom',
  'Description',
  'Ce qui est offert',
  'Offert par',
  ...FACT_FIELDS.map(publicLabel),
  'À vérifier',
  'Fiche dans le répertoire',
] as const;

/** Several values in one cell: one per line (spreadsheets show them stacked). */
const LINES = '\n';

const solutionTypeLabels: Record<BasketSolutionDto['availability'], string> = {
  EXISTING: 'Solution existante',
  UNCONFIRMED: 'Solution à confirmer',
  PROPOSED: 'Solution proposée',
};

function typeLabel(item: BasketItemDto): string {
  if (item.kind === 'provider') return providerKindLabels[item.providerKind];
  return solutionTypeLabels[item.availability];
}

function offerOf(item: BasketItemDto): string {
  if (item.kind === 'provider') {
    return item.offers.map((offer) => `${offer.title} (${availabilityLabels[offer.availability].toLowerCase()})`).join(LINES);
  }
  return withInferredMark(item.kinds.map((kind) => helpKindLabels[kind]).join(', '), item.kinds.length > 0 && item.inferredFields.includes('KINDS'), item.kinds.length > 1);
}

function providersOf(item: BasketItemDto): string {
  if (item.kind === 'provider') return '';
  return item.providers
    .map((provider) =>
      provider.roles.includes('OFFERS') && provider.inferredRoles.length === 0 ? provider.name : `${provider.name} (${rolesLabel(provider.roles, provider.inferredRoles)})`,
    )
    .join(LINES);
}

const CONTACT_KEYS = new Set<string>(['website', 'email', 'phone'] satisfies (keyof BasketContactDto)[]);

/**
 * A solution has its own cost; it is reached through the providers behind it, "Name : value"
 * per line; the provider's other facts (address, regions, formats) stay empty on its row.
 */
function solutionFact(item: BasketSolutionDto, field: Field): string {
  if (field.key === 'cost') return item.cost === 'UNKNOWN' ? '' : withInferredMark(costLabels[item.cost], item.inferredFields.includes('COST'));
  if (!CONTACT_KEYS.has(field.key)) return '';
  const key = field.key as 'website' | 'email' | 'phone';
  return item.providers
    .filter((provider) => provider[key])
    .map((provider) => `${provider.name} : ${provider[key]}`)
    .join(LINES);
}

const providerFact = (item: BasketProviderDto, field: Field) => factText(field, item[field.key as keyof BasketProviderDto]) ?? '';

function toRow(item: BasketItemDto, siteUrl: string): string[] {
  return [
    typeLabel(item),
    item.name,
    item.description,
    offerOf(item),
    providersOf(item),
    ...FACT_FIELDS.map((field) => (item.kind === 'provider' ? providerFact(item, field) : solutionFact(item, field))),
    item.toVerify ? item.verifyNote || 'Oui' : '',
    `${siteUrl.replace(/\/+$/, '')}${basketItemPath(item)}`,
  ];
}

/** UTF-8 text with a byte order mark (so that Excel reads the accents right), CRLF line ends. */
export function basketToCsv(items: readonly BasketItemDto[], siteUrl: string): string {
  return stringify([[...csvColumns], ...items.map((item) => toRow(item, siteUrl))], {
    bom: true,
    delimiter: CSV_DELIMITER,
    record_delimiter: 'windows',
    // Needed with a custom record delimiter, or a cell holding a lone "\n" is left unquoted.
    quote_record_delimiter: true,
    escape_formulas: true,
  });
}

/** "panier-de-services-2026-11-28.csv" (date in Montréal). */
export function csvFileName(now: Date): string {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Toronto', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
  return `panier-de-services-${day}.csv`;
}
