import { z } from 'zod';
import {
  DESCRIPTION_MAX_LENGTH,
  entryIdSchema,
  formList,
  formObject,
  NOTE_MAX_LENGTH,
  optionalText,
  parseSlugList,
  positionSchema,
  requiredText,
  statusSchema,
  TITLE_MAX_LENGTH,
  verificationFields,
} from '@/lib/validation/entry';

// A need (besoin) or issue (enjeu) as the admin form sends it. Links are read from repeated
// names: `solutionId` (checked or selected solutions) with `solutionPosition.<id>`, and
// `linkId` (other needs) with `linkNote.<id>`; slugs typed in `addSolutionSlugs` /
// `addLinkSlugs` add more (for inventories too long for a list of checkboxes).

export const needKinds = ['NEED', 'ISSUE'] as const;
export const LINK_NOTE_MAX_LENGTH = 500;

export const needFieldsSchema = z.object({
  title: requiredText('un titre', TITLE_MAX_LENGTH),
  kind: z.enum(needKinds, { error: 'Choisissez « Besoin » ou « Enjeu ».' }),
  description: requiredText('la description', DESCRIPTION_MAX_LENGTH),
  note: optionalText(NOTE_MAX_LENGTH),
  themeId: z.union([z.literal(''), entryIdSchema]).optional().transform((value) => value || null),
  /** Empty: at the end of the list (new needs) or unchanged. */
  position: z.union([z.literal('').transform(() => null), positionSchema]).default(null),
  status: statusSchema,
  ...verificationFields,
});

const solutionLinkSchema = z.object({ id: entryIdSchema, position: positionSchema });
const needLinkSchema = z.object({ id: entryIdSchema, note: optionalText(LINK_NOTE_MAX_LENGTH) });

export type NeedField =
  | keyof z.input<typeof needFieldsSchema>
  | 'solutions'
  | 'links'
  | 'addSolutionSlugs'
  | 'addLinkSlugs';

export type NeedInput = z.output<typeof needFieldsSchema> & {
  solutions: { id: string; position: number }[];
  /** Slugs to add at the end of the list, resolved by the data layer. */
  addSolutionSlugs: string[];
  links: { id: string; note: string }[];
  addLinkSlugs: string[];
};

export const NEED_TEXT_FIELDS = ['title', 'kind', 'description', 'note', 'themeId', 'position', 'status', 'toVerify', 'verifyNote'] as const;

type Parsed<T, Field extends string> = { success: true; data: T } | { success: false; errors: Partial<Record<Field, string[]>> };

export function parseNeedForm(formData: FormData): Parsed<NeedInput, NeedField> {
  const errors: Partial<Record<NeedField, string[]>> = {};
  const fields = needFieldsSchema.safeParse(formObject(formData, NEED_TEXT_FIELDS));
  if (!fields.success) Object.assign(errors, z.flattenError(fields.error).fieldErrors);

  const solutions: NeedInput['solutions'] = [];
  formList(formData, 'solutionId').forEach((id, index) => {
    const raw = formData.get(`solutionPosition.${id}`);
    const parsed = solutionLinkSchema.safeParse({ id, position: typeof raw === 'string' && raw.trim() !== '' ? raw : (index + 1) * 10 });
    if (parsed.success) solutions.push(parsed.data);
    else (errors.solutions ??= []).push('Une solution choisie est introuvable ou son ordre n’est pas un nombre entier positif.');
  });
  const links: NeedInput['links'] = [];
  for (const id of formList(formData, 'linkId')) {
    const raw = formData.get(`linkNote.${id}`);
    const parsed = needLinkSchema.safeParse({ id, note: typeof raw === 'string' ? raw : '' });
    if (parsed.success) links.push(parsed.data);
    else (errors.links ??= []).push(`Note de lien trop longue (${LINK_NOTE_MAX_LENGTH} caractères au plus) ou besoin introuvable.`);
  }
  if (errors.solutions) errors.solutions = [...new Set(errors.solutions)];
  if (errors.links) errors.links = [...new Set(errors.links)];

  if (!fields.success || Object.keys(errors).length > 0) return { success: false, errors };
  const addSolutionSlugs = parseSlugList(formData.get('addSolutionSlugs') as string | null);
  const addLinkSlugs = parseSlugList(formData.get('addLinkSlugs') as string | null);
  return { success: true, data: { ...fields.data, solutions, addSolutionSlugs, links, addLinkSlugs } };
}
