import { z } from 'zod';
import { entryIdSchema, optionalTextSchema, positionSchema } from '@/lib/entries/checks';
import { formList, parseFormFields, type FieldErrors } from '@/lib/entries/form';
import { needEntry } from '@/lib/entries/need';
import type { EditableKey, FormValues } from '@/lib/entries/types';
import { parseSlugList } from '@/lib/validation/entry';

// A need (besoin) or issue (enjeu) as the admin form sends it: the fields of its definition
// (lib/entries/need.ts), then its links, read from repeated names: `solutionId` (checked or
// selected solutions) with `solutionPosition.<id>`, and `linkId` (other needs) with
// `linkNote.<id>`; slugs typed in `addSolutionSlugs` / `addLinkSlugs` add more (for
// inventories too long for a list of checkboxes).

export const LINK_NOTE_MAX_LENGTH = 500;

const solutionLinkSchema = z.object({ id: entryIdSchema, position: positionSchema });
const needLinkSchema = z.object({ id: entryIdSchema, note: optionalTextSchema(LINK_NOTE_MAX_LENGTH, false) });

export type NeedField = EditableKey<typeof needEntry> | 'solutions' | 'links' | 'addSolutionSlugs' | 'addLinkSlugs';

export type NeedInput = FormValues<typeof needEntry> & {
  solutions: { id: string; position: number }[];
  /** Slugs to add at the end of the list, resolved by the data layer. */
  addSolutionSlugs: string[];
  links: { id: string; note: string }[];
  addLinkSlugs: string[];
};

type Parsed<T, Field extends string> = { success: true; data: T } | { success: false; errors: FieldErrors<Field> };

export function parseNeedForm(formData: FormData): Parsed<NeedInput, NeedField> {
  const fields = parseFormFields(needEntry, formData);
  const errors: FieldErrors<NeedField> = fields.success ? {} : { ...fields.errors };

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
