import { z } from 'zod';
import {
  DESCRIPTION_MAX_LENGTH,
  formList,
  formObject,
  optionalText,
  requiredText,
  statusSchema,
  verificationFields,
} from '@/lib/validation/entry';
import { costOptions } from '@/lib/validation/solution';

// A provider (organisme or programme) as the admin form sends it: contact details with
// their formats, and the lists (regions, publics, formats, languages) as checkboxes.

export const providerKinds = ['ORGANIZATION', 'PROGRAM'] as const;
export const regions = [
  'BAS_SAINT_LAURENT', 'SAGUENAY_LAC_SAINT_JEAN', 'CAPITALE_NATIONALE', 'MAURICIE', 'ESTRIE', 'MONTREAL', 'OUTAOUAIS',
  'ABITIBI_TEMISCAMINGUE', 'COTE_NORD', 'NORD_DU_QUEBEC', 'GASPESIE_ILES_DE_LA_MADELEINE', 'CHAUDIERE_APPALACHES', 'LAVAL',
  'LANAUDIERE', 'LAURENTIDES', 'MONTEREGIE', 'CENTRE_DU_QUEBEC', 'ALL_QUEBEC', 'ONLINE',
] as const;
export const audiences = ['COMMUNITY_ORGANIZATIONS', 'SOCIAL_ECONOMY', 'NONPROFITS', 'PRIVATE_SECTOR', 'CULTURE', 'YOUTH', 'WOMEN', 'SENIORS', 'GENERAL_PUBLIC'] as const;
export const serviceFormats = ['ONLINE', 'IN_PERSON', 'HYBRID'] as const;
/** Languages offered in the form (ISO 639-1); others can be typed. */
export const COMMON_LANGUAGES = ['fr', 'en', 'es', 'ar', 'zh', 'iu', 'cr'] as const;

const websiteSchema = z
  .string()
  .trim()
  .max(500, { error: 'L’adresse est trop longue (500 caractères au plus).' })
  .transform((value) => (value && !/^[a-z][a-z0-9+.-]*:/i.test(value) ? `https://${value}` : value))
  .refine((value) => value === '' || (/^https?:\/\/[^\s/$.?#][^\s]*$/i.test(value) && URL.canParse(value)), {
    error: 'Entrez une adresse Web valide, par exemple https://www.organisme.org.',
  })
  .default('');

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, { error: 'L’adresse courriel est trop longue.' })
  .refine((value) => value === '' || z.email().safeParse(value).success, { error: 'Entrez une adresse courriel valide, par exemple info@organisme.org.' })
  .default('');

/** Digits, spaces and the usual signs, with 10 or 11 digits (North American numbers), and an optional extension. */
const phoneSchema = z
  .string()
  .trim()
  .max(40, { error: 'Le numéro est trop long.' })
  .refine(
    (value) => {
      if (value === '') return true;
      const [main] = value.split(/\s*(?:poste|p\.|ext\.?|x)\s*\d+$/i);
      if (!/^[+\d\s().-]+$/.test(main ?? '')) return false;
      const digits = (main ?? '').replace(/\D/g, '');
      return digits.length === 10 || (digits.length === 11 && digits.startsWith('1'));
    },
    { error: 'Entrez un numéro de téléphone valide, par exemple 514 555-1234 (poste 12).' },
  )
  .default('');

export const providerFieldsSchema = z.object({
  name: requiredText('un nom', 200),
  alternateName: optionalText(200),
  kind: z.enum(providerKinds, { error: 'Choisissez « Organisme » ou « Programme ».' }),
  description: optionalText(DESCRIPTION_MAX_LENGTH),
  website: websiteSchema,
  email: emailSchema,
  phone: phoneSchema,
  cost: z.enum(costOptions, { error: 'Choisissez un coût.' }),
  status: statusSchema,
  ...verificationFields,
});

export type ProviderField = keyof z.input<typeof providerFieldsSchema> | 'regions' | 'audiences' | 'formats' | 'languages';

export type ProviderInput = z.output<typeof providerFieldsSchema> & {
  regions: (typeof regions)[number][];
  audiences: (typeof audiences)[number][];
  formats: (typeof serviceFormats)[number][];
  languages: string[];
};

export const PROVIDER_TEXT_FIELDS = ['name', 'alternateName', 'kind', 'description', 'website', 'email', 'phone', 'cost', 'status', 'toVerify', 'verifyNote'] as const;

type Parsed<T, Field extends string> = { success: true; data: T } | { success: false; errors: Partial<Record<Field, string[]>> };

export function parseProviderForm(formData: FormData): Parsed<ProviderInput, ProviderField> {
  const errors: Partial<Record<ProviderField, string[]>> = {};
  const fields = providerFieldsSchema.safeParse(formObject(formData, PROVIDER_TEXT_FIELDS));
  if (!fields.success) Object.assign(errors, z.flattenError(fields.error).fieldErrors);
  const lists = {
    regions: z.array(z.enum(regions)).safeParse(formList(formData, 'regions')),
    audiences: z.array(z.enum(audiences)).safeParse(formList(formData, 'audiences')),
    formats: z.array(z.enum(serviceFormats)).safeParse(formList(formData, 'formats')),
  };
  for (const [name, result] of Object.entries(lists)) if (!result.success) errors[name as ProviderField] = ['Choisissez dans la liste.'];
  const otherLanguages = String(formData.get('otherLanguages') ?? '')
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);
  const languages = [...new Set([...formList(formData, 'languages'), ...otherLanguages])];
  if (languages.some((code) => !/^[a-z]{2,3}$/.test(code)) || languages.length > 30) {
    errors.languages = ['Entrez des codes de langue de 2 ou 3 lettres (ISO 639), par exemple « fr, en ».'];
  }
  if (!fields.success || Object.keys(errors).length > 0) return { success: false, errors };
  return { success: true, data: { ...fields.data, regions: lists.regions.data!, audiences: lists.audiences.data!, formats: lists.formats.data!, languages } };
}
