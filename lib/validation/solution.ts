import { z } from 'zod';
import {
  DESCRIPTION_MAX_LENGTH,
  entryIdSchema,
  formList,
  formObject,
  parseSlugList,
  requiredText,
  statusSchema,
  TITLE_MAX_LENGTH,
  verificationFields,
} from '@/lib/validation/entry';

// A solution as the admin form sends it. Needs are checkboxes (`needId`); providers are
// checkboxes `providerLink` whose value is "<id>:<role>" (one provider may offer and fund),
// and `inferredLink` checkboxes with the same values mark the roles the team inferred;
// one more provider can be added per save (`addProviderId` or `addProviderSlug`, with
// `addProviderRole`). `inferredFields` marks kinds and cost as inferred.

export const availabilities = ['EXISTING', 'UNCONFIRMED', 'PROPOSED'] as const;
export const helpKinds = ['TRAINING', 'COACHING', 'AUDIT', 'FUNDING', 'HARDWARE', 'SOFTWARE', 'LEGAL', 'WELLBEING', 'AWARENESS', 'DIRECTORY', 'STRATEGY'] as const;
export const costOptions = ['FREE', 'LOW_COST', 'PAID', 'SUBSIDIZED', 'UNKNOWN'] as const;
export const providerRoles = ['OFFERS', 'FUNDS', 'PARTNERS', 'CITED', 'APPROACHED'] as const;
export const inferredFieldValues = ['KINDS', 'COST'] as const;
export type ProviderRoleValue = (typeof providerRoles)[number];

export const solutionFieldsSchema = z.object({
  title: requiredText('un titre', TITLE_MAX_LENGTH),
  description: requiredText('la description', DESCRIPTION_MAX_LENGTH),
  availability: z.enum(availabilities, { error: 'Choisissez « Existe déjà », « Existence à confirmer » ou « Proposée ».' }),
  cost: z.enum(costOptions, { error: 'Choisissez un coût.' }),
  parentId: z.union([z.literal(''), entryIdSchema]).optional().transform((value) => value || null),
  status: statusSchema,
  ...verificationFields,
});

export type SolutionField = keyof z.input<typeof solutionFieldsSchema> | 'kinds' | 'inferredFields' | 'needs' | 'providers' | 'addProviderSlug' | 'addProviderRole';

export type SolutionInput = z.output<typeof solutionFieldsSchema> & {
  kinds: (typeof helpKinds)[number][];
  inferredFields: (typeof inferredFieldValues)[number][];
  needIds: string[];
  addNeedSlugs: string[];
  /** `isRoleInferred`: the team inferred the role (a provider added by the form never is). */
  providers: { id: string; role: ProviderRoleValue; isRoleInferred: boolean }[];
  addProviderSlugs: string[];
  /** Role of the providers added by id or slug. */
  addProviderRole?: ProviderRoleValue;
};

export const SOLUTION_TEXT_FIELDS = ['title', 'description', 'availability', 'cost', 'parentId', 'status', 'toVerify', 'verifyNote'] as const;

type Parsed<T, Field extends string> = { success: true; data: T } | { success: false; errors: Partial<Record<Field, string[]>> };

export function parseSolutionForm(formData: FormData): Parsed<SolutionInput, SolutionField> {
  const errors: Partial<Record<SolutionField, string[]>> = {};
  const fields = solutionFieldsSchema.safeParse(formObject(formData, SOLUTION_TEXT_FIELDS));
  if (!fields.success) Object.assign(errors, z.flattenError(fields.error).fieldErrors);
  const kinds = z.array(z.enum(helpKinds)).safeParse(formList(formData, 'kinds'));
  if (!kinds.success) errors.kinds = ['Choisissez des types d’aide de la liste.'];
  const inferredFields = z.array(z.enum(inferredFieldValues)).safeParse([...new Set(formList(formData, 'inferredFields'))]);
  if (!inferredFields.success) errors.inferredFields = ['Choisissez des valeurs de la liste.'];
  const inferredLinks = new Set(formList(formData, 'inferredLink'));
  const needIds = z.array(entryIdSchema).safeParse(formList(formData, 'needId'));
  if (!needIds.success) errors.needs = ['Un des besoins choisis est introuvable : rechargez la page.'];
  const providers: SolutionInput['providers'] = [];
  for (const value of formList(formData, 'providerLink')) {
    const [id, role] = value.split(':');
    const parsed = z.object({ id: entryIdSchema, role: z.enum(providerRoles) }).safeParse({ id, role });
    if (parsed.success) providers.push({ ...parsed.data, isRoleInferred: inferredLinks.has(value) });
    else errors.providers = ['Un des fournisseurs choisis est introuvable : rechargez la page.'];
  }
  const addRole = z.enum(providerRoles).safeParse(formData.get('addProviderRole') || 'OFFERS');
  if (!addRole.success) errors.addProviderRole = ['Choisissez un rôle.'];
  const addId = formData.get('addProviderId');
  const addSlug = formData.get('addProviderSlug');
  if (typeof addId === 'string' && addId !== '') {
    if (entryIdSchema.safeParse(addId).success) {
      if (!providers.some((link) => link.id === addId && link.role === addRole.data)) providers.push({ id: addId, role: addRole.data ?? 'OFFERS', isRoleInferred: false });
    } else errors.providers = ['Ce fournisseur est introuvable : rechargez la page.'];
  }
  const addProviderSlugs = typeof addSlug === 'string' ? parseSlugList(addSlug) : [];
  if (typeof addSlug === 'string' && addSlug.trim() && addProviderSlugs.length === 0) errors.addProviderSlug = ['Entrez l’adresse du fournisseur, par exemple « centre-de-formation-communautaire ».'];
  if (!fields.success || Object.keys(errors).length > 0) return { success: false, errors };
  const addNeedSlugs = parseSlugList(typeof formData.get('addNeedSlugs') === 'string' ? (formData.get('addNeedSlugs') as string) : '');
  return {
    success: true,
    data: {
      ...fields.data,
      kinds: kinds.data!,
      inferredFields: inferredFields.data!,
      needIds: needIds.data!,
      addNeedSlugs,
      providers,
      addProviderSlugs,
      addProviderRole: addRole.data,
    },
  };
}
