// Checks each row's values without the database: slug, enum codes (or their French labels),
// numbers, dates, lengths, addresses, duplicates in the file. Each problem names the row and
// the column, in French. References to other entries are checked later, against the database
// (lib/import/plan.ts).
import { z } from 'zod';
import { ProviderRole } from '@/lib/generated/prisma/enums';
import type { EntryType } from '@/lib/history/snapshot';
import { normalisePostalCode } from '@/lib/entries/checks';
import { ENTRY_FIELDS, type FieldDef } from '@/lib/import/fields';
import type { RawCell, RawRow } from '@/lib/import/parse';
import { providerRoleLabels } from '@/lib/labels';
import { slugSchema } from '@/lib/validation/slug';

export type RowError = { column: string; message: string };

export type LinkValues = {
  solutions?: string[];
  related?: { slug: string; note: string }[];
  providers?: { slug: string; role: ProviderRole }[];
};

export type ImportRow = {
  entity: EntryType;
  where: string;
  slug: string;
  /** Typed values by field key, only for the fields the file gives; references as slugs (null: none). */
  fields: Record<string, unknown>;
  links: LinkValues;
  errors: RowError[];
};

const LIST_SEPARATOR = '|';
// As the admin forms: short texts on one line, long ones keep their line breaks.
const SINGLE_LINE = /^[^\p{Cc}]*$/u;
const MULTI_LINE = /^(?:[^\p{Cc}]|[\n\r\t])*$/u;
const languageSchema = z.string().regex(/^[a-z]{2,3}$/);
const urlSchema = z.url({ protocol: /^https?$/ });
const emailSchema = z.email();
const isoDateTime = z.iso.datetime({ offset: true });

const fold = (value: string) => value.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

function describeOptions(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([code, label]) => `${code} (${label})`)
    .join(', ');
}

/** A code, or its French label (accents and case aside). */
function enumValue(text: string, options: Record<string, string>): string | undefined {
  const wanted = text.trim();
  // Own keys only: "constructor" or "toString" is in every object, never a code.
  if (Object.hasOwn(options, wanted)) return wanted;
  const upper = wanted.toUpperCase();
  if (Object.hasOwn(options, upper)) return upper;
  const folded = fold(wanted);
  return Object.entries(options).find(([, label]) => fold(label) === folded)?.[0];
}

type Result = { value: unknown } | { error: string };

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  return undefined;
}

function asList(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
  const text = asText(value);
  if (text === undefined) return undefined;
  return text
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter(Boolean);
}

function readField(field: FieldDef, raw: unknown): Result {
  switch (field.kind) {
    case 'text': {
      const text = asText(raw);
      if (text === undefined) return { error: 'du texte est attendu.' };
      if (field.max && text.length > field.max) return { error: `trop long : ${text.length} caractères, au plus ${field.max}.` };
      if (!(field.max && field.max > 300 ? MULTI_LINE : SINGLE_LINE).test(text)) return { error: 'contient des caractères invalides (saut de ligne ou caractère de contrôle).' };
      if (field.isRequired && text.trim() === '') return { error: 'obligatoire, ne peut pas être vide.' };
      return { value: text };
    }
    case 'int': {
      const text = asText(raw)?.trim();
      if (text === undefined || !/^-?\d{1,9}$/.test(text)) return { error: `nombre entier attendu${text ? `, pas « ${text} »` : ''}.` };
      return { value: Number(text) };
    }
    case 'bool': {
      if (typeof raw === 'boolean') return { value: raw };
      const text = fold(asText(raw) ?? '?');
      if (['true', 'vrai', 'oui', '1', ''].includes(text)) return { value: text !== '' };
      if (['false', 'faux', 'non', '0'].includes(text)) return { value: false };
      return { error: `oui ou non attendu (true ou false), pas « ${asText(raw) ?? '?'} ».` };
    }
    case 'date': {
      const text = asText(raw)?.trim();
      if (text === undefined) return { error: 'date attendue.' };
      if (text === '') return { value: null };
      const date = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : isoDateTime.safeParse(text).success ? new Date(text) : null;
      if (!date || Number.isNaN(date.getTime())) return { error: `date attendue au format AAAA-MM-JJ, pas « ${text} ».` };
      return { value: date };
    }
    case 'enum': {
      const text = asText(raw)?.trim() ?? '';
      if (text === '') {
        if (field.fallback !== undefined) return { value: field.fallback };
        return { error: `obligatoire. Valeurs permises : ${describeOptions(field.options!)}.` };
      }
      const code = enumValue(text, field.options!);
      if (!code) return { error: `« ${text} » n’est pas une valeur permise. Valeurs permises : ${describeOptions(field.options!)}.` };
      return { value: code };
    }
    case 'enumList': {
      const items = asList(raw);
      if (!items) return { error: 'liste de valeurs attendue.' };
      const codes: string[] = [];
      for (const item of items) {
        const code = enumValue(item, field.options!);
        if (!code) return { error: `« ${item} » n’est pas une valeur permise (séparez les valeurs par « | »). Valeurs permises : ${describeOptions(field.options!)}.` };
        if (!codes.includes(code)) codes.push(code);
      }
      return { value: codes };
    }
    case 'languages': {
      const items = asList(raw);
      if (!items) return { error: 'liste de codes de langue attendue.' };
      const codes = items.map((item) => item.toLowerCase());
      const wrong = codes.find((code) => !languageSchema.safeParse(code).success);
      if (wrong) return { error: `« ${wrong} » n’est pas un code de langue (deux lettres, p. ex. fr|en).` };
      return { value: [...new Set(codes)] };
    }
    case 'ref': {
      const text = asText(raw)?.trim();
      if (text === undefined) return { error: 'identifiant (slug) attendu.' };
      if (text === '') return { value: null };
      if (!slugSchema.safeParse(text).success) return { error: `« ${text} » n’est pas un identifiant (slug) valide.` };
      return { value: text };
    }
    case 'url': {
      const text = asText(raw)?.trim();
      if (text === undefined) return { error: 'adresse attendue.' };
      if (field.max && text.length > field.max) return { error: `trop long : au plus ${field.max} caractères.` };
      if (text !== '' && !urlSchema.safeParse(text).success) return { error: `« ${text} » n’est pas une adresse Web complète (https://…).` };
      return { value: text };
    }
    case 'email': {
      const text = asText(raw)?.trim();
      if (text === undefined) return { error: 'adresse courriel attendue.' };
      if (text !== '' && !emailSchema.safeParse(text).success) return { error: `« ${text} » n’est pas une adresse courriel valide.` };
      return { value: text };
    }
    case 'postalCode': {
      const text = asText(raw)?.trim();
      if (text === undefined) return { error: 'code postal attendu.' };
      if (text === '') return { value: '' };
      const code = normalisePostalCode(text);
      if (!code) return { error: `« ${text} » n’est pas un code postal canadien (p. ex. H2X 1Y4).` };
      return { value: code };
    }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function slugOf(item: unknown): string | undefined {
  const slug = isObject(item) ? item.slug : item;
  return typeof slug === 'string' && slugSchema.safeParse(slug).success ? slug : undefined;
}

function readLinks(row: RawRow, errors: RowError[]): LinkValues {
  const links: LinkValues = {};
  const fail = (cell: RawCell, message: string) => errors.push({ column: cell.column, message });
  const { solutions, related, providers } = row.links;
  if (solutions) {
    if (!Array.isArray(solutions.value)) fail(solutions, 'liste de solutions attendue.');
    else {
      const slugs = solutions.value.map(slugOf);
      if (slugs.some((slug) => !slug)) fail(solutions, 'chaque solution doit avoir un « slug » valide.');
      else links.solutions = [...new Set(slugs as string[])];
    }
  }
  if (related) {
    if (!Array.isArray(related.value)) fail(related, 'liste de besoins liés attendue.');
    else {
      const outgoing = related.value.filter((item) => !isObject(item) || item.direction === undefined || item.direction === 'to');
      const values = outgoing.map((item) => ({ slug: slugOf(item), note: isObject(item) && typeof item.note === 'string' ? item.note : '' }));
      if (values.some((value) => !value.slug)) fail(related, 'chaque besoin lié doit avoir un « slug » valide.');
      else links.related = values as { slug: string; note: string }[];
    }
  }
  if (providers) {
    if (!Array.isArray(providers.value)) fail(providers, 'liste de fournisseurs attendue.');
    else {
      const values: { slug: string; role: ProviderRole }[] = [];
      // Pairs already listed: a list of thousands of links is read in one pass.
      const listed = new Set<string>();
      for (const item of providers.value) {
        const slug = slugOf(item);
        const roles = isObject(item) && Array.isArray(item.roles) ? item.roles : undefined;
        if (!slug || !roles) {
          fail(providers, 'chaque fournisseur doit avoir un « slug » valide et une liste « roles ».');
          break;
        }
        for (const role of roles) {
          const code = typeof role === 'string' ? enumValue(role, providerRoleLabels) : undefined;
          if (!code) {
            fail(providers, `rôle « ${String(role)} » inconnu. Valeurs permises : ${describeOptions(providerRoleLabels)}.`);
            break;
          }
          const pair = `${slug} ${code}`;
          if (listed.has(pair)) continue;
          listed.add(pair);
          values.push({ slug, role: code as ProviderRole });
        }
      }
      links.providers = values;
    }
  }
  return links;
}

export function validateRows(rows: readonly RawRow[]): ImportRow[] {
  const firstSeen = new Map<string, string>();
  return rows.map((row) => {
    const errors: RowError[] = [...row.errors];
    const slugText = asText(row.slug.value)?.trim() ?? '';
    let slug = slugText;
    if (slugText === '') errors.push({ column: row.slug.column, message: 'obligatoire : chaque fiche est reconnue par son identifiant (slug).' });
    else if (!slugSchema.safeParse(slugText).success) {
      errors.push({ column: row.slug.column, message: `« ${slugText} » n’est pas un identifiant valide : lettres minuscules sans accents, chiffres et traits d’union (p. ex. centre-ti), 120 caractères au plus.` });
      slug = '';
    } else {
      const key = `${row.entity}:${slugText}`;
      const earlier = firstSeen.get(key);
      if (earlier) errors.push({ column: row.slug.column, message: `« ${slugText} » apparaît déjà plus haut dans le fichier (${earlier}).` });
      else firstSeen.set(key, row.where);
    }

    const fields: Record<string, unknown> = {};
    for (const field of ENTRY_FIELDS[row.entity]) {
      const cell = row.cells.get(field.key);
      if (!cell) continue;
      const result = readField(field, cell.value);
      if ('error' in result) errors.push({ column: cell.column, message: result.error });
      else fields[field.key] = result.value;
    }
    if (row.entity === 'Solution' && fields.parent && fields.parent === slug) {
      errors.push({ column: row.cells.get('parent')!.column, message: 'une solution ne peut pas être un sous-point d’elle-même.' });
    }
    const links = readLinks(row, errors);
    return { entity: row.entity, where: row.where, slug, fields, links, errors };
  });
}
