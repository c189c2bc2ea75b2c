'use server';

// Themes from the admin forms: requireUser() -> zod -> one transaction with its history
// record (lib/data/admin/themes.ts) -> updateTag -> redirect.
import { updateTag } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getRequestIp } from '@/lib/auth';
import { requireUser } from '@/lib/authz';
import { INVENTORY_TAG } from '@/lib/data/cache-tags';
import { INVALID_FORM_MESSAGE, refusalState } from '@/lib/data/admin/form-outcome';
import { saveTheme } from '@/lib/data/admin/themes';
import { getDb } from '@/lib/db';
import { entryIdSchema, formObject, versionSchema } from '@/lib/validation/entry';
import { typedLists, type EntryFormState } from '@/lib/validation/form-state';
import { THEME_TEXT_FIELDS, themeFormSchema, type ThemeField } from '@/lib/validation/theme';

export async function saveThemeAction(_previous: EntryFormState<ThemeField>, formData: FormData): Promise<EntryFormState<ThemeField>> {
  const user = await requireUser();
  const typed = typedLists(formData);
  const rawId = formData.get('id');
  const id = rawId ? entryIdSchema.safeParse(rawId) : null;
  const version = id ? versionSchema.safeParse(formData.get('version')) : null;
  if ((id && !id.success) || (version && !version.success)) {
    return { status: 'error', message: 'Cette fiche est introuvable. Rechargez la page. Votre texte est conservé ci-dessous.', typed };
  }
  const parsed = themeFormSchema.safeParse(formObject(formData, THEME_TEXT_FIELDS));
  if (!parsed.success) {
    return { status: 'error', message: INVALID_FORM_MESSAGE, errors: z.flattenError(parsed.error).fieldErrors as Partial<Record<ThemeField, string[]>>, typed };
  }
  const outcome = await saveTheme(getDb(), { id: id?.data, version: version?.data, input: parsed.data }, { actorId: user.id, ip: await getRequestIp() });
  if (!outcome.ok) {
    // An empty position means "unchanged": it is not compared.
    const { position, ...rest } = parsed.data;
    return refusalState('Theme', outcome, typed, position === null ? rest : parsed.data);
  }
  updateTag(INVENTORY_TAG);
  redirect(`/admin/themes/${outcome.id}?etat=${outcome.verb}`);
}
