import { z } from 'zod';
import { entryIdSchema } from '@/lib/entries/checks';
import { formList, parseFormFields, type FieldErrors } from '@/lib/entries/form';
import { solutionEntry } from '@/lib/entries/solution';
import type { EditableKey, FormValues } from '@/lib/entries/types';
import type { ProviderRole } from '@/lib/generated/prisma/enums';
import { providerRoleLabels } from '@/lib/labels';
import { parseSlugList } from '@/lib/validation/entry';

// A solution as the admin form sends it: the fields of its definition (lib/entries/solution.ts),
// then its links. Needs are checkboxes (`needId`); providers are checkboxes `providerLink`
// whose value is "<id>:<role>" (one provider may offer and fund), and `inferredLink`
// checkboxes with the same values mark the roles the team inferred; one more provider can be
// added per save (`addProviderId` or `addProviderSlug`, with `addProviderRole`).

export const providerRoles = Object.keys(providerRoleLabels) as ProviderRole[];
export type ProviderRoleValue = ProviderRole;
const roleSchema = z.enum(providerRoles as [ProviderRole, ...ProviderRole[]]);

export type SolutionField = EditableKey<typeof solutionEntry> | 'needs' | 'providers' | 'addProviderSlug' | 'addProviderRole';

export type SolutionInput = FormValues<typeof solutionEntry> & {
  needIds: string[];
  addNeedSlugs: string[];
  /** `isRoleInferred`: the team inferred the role (a provider added by the form never is). */
  providers: { id: string; role: ProviderRoleValue; isRoleInferred: boolean }[];
  addProviderSlugs: string[];
  /** Role of the providers added by id or slug. */
  addProviderRole?: ProviderRoleValue;
};

type Parsed<T, Field extends string> = { success: true; data: T } | { success: false; errors: FieldErrors<Field> };

export function parseSolutionForm(formData: FormData): Parsed<SolutionInput, SolutionField> {
  const fields = parseFormFields(solutionEntry, formData);
  const errors: FieldErrors<SolutionField> = fields.success ? {} : { ...fields.errors };
  const inferredLinks = new Set(formList(formData, 'inferredLink'));
  const needIds = z.array(entryIdSchema).safeParse(formList(formData, 'needId'));
  if (!needIds.success) errors.needs = ['Un des besoins choisis est introuvable : rechargez la page.'];
  const providers: SolutionInput['providers'] = [];
  for (const value of formList(formData, 'providerLink')) {
    const [id, role] = value.split(':');
    const parsed = z.object({ id: entryIdSchema, role: roleSchema }).safeParse({ id, role });
    if (parsed.success) providers.push({ ...parsed.data, isRoleInferred: inferredLinks.has(value) });
    else errors.providers = ['Un des fournisseurs choisis est introuvable : rechargez la page.'];
  }
  const addRole = roleSchema.safeParse(formData.get('addProviderRole') || 'OFFERS');
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
  return { success: true, data: { ...fields.data, needIds: needIds.data!, addNeedSlugs, providers, addProviderSlugs, addProviderRole: addRole.data } };
}
