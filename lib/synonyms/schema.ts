// One zod schema for a synonym group, shared by the admin form (lib/actions/synonyms.ts), the
// seed (prisma/seed/synonymes.json) and the history's « Restaurer ». What needs PostgreSQL
// (stop words, stems, loops across groups, a term found almost everywhere) is checked after it,
// in lib/synonyms/check.ts. Messages are French: members read them.
import { z } from 'zod';

export const SYNONYM_LIMITS = {
  /** Terms of one group: past this, a group is a list of topics rather than synonyms. */
  terms: 40,
  /** What a one-way group's terms also search. */
  expandsTo: 10,
  /** The longest starter term is a law's full title (100 characters). */
  termLength: 120,
  noteLength: 1000,
  /** Characters of a whole textarea: refused before splitting (a 10 MB paste costs nothing). */
  fieldLength: 8000,
} as const;

// Letters (with their accents), digits, spaces, and the punctuation names and laws use:
// apostrophes, hyphens, periods, commas, slashes (« Hub 0/1 »), « & ». Anything else (<, ", |,
// !, :, *, parentheses, control characters…) is refused: it is either a search operator or
// has no place in a word.
const ALLOWED = /^[\p{L}\p{M}\p{N} '’\-.,/&]+$/u;
const DISALLOWED = /[^\p{L}\p{M}\p{N} '’\-.,/&]/gu;

/** A term as stored: NFC, one space between words, typographic apostrophe as ASCII. */
export function normalizeTerm(raw: string): string {
  return raw.normalize('NFC').replaceAll('’', "'").replace(/\s+/gu, ' ').trim();
}

const quote = (text: string): string => `«\u00a0${text.length > 60 ? `${text.slice(0, 60)}…` : text}\u00a0»`;

function describeDisallowed(term: string): string {
  const found = [...new Set(term.match(DISALLOWED) ?? [])].map((character) => (/\s|\p{C}/u.test(character) ? 'un caractère invisible' : character));
  return `${quote(term)} contient des caractères non permis (${found.slice(0, 8).join(' ')}). Seuls les lettres, les chiffres, les espaces, l’apostrophe, le trait d’union, le point, la virgule, la barre oblique et « & » sont acceptés.`;
}

const termSchema = z
  .string()
  .transform(normalizeTerm)
  .superRefine((term, context) => {
    if (!term) context.addIssue({ code: 'custom', message: 'Un terme est vide.' });
    else if (Array.from(term).length > SYNONYM_LIMITS.termLength)
      context.addIssue({ code: 'custom', message: `${quote(term)} dépasse ${SYNONYM_LIMITS.termLength} caractères.` });
    else if (!ALLOWED.test(term)) context.addIssue({ code: 'custom', message: describeDisallowed(term) });
    else if (!/[\p{L}\p{N}]/u.test(term)) context.addIssue({ code: 'custom', message: `${quote(term)} ne contient ni lettre ni chiffre.` });
  });

function termList(max: number, label: string) {
  return z.array(termSchema).superRefine((terms, context) => {
    if (terms.length > max) {
      context.addIssue({
        code: 'custom',
        message: `${label} : ${max} au plus (il y en a ${terms.length.toLocaleString('fr-CA')}). Séparez-les en plusieurs groupes.`,
      });
      return;
    }
    const seen = new Map<string, string>();
    for (const term of terms) {
      const key = term.toLocaleLowerCase('fr');
      if (seen.has(key)) context.addIssue({ code: 'custom', message: `${quote(term)} figure deux fois.` });
      seen.set(key, term);
    }
  });
}

export const synonymGroupSchema = z
  .object({
    terms: termList(SYNONYM_LIMITS.terms, 'Termes'),
    oneWay: z.boolean(),
    expandsTo: termList(SYNONYM_LIMITS.expandsTo, 'Termes à chercher aussi').default([]),
    note: z
      .string()
      .transform((note) => note.normalize('NFC').trim())
      .pipe(z.string().max(SYNONYM_LIMITS.noteLength, `La note compte ${SYNONYM_LIMITS.noteLength} caractères au plus.`))
      .default(''),
  })
  .superRefine((group, context) => {
    if (group.oneWay) {
      if (group.terms.length < 1) context.addIssue({ code: 'custom', path: ['terms'], message: 'Indiquez au moins un terme.' });
      if (group.expandsTo.length < 1)
        context.addIssue({ code: 'custom', path: ['expandsTo'], message: 'Indiquez au moins un terme que la recherche doit trouver aussi.' });
      const terms = new Set(group.terms.map((term) => term.toLocaleLowerCase('fr')));
      for (const target of group.expandsTo) {
        if (terms.has(target.toLocaleLowerCase('fr')))
          context.addIssue({ code: 'custom', path: ['expandsTo'], message: `${quote(target)} mène à lui-même : retirez-le d’une des deux listes.` });
      }
    } else {
      if (group.terms.length < 2) context.addIssue({ code: 'custom', path: ['terms'], message: 'Un groupe dans les deux sens compte au moins deux termes.' });
      if (group.expandsTo.length > 0)
        context.addIssue({
          code: 'custom',
          path: ['expandsTo'],
          message: 'Un groupe dans les deux sens n’a pas de termes « à chercher aussi » : videz ce champ ou choisissez « dans un sens ».',
        });
    }
  });

export type SynonymGroupInput = z.output<typeof synonymGroupSchema>;
export type SynonymGroupField = 'terms' | 'oneWay' | 'expandsTo' | 'note';

// --- The seed file ------------------------------------------------------------------------------

const seedFileSchema = z.object({ groups: z.array(synonymGroupSchema).min(1) });

export type SeedSynonymGroup = SynonymGroupInput & { key: string };

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The seed key of a group: its first term, and for a one-way group the first term it leads to
 * ("ordinateur", "ordinateur>materiel-informatique"). Stable while those stay first.
 */
export function seedKeyOf(group: Pick<SynonymGroupInput, 'terms' | 'oneWay' | 'expandsTo'>): string {
  const head = slugOf(group.terms[0] ?? '');
  return group.oneWay ? `${head}>${slugOf(group.expandsTo[0] ?? '')}` : head;
}

/** The groups of prisma/seed/synonymes.json, checked, each with its seed key (unique). */
export function parseSeedSynonyms(json: unknown): SeedSynonymGroup[] {
  const groups = seedFileSchema.parse(json).groups.map((group) => ({ ...group, key: seedKeyOf(group) }));
  const keys = new Set<string>();
  for (const group of groups) {
    if (!group.note) throw new Error(`Le groupe de synonymes ${group.key} n’a pas de note : chaque groupe dit pourquoi ses mots vont ensemble.`);
    if (keys.has(group.key)) throw new Error(`Deux groupes de synonymes ont la même clé : ${group.key}`);
    keys.add(group.key);
  }
  return groups;
}
