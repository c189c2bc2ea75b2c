// The one description of what /api/v1 and the JSON download return. The response types are
// inferred from these zod schemas, the records are built to satisfy them (lib/api/records.ts),
// and the OpenAPI document (lib/api/openapi.ts) is generated from them: the contract tests
// that validate real responses against that document check this very file.
import { z } from 'zod';
import {
  Audience,
  Availability,
  CostOption,
  HelpKind,
  InferredField,
  NeedKind,
  ProviderKind,
  ProviderRole,
  Region,
  ServiceFormat,
} from '@/lib/generated/prisma/enums';
import {
  audienceLabels,
  availabilityLabels,
  costLabels,
  formatLabels,
  helpKindLabels,
  inferredFieldLabels,
  needKindLabels,
  providerKindLabels,
  providerRoleLabels,
  regionLabels,
} from '@/lib/labels';
import { openName, type Field } from '@/lib/entries/fields';
import { needEntry } from '@/lib/entries/need';
import { recordFields } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { solutionEntry } from '@/lib/entries/solution';
import { themeEntry } from '@/lib/entries/theme';
import type { EntityDef, OpenRecord } from '@/lib/entries/types';

export type SchemaMeta = { id: string; title?: string; description?: string };

/** Every named schema of the API, by id (the OpenAPI document's components.schemas). */
export const apiRegistry = z.registry<SchemaMeta>();

/** "EXISTING : Existe déjà ; PROPOSED : Proposée" — the French wording of each code. */
function codesDescription(intro: string, labels: Record<string, string>): string {
  return `${intro} Codes : ${Object.entries(labels)
    .map(([code, label]) => `${code} (${label})`)
    .join(', ')}.`;
}

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .meta({ description: 'Identifiant stable de la fiche dans les adresses (minuscules, chiffres et traits d’union).' });
const dateTime = z.iso.datetime().meta({ description: 'Date et heure ISO 8601 en UTC.' });

export const NeedKindSchema = z
  .enum(NeedKind)
  .register(apiRegistry, { id: 'NeedKind', description: codesDescription('Besoin ou enjeu.', needKindLabels) });
export const AvailabilitySchema = z.enum(Availability).register(apiRegistry, {
  id: 'Availability',
  description: codesDescription(
    'La solution existe déjà, est seulement proposée, ou son existence est à confirmer (l’inventaire dit seulement qu’elle existe peut-être).',
    availabilityLabels,
  ),
});
export const InferredFieldSchema = z.enum(InferredField).register(apiRegistry, {
  id: 'InferredField',
  description: codesDescription('Valeur de la solution déduite par l’équipe du répertoire : l’inventaire ne la dit pas.', inferredFieldLabels),
});
export const HelpKindSchema = z
  .enum(HelpKind)
  .register(apiRegistry, { id: 'HelpKind', description: codesDescription('Type d’aide.', helpKindLabels) });
export const CostSchema = z
  .enum(CostOption)
  .register(apiRegistry, { id: 'Cost', description: codesDescription('Coût.', costLabels) });
export const ProviderKindSchema = z
  .enum(ProviderKind)
  .register(apiRegistry, { id: 'ProviderKind', description: codesDescription('Organisme ou programme.', providerKindLabels) });
export const ProviderRoleSchema = z.enum(ProviderRole).register(apiRegistry, {
  id: 'ProviderRole',
  description: codesDescription('Rôle du fournisseur pour une solution.', providerRoleLabels),
});
export const RegionSchema = z.enum(Region).register(apiRegistry, {
  id: 'Region',
  description: codesDescription('Région administrative du Québec desservie (ou tout le Québec, ou en ligne).', regionLabels),
});
export const AudienceSchema = z
  .enum(Audience)
  .register(apiRegistry, { id: 'Audience', description: codesDescription('Public visé.', audienceLabels) });
export const ServiceFormatSchema = z
  .enum(ServiceFormat)
  .register(apiRegistry, { id: 'ServiceFormat', description: codesDescription('Format.', formatLabels) });

// The enums of the definitions' choices, by their labels (lib/labels.ts): a field whose
// options are `costLabels` is a `Cost` in the document.
const ENUM_SCHEMAS = new Map<object, z.ZodType>([
  [needKindLabels, NeedKindSchema],
  [availabilityLabels, AvailabilitySchema],
  [inferredFieldLabels, InferredFieldSchema],
  [helpKindLabels, HelpKindSchema],
  [costLabels, CostSchema],
  [providerKindLabels, ProviderKindSchema],
  [regionLabels, RegionSchema],
  [audienceLabels, AudienceSchema],
  [formatLabels, ServiceFormatSchema],
]);

const enumOf = (options: Record<string, string>) => ENUM_SCHEMAS.get(options) ?? z.enum(Object.keys(options) as [string, ...string[]]);

/** A field of a definition as the API gives it (lib/entries/open-data.ts `publicValues`). */
function fieldSchema(field: Field): z.ZodType {
  const schema = (() => {
    switch (field.type) {
      case 'int':
        return z.number().int();
      case 'bool':
        return z.boolean();
      case 'date':
        return dateTime.nullable();
      case 'choice':
        return enumOf(field.options);
      case 'multiChoice':
        return z.array(enumOf(field.options));
      case 'languages':
        return z.array(z.string());
      default:
        return z.string();
    }
  })();
  return field.apiDoc ? schema.meta({ description: field.apiDoc }) : schema;
}

type RecordShape<D extends EntityDef> = { [K in keyof OpenRecord<D>]-?: z.ZodType<OpenRecord<D>[K]> };

/** The record's fields that come from the definition: what the entry says, and its verification (each typed as the whole record). */
function definedShape<D extends EntityDef>(def: D): { content: RecordShape<D>; verification: RecordShape<D> } {
  const shape = (fields: Field[]) => Object.fromEntries(fields.map((field) => [openName(field), fieldSchema(field)])) as RecordShape<D>;
  const { content, verification } = recordFields(def);
  return { content: shape(content), verification: shape(verification) };
}

const themeShape = definedShape(themeEntry);
const needShape = definedShape(needEntry);
const solutionShape = definedShape(solutionEntry);
const providerShape = definedShape(providerEntry);

const updatedAt = dateTime.meta({ description: 'Dernière modification de la fiche.' });

const pageUrl = z.url().meta({ description: 'Page publique de la fiche dans le répertoire.' });

export const ThemeRefSchema = z.object({ slug, name: z.string() }).register(apiRegistry, { id: 'ThemeRef' });
export const NeedRefSchema = z.object({ slug, title: z.string(), kind: NeedKindSchema }).register(apiRegistry, { id: 'NeedRef' });
export const SolutionRefSchema = z
  .object({ slug, title: z.string(), availability: AvailabilitySchema })
  .register(apiRegistry, { id: 'SolutionRef' });

export const ThemeSchema = z
  .object({
    slug,
    ...themeShape.content,
    needs: z.array(NeedRefSchema).meta({ description: 'Besoins et enjeux publiés de ce thème, dans l’ordre de l’inventaire.' }),
    updated_at: updatedAt,
  })
  .register(apiRegistry, { id: 'Theme', description: 'Un thème qui regroupe des besoins (taxonomie).' });

export const RelatedNeedSchema = z
  .object({
    slug,
    title: z.string(),
    kind: NeedKindSchema,
    note: z.string().meta({ description: 'Formulation « Lié à… » de l’inventaire.' }),
    direction: z
      .enum(['to', 'from'])
      .meta({ description: 'to : ce besoin se dit lié à l’autre ; from : l’autre se dit lié à celui-ci.' }),
  })
  .register(apiRegistry, { id: 'RelatedNeed' });

export const NeedSchema = z
  .object({
    slug,
    ...needShape.content,
    theme: ThemeRefSchema.nullable(),
    existing_solution_count: z.number().int().min(0),
    proposed_solution_count: z.number().int().min(0),
    unconfirmed_solution_count: z.number().int().min(0).meta({ description: 'Solutions dont l’existence est à confirmer.' }),
    solutions: z.array(SolutionRefSchema).meta({ description: 'Solutions publiées rattachées à ce besoin, dans l’ordre de l’inventaire.' }),
    related: z.array(RelatedNeedSchema),
    ...needShape.verification,
    updated_at: updatedAt,
    url: pageUrl,
  })
  .register(apiRegistry, { id: 'Need', description: 'Un besoin ou un enjeu numérique nommé par le milieu communautaire.' });

const inferredRoles = z.array(ProviderRoleSchema).meta({ description: 'Ceux de ses rôles que l’équipe du répertoire a déduits : l’inventaire ne les dit pas.' });

export const SolutionProviderSchema = z
  .object({ slug, name: z.string(), roles: z.array(ProviderRoleSchema).min(1), inferred_roles: inferredRoles })
  .register(apiRegistry, { id: 'SolutionProvider' });

export const SolutionSchema = z
  .object({
    slug,
    ...solutionShape.content,
    parent: SolutionRefSchema.nullable().meta({ description: solutionEntry.fields.parentId.apiDoc }),
    children: z.array(SolutionRefSchema).meta({ description: 'Ses sous-points.' }),
    needs: z
      .array(NeedRefSchema)
      .meta({ description: 'Besoins auxquels elle est rattachée directement (un sous-point sans besoin propre relève de ceux de sa solution parente).' }),
    providers: z
      .array(SolutionProviderSchema)
      .meta({ description: 'Qui l’offre, la finance, y participe, est cité en exemple ou a été approché (offre d’abord).' }),
    ...solutionShape.verification,
    updated_at: updatedAt,
    url: pageUrl,
  })
  .register(apiRegistry, { id: 'Solution', description: 'Une solution, existante ou proposée, à un ou plusieurs besoins.' });

export const ProviderSolutionSchema = z
  .object({ slug, title: z.string(), availability: AvailabilitySchema, roles: z.array(ProviderRoleSchema).min(1), inferred_roles: inferredRoles })
  .register(apiRegistry, { id: 'ProviderSolution' });

export const ProviderSchema = z
  .object({
    slug,
    ...providerShape.content,
    solutions: z.array(ProviderSolutionSchema),
    ...providerShape.verification,
    updated_at: updatedAt,
    url: pageUrl,
  })
  .register(apiRegistry, { id: 'Provider', description: 'Un organisme ou un programme qui offre, finance ou accompagne des solutions.' });

const pageFields = {
  total: z.number().int().min(0).meta({ description: 'Nombre total de résultats (toutes pages).' }),
  page: z.number().int().min(1).meta({ description: 'Numéro de la page (à partir de 1).' }),
  per_page: z.number().int().min(1).max(100).meta({ description: 'Résultats par page demandés.' }),
  total_pages: z.number().int().min(0),
};

function pageOf<T extends z.ZodType>(item: T, id: string, what: string) {
  return z.object({ ...pageFields, items: z.array(item) }).register(apiRegistry, { id, description: `Une page de ${what}.` });
}

export const NeedPageSchema = pageOf(NeedSchema, 'NeedPage', 'besoins et enjeux');
export const SolutionPageSchema = pageOf(SolutionSchema, 'SolutionPage', 'solutions');
export const ProviderPageSchema = pageOf(ProviderSchema, 'ProviderPage', 'fournisseurs');
export const ThemePageSchema = pageOf(ThemeSchema, 'ThemePage', 'thèmes');

export const LicenceSchema = z
  .object({ name: z.string(), url: z.url().nullable() })
  .register(apiRegistry, { id: 'Licence', description: 'Licence des données.' });

export const ApiIndexSchema = z
  .object({
    name: z.string(),
    version: z.literal('v1'),
    documentation: z.url(),
    openapi: z.url(),
    licence: LicenceSchema,
    last_modified: dateTime.nullable(),
    resources: z.object({ needs: z.url(), solutions: z.url(), providers: z.url(), themes: z.url() }),
  })
  .register(apiRegistry, { id: 'ApiIndex', description: 'Point d’entrée de l’API.' });

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'URI qui identifie le genre d’erreur.' }),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ parameter: z.string(), detail: z.string() }))
      .optional()
      .meta({ description: 'Paramètres refusés, un par ligne (erreurs 400).' }),
  })
  .register(apiRegistry, { id: 'Problem', description: 'Erreur au format « problem details » (RFC 9457), en français.' });

export const DatasetMetaSchema = z
  .object({
    title: z.string(),
    description: z.string(),
    source: z.string(),
    site_url: z.url(),
    documentation: z.url(),
    licence: LicenceSchema,
    last_modified: dateTime.nullable(),
    format_version: z.literal(1),
  })
  .register(apiRegistry, { id: 'DatasetMeta' });

export const DatasetSchema = z
  .object({
    meta: DatasetMetaSchema,
    themes: z.array(ThemeSchema),
    needs: z.array(NeedSchema),
    solutions: z.array(SolutionSchema),
    providers: z.array(ProviderSchema),
  })
  .register(apiRegistry, { id: 'Dataset', description: 'Tout le répertoire publié en un fichier (téléchargement JSON).' });

export type ThemeRecord = z.infer<typeof ThemeSchema>;
export type NeedRecord = z.infer<typeof NeedSchema>;
export type SolutionRecord = z.infer<typeof SolutionSchema>;
export type ProviderRecord = z.infer<typeof ProviderSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
export type ApiIndex = z.infer<typeof ApiIndexSchema>;
export type DatasetExport = z.infer<typeof DatasetSchema>;
export type PageOf<T> = { total: number; page: number; per_page: number; total_pages: number; items: T[] };
