import { z } from 'zod';
import { formObject, optionalText, positionSchema, requiredText, statusSchema } from '@/lib/validation/entry';

// A theme (the taxonomy grouping needs) as the admin form sends it.
export const themeFormSchema = z.object({
  name: requiredText('un nom', 120),
  description: optionalText(2_000),
  position: z.union([z.literal('').transform(() => null), positionSchema]).default(null),
  status: statusSchema,
});

export type ThemeField = keyof z.input<typeof themeFormSchema>;
export type ThemeInput = z.output<typeof themeFormSchema>;
export const THEME_TEXT_FIELDS = ['name', 'description', 'position', 'status'] as const;

export function parseThemeForm(formData: FormData) {
  const parsed = themeFormSchema.safeParse(formObject(formData, THEME_TEXT_FIELDS));
  return parsed.success
    ? { success: true as const, data: parsed.data }
    : { success: false as const, errors: z.flattenError(parsed.error).fieldErrors as Partial<Record<ThemeField, string[]>> };
}
