import { z } from 'zod';
import { Region } from '@/lib/generated/prisma/enums';
import { emailSchema } from '@/lib/validation/user';

// What a visitor sends from /suggerer, and what a member decides in /admin/suggestions.
// French messages, shown beside each field. Text is kept as typed (rendered as text, never
// as markup) once it is well-formed: no NUL or other control characters (PostgreSQL refuses
// NUL, and they have no place in a message), lone surrogates repaired, line ends unified.

export const SUGGESTION_LIMITS = {
  title: 200,
  message: 5_000,
  website: 500,
  decisionNote: 2_000,
  /** What an accepted error report adds to the entry's public "à vérifier" note. */
  verifyNote: 1_000,
} as const;

/** The public form's fields, in the order they are shown. `telecopieur` is the honeypot. */
export const suggestionFields = ['kind', 'type', 'slug', 'title', 'message', 'website', 'region', 'email', 'emailConsent'] as const;
export type SuggestionField = (typeof suggestionFields)[number];
export const HONEYPOT_FIELD = 'telecopieur';

/** ?type= of /suggerer → the entry model it names. */
export const REPORT_TYPES = { besoin: 'Need', solution: 'Solution', fournisseur: 'Provider' } as const;
export type ReportType = keyof typeof REPORT_TYPES;
export type ReportEntityType = (typeof REPORT_TYPES)[ReportType];

export function isReportType(value: unknown): value is ReportType {
  return typeof value === 'string' && Object.hasOwn(REPORT_TYPES, value);
}

export function reportTypeOf(entityType: ReportEntityType): ReportType {
  return (Object.keys(REPORT_TYPES) as ReportType[]).find((key) => REPORT_TYPES[key] === entityType)!;
}

/** Well-formed, NFC, "\n" line ends, trimmed; non-strings pass through for zod to refuse. */
export function cleanText(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.toWellFormed().replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

function hasControlCharacters(value: string, { allowLineBreaks }: { allowLineBreaks: boolean }): boolean {
  for (const char of value) {
    if (allowLineBreaks && (char === '\n' || char === '\t')) continue;
    if (/\p{Cc}/u.test(char)) return true;
  }
  return false;
}

const emptyToUndefined = (value: unknown): unknown => {
  const cleaned = cleanText(value);
  return cleaned === '' || cleaned === null ? undefined : cleaned;
};

const INVALID_CHARACTERS = 'Ce texte contient des caractères invalides (caractères de contrôle). Retirez-les, puis envoyez de nouveau.';

function requiredLine(max: number, missing: string, tooLong: string) {
  return z.preprocess(
    cleanText,
    z
      .string({ error: missing })
      .min(1, { error: missing })
      .max(max, { error: tooLong })
      .refine((value) => !hasControlCharacters(value, { allowLineBreaks: false }), { error: INVALID_CHARACTERS }),
  );
}

function textBlock(max: number, missing: string | null, tooLong: string) {
  const base = z
    .string({ error: missing ?? 'Texte invalide.' })
    .max(max, { error: tooLong })
    .refine((value) => !hasControlCharacters(value, { allowLineBreaks: true }), { error: INVALID_CHARACTERS });
  return z.preprocess(cleanText, missing ? base.min(1, { error: missing }) : base);
}

const titleSchema = requiredLine(
  SUGGESTION_LIMITS.title,
  'Entrez le nom de la ressource.',
  `Le nom est trop long (${SUGGESTION_LIMITS.title} caractères au plus).`,
);

function messageSchema(missing: string) {
  return textBlock(
    SUGGESTION_LIMITS.message,
    missing,
    `Votre texte est trop long (${SUGGESTION_LIMITS.message.toLocaleString('fr-CA')} caractères au plus). Raccourcissez-le un peu.`,
  );
}

/** A site address; "exemple.org" is read as "https://exemple.org". Only http(s). */
export const websiteSchema = z.preprocess(
  (value) => {
    const cleaned = emptyToUndefined(value);
    if (typeof cleaned !== 'string') return cleaned;
    return /^[a-z][a-z0-9+.-]*:/i.test(cleaned) ? cleaned : `https://${cleaned}`;
  },
  z
    .string()
    .max(SUGGESTION_LIMITS.website, { error: `L’adresse est trop longue (${SUGGESTION_LIMITS.website} caractères au plus).` })
    .pipe(
      z.url({
        protocol: /^https?$/,
        hostname: z.regexes.domain,
        error: 'Entrez une adresse Web valide, par exemple https://organisme.org, ou laissez ce champ vide.',
      }),
    )
    .optional(),
);

const regionSchema = z.preprocess(emptyToUndefined, z.enum(Region, { error: 'Choisissez une région dans la liste.' }).optional());

const optionalEmailSchema = z.preprocess(emptyToUndefined, emailSchema.optional());

/** An unchecked checkbox is absent from the form; a checked one sends "on". */
const checkboxSchema = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

const EMAIL_WITHOUT_CONSENT =
  'Pour que nous gardions votre adresse, cochez la case « J’accepte qu’on me contacte à ce sujet ». Sinon, effacez l’adresse : elle est facultative.';

const contactShape = {
  message: messageSchema('Décrivez la ressource : ce qu’elle offre, à qui, où.'),
  website: websiteSchema,
  email: optionalEmailSchema,
  emailConsent: checkboxSchema,
};

function requireConsentForEmail(value: { email?: string; emailConsent: boolean }, context: z.RefinementCtx): void {
  if (value.email && !value.emailConsent) context.addIssue({ code: 'custom', path: ['email'], message: EMAIL_WITHOUT_CONSENT });
}

/** "Suggérer une ressource". */
export const newResourceSchema = z
  .object({ ...contactShape, title: titleSchema, region: regionSchema })
  .superRefine(requireConsentForEmail);

/** "Signaler une erreur": the entry is named by ?type=&slug=, looked up again on the server. */
export const errorReportSchema = z
  .object({
    ...contactShape,
    message: messageSchema('Dites-nous ce qui est inexact ou manquant dans cette fiche.'),
    type: z.enum(Object.keys(REPORT_TYPES) as [ReportType, ...ReportType[]], { error: 'Fiche introuvable.' }),
    slug: z.string({ error: 'Fiche introuvable.' }).regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'Fiche introuvable.' }).max(120),
  })
  .superRefine(requireConsentForEmail);

export type NewResourceInput = z.infer<typeof newResourceSchema>;
export type ErrorReportInput = z.infer<typeof errorReportSchema>;

// --- Decisions (admin) ----------------------------------------------------------------

export const suggestionIdSchema = z.string({ error: 'Suggestion introuvable.' }).regex(/^[a-z0-9]{20,40}$/, { error: 'Suggestion introuvable.' });

export const decisionNoteSchema = textBlock(
  SUGGESTION_LIMITS.decisionNote,
  null,
  `La note est trop longue (${SUGGESTION_LIMITS.decisionNote.toLocaleString('fr-CA')} caractères au plus).`,
);

export const draftTargets = ['Provider', 'Solution'] as const;
export type DraftTarget = (typeof draftTargets)[number];

export const acceptSuggestionSchema = z.object({
  suggestionId: suggestionIdSchema,
  decisionNote: decisionNoteSchema.default(''),
  /** New resource: what the draft becomes. */
  target: z.enum(draftTargets, { error: 'Choisissez ce que devient la suggestion.' }).default('Provider'),
  /** Error report: the note added to the entry (shown publicly with "À vérifier"). */
  verifyNote: textBlock(
    SUGGESTION_LIMITS.verifyNote,
    null,
    `La note est trop longue (${SUGGESTION_LIMITS.verifyNote.toLocaleString('fr-CA')} caractères au plus).`,
  ).default(''),
});
export type AcceptSuggestionInput = z.infer<typeof acceptSuggestionSchema>;

export const rejectSuggestionSchema = z.object({ suggestionId: suggestionIdSchema, decisionNote: decisionNoteSchema.default('') });
export const noteSuggestionSchema = rejectSuggestionSchema;

export const suggestionStatuses = ['PENDING', 'ACCEPTED', 'REJECTED'] as const;
export type SuggestionStatusValue = (typeof suggestionStatuses)[number];

/** ?statut= of the admin queue: "a-traiter" | "acceptees" | "refusees"; anything else = all. */
export const STATUS_PARAMS: Record<string, SuggestionStatusValue> = {
  'a-traiter': 'PENDING',
  acceptees: 'ACCEPTED',
  refusees: 'REJECTED',
};
