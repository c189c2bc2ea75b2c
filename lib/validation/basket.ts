import { z } from 'zod';
import { slugSchema } from '@/lib/validation/slug';

// The basket of services is a short list of typed references kept in the browser:
// "s:<solution slug>" or "p:<provider slug>". Everything that comes back from a cookie,
// a shared link or a form is read through these schemas; anything else is dropped.

/** More than this and a sheet stops being a short list (and the cookie nears its 4 kB limit). */
export const BASKET_MAX_ITEMS = 50;

/** Longest `liste` accepted in a URL or a form: 50 refs of 120-character slugs, with room to spare. */
export const BASKET_LIST_MAX_LENGTH = 8_000;

export const basketKinds = ['solution', 'provider'] as const;
export type BasketKind = (typeof basketKinds)[number];

export const basketKindSchema = z.enum(basketKinds);

export type BasketRef = { kind: BasketKind; slug: string };

const prefixToKind = { s: 'solution', p: 'provider' } as const satisfies Record<string, BasketKind>;

/** "s:slug" | "p:slug" -> { kind, slug }. */
export const basketRefSchema = z
  .string()
  .trim()
  .regex(/^[sp]:/)
  .transform((value, context): BasketRef => {
    const slug = slugSchema.safeParse(value.slice(2));
    if (!slug.success) {
      context.addIssue({ code: 'custom', message: 'Référence invalide.' });
      return z.NEVER;
    }
    return { kind: prefixToKind[value[0] as keyof typeof prefixToKind], slug: slug.data };
  });

/** A comma-separated list of refs, as it travels in a URL or a form (not yet split). */
export const basketListTextSchema = z
  .string({ error: 'La liste est manquante.' })
  .max(BASKET_LIST_MAX_LENGTH, { error: 'La liste est trop longue.' });

/** Where to go back after a change: only a path of this site (never another host). */
export const returnPathTextSchema = z.string().max(2_000);

// --- Forms of lib/actions/basket.ts (FormData read with Object.fromEntries) ---

export const basketItemFormSchema = z.object({
  ref: basketRefSchema,
  retour: returnPathTextSchema.optional(),
  /** The id of the item on the page it was added from, to come back to it (#fragment). */
  ancre: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,139}$/)
    .optional()
    .catch(undefined),
});

export const basketListFormSchema = z.object({
  liste: basketListTextSchema,
  /** Which confirmation /panier shows afterwards. */
  etat: z.enum(['remplace', 'nettoye']).default('remplace'),
});

export const basketClearFormSchema = z.object({});

// --- Query string of /panier/csv ---

export const basketCsvQuerySchema = z.object({
  liste: basketListTextSchema.min(1, { error: 'La liste est vide.' }),
});

// --- Confirmations shown on /panier after an action (from its own redirects) ---

export const basketNoticeCodes = ['remplace', 'nettoye', 'ajoute', 'plein'] as const;
export type BasketNoticeCode = (typeof basketNoticeCodes)[number];
export const basketNoticeSchema = z.enum(basketNoticeCodes);
