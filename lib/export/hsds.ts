// The published directory in the shape of Open Referral HSDS 3.1 (../shared/hsds-3.1, copied
// in tests/fixtures/hsds-3.1): providers become organizations, solutions services, themes
// and kinds of help taxonomy terms. HSDS has no needs: they are a third taxonomy (so that
// services can be filtered by need through their attributes, as HSDS intends) and, in full,
// the extension `x_needs`. Fields of our own carry an "x_" prefix; HSDS allows extra fields.
//
// Choices worth knowing:
// - ids are UUIDs derived from our own ids (lib/export/uuid.ts): stable from one export to
//   the next, as HSDS asks;
// - a solution that only exists as a proposal is a service with status "inactive" (HSDS has
//   no "proposed"), and x_availability says PROPOSED; one whose existence is to confirm
//   (UNCONFIRMED) is "inactive" too: nothing says it is active;
// - what the team inferred says so: x_inferred_fields on the service (kinds, cost), the cost's
//   text marked « déduit par l'équipe », x_role_inferred on a funding and `inferred` in
//   x_provider_roles;
// - a service belongs to the first provider that offers it (HSDS: one organization per
//   service), appears nested under it, and is listed in `services` with all the others
//   (a proposed solution often has no provider yet);
// - funders are the service's `funding`; regions and languages come from the providers
//   that offer it; empty values are left out (HSDS validates emails and URLs);
// - each field of an entry goes where its definition's `hsds` path says (lib/entries/*.ts);
//   only what is made of several fields or of the links is written here.
import type { Dataset, DatasetNeed, DatasetProvider, DatasetSolution, DatasetTheme } from '@/lib/export/types';
import { uuidV5 } from '@/lib/export/uuid';
import { HelpKind } from '@/lib/generated/prisma/enums';
import { costLabels, helpKindLabels, languageLabel, regionLabels, withInferredMark } from '@/lib/labels';
import { absoluteUrl, needPath, providerPath, solutionPath } from '@/lib/seo/urls';
import type { Licence } from '@/lib/export/config';
import { provinceOfPostalCode } from '@/lib/entries/checks';
import { fieldsOf, type Field } from '@/lib/entries/fields';
import { needEntry } from '@/lib/entries/need';
import { providerEntry } from '@/lib/entries/provider';
import { solutionEntry } from '@/lib/entries/solution';
import type { EntityDef } from '@/lib/entries/types';

type Json = Record<string, unknown>;

export const HSDS_VERSION = '3.1';

const TAXONOMIES = {
  themes: { key: 'themes', name: 'Thèmes du Répertoire numérique communautaire', description: 'Thèmes qui regroupent les besoins numériques des organismes communautaires.' },
  helpKinds: { key: 'help-kinds', name: "Types d'aide", description: "Types d'aide qu'offre une solution (formation, accompagnement, financement…)." },
  needs: { key: 'needs', name: 'Besoins et enjeux numériques', description: "Besoins et enjeux nommés par le milieu communautaire ; chacun relève d'un thème (parent_id)." },
} as const;

const id = {
  taxonomy: (key: string) => uuidV5(`taxonomy:${key}`),
  theme: (theme: DatasetTheme) => uuidV5(`theme:${theme.id}`),
  helpKind: (kind: HelpKind) => uuidV5(`help-kind:${kind}`),
  need: (need: DatasetNeed) => uuidV5(`need:${need.id}`),
  organization: (provider: DatasetProvider) => uuidV5(`provider:${provider.id}`),
  service: (solution: DatasetSolution) => uuidV5(`solution:${solution.id}`),
  child: (parentId: string, what: string) => uuidV5(`${parentId}:${what}`),
};

const SIMPLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const WEB_ADDRESS = /^https?:\/\/\S+$/i;

/** Only the fields that have a value: HSDS validates emails and URLs, and "" is neither. */
function present(fields: Json): Json {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== null && value !== ''));
}

export type HsdsOptions = { siteUrl: string; licence: Licence };

// --- Fields placed by the definitions' `hsds` paths (lib/entries/*.ts) -----------------------

/** Where each public field of a definition goes in its HSDS record, in the definition's order. */
const mappingsOf = (def: EntityDef) =>
  fieldsOf(def)
    .filter((field) => field.hsds && field.openData !== false)
    .map((field) => ({ path: field.hsds!, field }));

const providerMappings = mappingsOf(providerEntry);
const solutionMappings = mappingsOf(solutionEntry);
const needMappings = mappingsOf(needEntry);

/**
 * The objects a path may go through (« phones[].number », « locations[].addresses[].city »):
 * HSDS gives each an id and its parent's, and requires a few fields of its own. An address is
 * in Québec unless its postal code says otherwise; a street kept private is an empty first line.
 */
const NESTED: Record<string, { one: string; fixed(values: Json): Json }> = {
  phones: { one: 'phone', fixed: () => ({}) },
  locations: { one: 'location', fixed: () => ({ location_type: 'physical' }) },
  addresses: {
    one: 'address',
    fixed: (values) => ({ address_1: '', state_province: provinceOfPostalCode(String(values.postal_code ?? '')) ?? 'QC', country: 'CA', address_type: 'physical' }),
  },
};

/** A field's value as HSDS wants it: a date without its time, only valid emails and web addresses, nothing for empty. */
function hsdsValue(field: Field, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return undefined;
  if (field.type === 'date') return String(value).slice(0, 10);
  if (field.type === 'email') return SIMPLE_EMAIL.test(String(value)) ? value : undefined;
  if (field.type === 'url') return WEB_ADDRESS.test(String(value)) ? value : undefined;
  return value;
}

/** The values of an entry at its definition's paths, as HSDS wants them. */
function placedValues(mappings: readonly { path: string; field: Field }[], entry: object): { path: string; value: unknown }[] {
  const values = entry as Record<string, unknown>;
  return mappings.map(({ path, field }) => ({ path, value: hsdsValue(field, values[field.key]) }));
}

/** The values placed at `paths` under an object of type `kind`: plain keys, and nested objects only when one of their values is known. */
function mappedFields(kind: string, ownId: string, values: readonly { path: string; value: unknown }[]): Json {
  const result: Json = {};
  const nested = new Map<string, { path: string; value: unknown }[]>();
  for (const { path, value } of values) {
    const [head, ...rest] = path.split('.');
    if (!head!.endsWith('[]')) {
      if (value !== undefined) result[head!] = value;
      continue;
    }
    const group = nested.get(head!.slice(0, -2)) ?? [];
    group.push({ path: rest.join('.'), value });
    nested.set(head!.slice(0, -2), group);
  }
  for (const [key, group] of nested) {
    const spec = NESTED[key];
    if (!spec) throw new Error(`HSDS: no rule for « ${key}[] »`);
    const childId = id.child(ownId, spec.one);
    const own = mappedFields(spec.one, childId, group);
    const hasValue = group.some((item) => item.value !== undefined);
    result[key] = hasValue ? [{ id: childId, [`${kind}_id`]: ownId, ...spec.fixed(own), ...own }] : [];
  }
  return result;
}


export function toHsds(dataset: Dataset, { siteUrl, licence }: HsdsOptions): Json {
  const url = (path: string) => absoluteUrl(siteUrl, path);
  const providers = new Map(dataset.providers.map((provider) => [provider.slug, provider]));
  const solutions = new Map(dataset.solutions.map((solution) => [solution.slug, solution]));
  const needs = new Map(dataset.needs.map((need) => [need.slug, need]));
  const themes = new Map(dataset.themes.map((theme) => [theme.slug, theme]));

  const taxonomies = Object.values(TAXONOMIES).map((taxonomy) => ({
    id: id.taxonomy(taxonomy.key),
    name: taxonomy.name,
    description: taxonomy.description,
    uri: url('/donnees'),
    version: '1',
  }));

  const term = (taxonomy: (typeof TAXONOMIES)[keyof typeof TAXONOMIES], fields: Json): Json =>
    present({ ...fields, taxonomy: taxonomy.name, taxonomy_id: id.taxonomy(taxonomy.key), language: 'fr' });

  const themeTerms = new Map(
    dataset.themes.map((theme) => [
      theme.slug,
      term(TAXONOMIES.themes, { id: id.theme(theme), code: theme.slug, name: theme.name, description: theme.description || theme.name }),
    ]),
  );
  const helpKindTerms = new Map(
    Object.values(HelpKind).map((kind) => [
      kind,
      term(TAXONOMIES.helpKinds, { id: id.helpKind(kind), code: kind, name: helpKindLabels[kind], description: helpKindLabels[kind] }),
    ]),
  );
  const needTerms = new Map(
    dataset.needs.map((need) => {
      const theme = need.themeSlug ? themes.get(need.themeSlug) : undefined;
      return [
        need.slug,
        term(TAXONOMIES.needs, {
          id: id.need(need),
          code: need.slug,
          name: need.title,
          description: need.description,
          parent_id: theme ? id.theme(theme) : undefined,
          term_uri: url(needPath(need.slug)),
        }),
      ];
    }),
  );

  const attribute = (serviceId: string, linkType: string, taxonomyTerm: Json): Json => ({
    id: id.child(serviceId, `attribute:${String(taxonomyTerm.id)}`),
    link_id: serviceId,
    link_type: linkType,
    link_entity: 'service',
    taxonomy_term_id: taxonomyTerm.id,
    taxonomy_term: taxonomyTerm,
    label: taxonomyTerm.name,
  });

  // A sub-point linked to no need of its own answers those of the solution it details.
  const needsOf = (solution: DatasetSolution): DatasetNeed[] => {
    const own = solution.needSlugs.length > 0 ? solution.needSlugs : (solutions.get(solution.parentSlug ?? '')?.needSlugs ?? []);
    return own.map((slug) => needs.get(slug)).filter((need): need is DatasetNeed => need !== undefined);
  };

  const services = dataset.solutions.map((solution): Json => {
    const serviceId = id.service(solution);
    const linked = solution.providers
      .map((link) => ({ provider: providers.get(link.providerSlug), role: link.role, isRoleInferred: link.isRoleInferred }))
      .filter((link): link is { provider: DatasetProvider; role: typeof link.role; isRoleInferred: boolean } => link.provider !== undefined);
    const offering = linked.filter((link) => link.role === 'OFFERS').map((link) => link.provider);
    const funders = linked.filter((link) => link.role === 'FUNDS');
    const costText = withInferredMark(costLabels[solution.cost], solution.inferredFields.includes('COST'));
    const regions = [...new Set(offering.flatMap((provider) => provider.regions))];
    const languages = [...new Set(offering.flatMap((provider) => provider.languages))];
    const parent = solution.parentSlug ? solutions.get(solution.parentSlug) : undefined;
    const owner = offering[0];
    const linkedNeeds = needsOf(solution);
    return present({
      id: serviceId,
      organization_id: owner ? id.organization(owner) : undefined,
      ...mappedFields('service', serviceId, placedValues(solutionMappings, solution)),
      url: url(solutionPath(solution.slug)),
      status: solution.availability === 'EXISTING' ? 'active' : 'inactive',
      fees_description: solution.cost === 'UNKNOWN' ? undefined : costText,
      last_modified: solution.updatedAt,
      cost_options:
        solution.cost === 'UNKNOWN' ? [] : [{ id: id.child(serviceId, 'cost'), service_id: serviceId, option: costText }],
      service_areas: regions.map((region) => ({ id: id.child(serviceId, `area:${region}`), service_id: serviceId, name: regionLabels[region] })),
      languages: languages.map((code) => ({ id: id.child(serviceId, `language:${code}`), service_id: serviceId, name: languageLabel(code), code })),
      funding: funders.map(({ provider: funder, isRoleInferred }) => ({
        id: id.child(serviceId, `funding:${funder.id}`),
        service_id: serviceId,
        source: funder.name,
        ...(isRoleInferred ? { x_role_inferred: true } : {}),
      })),
      attributes: [
        ...solution.kinds.map((kind) => attribute(serviceId, 'help_kind', helpKindTerms.get(kind)!)),
        ...linkedNeeds.map((need) => attribute(serviceId, 'need', needTerms.get(need.slug)!)),
      ],
      x_slug: solution.slug,
      x_parent_service_id: parent ? id.service(parent) : undefined,
      x_need_ids: linkedNeeds.map((need) => id.need(need)),
      x_provider_roles: linked.map((link) => ({ organization_id: id.organization(link.provider), role: link.role, inferred: link.isRoleInferred })),
    });
  });
  const servicesById = new Map(services.map((service) => [service.id as string, service]));
  // Grouped once: filtering all services for each organization cost 10,000 × 5,000 steps.
  const servicesOf = new Map<unknown, Json[]>();
  for (const service of services) {
    const owned = servicesOf.get(service.organization_id);
    if (owned) owned.push(service);
    else servicesOf.set(service.organization_id, [service]);
  }

  const organizations = dataset.providers.map((provider): Json => {
    const organizationId = id.organization(provider);
    const mapped = mappedFields('organization', organizationId, placedValues(providerMappings, provider));
    return present({
      id: organizationId,
      ...mapped,
      // Required by HSDS, even when we know nothing more than the name.
      description: mapped.description || provider.name,
      uri: url(providerPath(provider.slug)),
      services: (servicesOf.get(organizationId) ?? []).map((service) => servicesById.get(service.id as string)),
      x_slug: provider.slug,
      x_last_modified: provider.updatedAt,
    });
  });

  const xNeeds = dataset.needs.map((need): Json => {
    const linked = need.solutionSlugs.map((slug) => solutions.get(slug)).filter((s): s is DatasetSolution => s !== undefined);
    const theme = need.themeSlug ? themes.get(need.themeSlug) : undefined;
    // Our own extension keeps every field, empty ones as "" or null.
    const values = need as unknown as Record<string, unknown>;
    const own = Object.fromEntries(
      needMappings.map(({ path, field }) => [path, field.type === 'date' ? (hsdsValue(field, values[field.key]) ?? null) : values[field.key]]),
    );
    return {
      id: id.need(need),
      slug: need.slug,
      ...own,
      theme_term_id: theme ? id.theme(theme) : null,
      existing_service_ids: linked.filter((s) => s.availability === 'EXISTING').map((s) => id.service(s)),
      proposed_service_ids: linked.filter((s) => s.availability === 'PROPOSED').map((s) => id.service(s)),
      unconfirmed_service_ids: linked.filter((s) => s.availability === 'UNCONFIRMED').map((s) => id.service(s)),
      related: dataset.needLinks
        .filter((link) => link.fromSlug === need.slug && needs.has(link.toSlug))
        .map((link) => ({ need_id: id.need(needs.get(link.toSlug)!), note: link.note })),
      last_modified: need.updatedAt,
      url: url(needPath(need.slug)),
    };
  });

  return {
    hsds_version: HSDS_VERSION,
    name: 'Répertoire numérique communautaire',
    description:
      'Besoins numériques des organismes communautaires du Québec, solutions existantes ou proposées, et qui les offre, au format Open Referral HSDS 3.1 (avec les besoins en extension : x_needs).',
    site_url: siteUrl,
    licence: licence.url ? { name: licence.name, url: licence.url } : { name: licence.name },
    last_modified: dataset.lastModified,
    organizations,
    services,
    taxonomies,
    taxonomy_terms: [...themeTerms.values(), ...helpKindTerms.values(), ...needTerms.values()],
    x_needs: xNeeds,
  };
}
