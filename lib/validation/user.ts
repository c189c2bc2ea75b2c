import { z } from 'zod';

// Members of the round table (model User) and the forms that touch them. French messages,
// shown beside each field.

export const userRoles = ['ADMIN', 'EDITOR'] as const;
export type UserRoleValue = (typeof userRoles)[number];

export const PASSWORD_MIN_LENGTH = 12;
/** Long passphrases are welcome; past this it is a paste accident or an attack. */
export const PASSWORD_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 254;
export const NAME_MAX_LENGTH = 120;

/** How every address is stored and compared. */
export function normalizeEmail(value: string): string {
  return value.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: 'Entrez une adresse courriel.' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'Entrez une adresse courriel.' })
  .max(EMAIL_MAX_LENGTH, { error: `L’adresse courriel est trop longue (${EMAIL_MAX_LENGTH} caractères au plus).` })
  .pipe(z.email({ error: 'Entrez une adresse courriel valide, par exemple nom@organisme.org.' }));

export const nameSchema = z
  .string({ error: 'Entrez un nom.' })
  .trim()
  .min(1, { error: 'Entrez un nom.' })
  .max(NAME_MAX_LENGTH, { error: `Le nom est trop long (${NAME_MAX_LENGTH} caractères au plus).` })
  // Control characters have no place in a name shown in lists and in the audit log.
  .regex(/^[^\p{Cc}]*$/u, { error: 'Le nom contient des caractères invalides.' });

export const roleSchema = z.enum(userRoles, { error: 'Choisissez un rôle.' });

/** Spaces count: a passphrase is a good password. Not trimmed. */
export const passwordSchema = z
  .string({ error: 'Entrez un mot de passe.' })
  .min(PASSWORD_MIN_LENGTH, { error: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.` })
  .max(PASSWORD_MAX_LENGTH, { error: `Le mot de passe doit compter au plus ${PASSWORD_MAX_LENGTH} caractères.` });

/** Ids are cuids: anything else is refused before a query. */
export const userIdSchema = z.string({ error: 'Membre introuvable.' }).regex(/^[a-z0-9]{20,40}$/, { error: 'Membre introuvable.' });

// --- Forms ---------------------------------------------------------------------------

/** Sign-in: only presence is checked here; a wrong address gets the same answer as a wrong password. */
export const signInSchema = z.object({
  email: z
    .string({ error: 'Entrez votre adresse courriel.' })
    .trim()
    .toLowerCase()
    .min(1, { error: 'Entrez votre adresse courriel.' })
    .max(EMAIL_MAX_LENGTH, { error: 'Adresse courriel trop longue.' }),
  password: z
    .string({ error: 'Entrez votre mot de passe.' })
    .min(1, { error: 'Entrez votre mot de passe.' })
    .max(1_000, { error: 'Mot de passe trop long.' }),
  retour: z.string().max(2_000).optional(),
});
export type SignInField = 'email' | 'password';

export const inviteMemberSchema = z.object({
  name: nameSchema,
  email: emailSchema,
  role: roleSchema,
});
export type InviteMemberField = keyof z.input<typeof inviteMemberSchema>;

export const memberIdFormSchema = z.object({ userId: userIdSchema });

export const changeRoleSchema = z.object({ userId: userIdSchema, role: roleSchema });

export const accessLinkFormSchema = z
  .object({
    token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: 'Ce lien n’est pas valide.' }),
    name: nameSchema,
    password: passwordSchema,
    confirmation: z.string({ error: 'Entrez le mot de passe une deuxième fois.' }),
  })
  .refine((form) => form.password === form.confirmation, {
    path: ['confirmation'],
    error: 'Les deux mots de passe ne sont pas identiques.',
  });
export type AccessLinkField = 'name' | 'password' | 'confirmation';

// --- Messages shared by the sign-in action and page ------------------------------------

/** The one answer to an unknown address, a wrong password and an inactive account. */
export const SIGN_IN_INVALID_MESSAGE =
  'Adresse courriel ou mot de passe incorrect. Vérifiez-les, puis réessayez. Si votre accès ne fonctionne plus, ' +
  'demandez un nouveau lien à une personne qui administre le répertoire.';

export const SIGN_IN_RATE_LIMITED_MESSAGE =
  'Trop de tentatives de connexion. Par sécurité, attendez 15 minutes avant de réessayer. ' +
  'Si vous avez oublié votre mot de passe, demandez un nouveau lien à une personne qui administre le répertoire.';

export const INVALID_LINK_MESSAGE =
  'Ce lien n’est plus valide : il a déjà servi, il a expiré (après 7 jours) ou un lien plus récent l’a remplacé. ' +
  'Demandez un nouveau lien à une personne qui administre le répertoire.';
