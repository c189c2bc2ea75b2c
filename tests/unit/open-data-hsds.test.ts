// The HSDS 3.1 export of the fixture dataset: valid against the official schemas
// (tests/fixtures/hsds-3.1) and mapped as /donnees says.
import { describe, expect, it } from 'vitest';
import { toHsds } from '@/lib/export/hsds';
import { uuidV5 } from '@/lib/export/uuid';
import { describeErrors, hsdsValidators } from '../helpers/json-schemas';
import { fixtureDataset } from '../fixtures/open-data/dataset';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' };
const hsds = toHsds(fixtureDataset, { siteUrl: 'https://repertoire.example.org', licence }) as Json;
const validators = hsdsValidators();

function expectValid(kind: keyof typeof validators, value: unknown): void {
  const validate = validators[kind];
  expect(validate(value), describeErrors(validate.errors)).toBe(true);
}

describe('UUIDs', () => {
  it('computes RFC 9562 version 5 UUIDs (test vector of the DNS namespace)', () => {
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('HSDS 3.1 export', () => {
  it('validates against the official schemas: organizations, services (nested too), taxonomies, terms', () => {
    for (const organization of hsds.organizations) {
      expectValid('organization', organization);
      for (const service of organization.services ?? []) expectValid('service', service);
    }
    for (const service of hsds.services) expectValid('service', service);
    for (const taxonomy of hsds.taxonomies) expectValid('taxonomy', taxonomy);
    for (const term of hsds.taxonomy_terms) expectValid('taxonomy_term', term);
  });

  it('the validators do catch a wrong record (not a vacuous pass)', () => {
    expect(validators.service({ id: 'pas-un-uuid', name: 'x', status: 'proposed' })).toBe(false);
    expect(validators.organization({ id: hsds.organizations[0].id, name: 'x' })).toBe(false);
    // Nested tables are checked through their references ("funding.json"), formats included.
    const service = hsds.services[0];
    expect(validators.service({ ...service, funding: [{ id: 'pas-un-uuid' }] })).toBe(false);
    expect(validators.service({ ...service, url: 'pas une adresse' })).toBe(false);
    expect(validators.service(service)).toBe(true);
  });

  it('maps providers to organizations, with services under the provider that offers them', () => {
    const educaloi = hsds.organizations.find((organization: Json) => organization.x_slug === 'educaloi');
    expect(educaloi).toMatchObject({
      name: 'Éducaloi',
      website: 'https://educaloi.qc.ca',
      email: 'info@educaloi.qc.ca',
      uri: 'https://repertoire.example.org/fournisseurs/educaloi',
      phones: [{ number: '+1 514 555-0100' }],
    });
    expect(educaloi.services.map((service: Json) => service.x_slug)).toEqual(['ateliers-loi-25']);
    // Empty values are left out (HSDS checks emails and URLs).
    const centre = hsds.organizations.find((organization: Json) => organization.x_slug === 'centre-ti');
    expect(centre).not.toHaveProperty('website');
    expect(centre).not.toHaveProperty('email');
    expect(centre.x_kind).toBe('PROGRAM');
  });

  it('maps solutions to services: status, funding, areas, languages, costs, kinds and needs', () => {
    const ateliers = hsds.services.find((service: Json) => service.x_slug === 'ateliers-loi-25');
    const educaloi = hsds.organizations.find((organization: Json) => organization.x_slug === 'educaloi');
    expect(ateliers).toMatchObject({
      organization_id: educaloi.id,
      status: 'active',
      x_availability: 'EXISTING',
      assured_date: '2026-10-01',
      last_modified: '2026-10-01T00:00:00.000Z',
      fees_description: 'Gratuit',
      funding: [{ source: 'Centre, "TI" ; Montréal' }],
      service_areas: [{ name: 'Tout le Québec' }],
      languages: [{ code: 'fr' }, { code: 'en' }],
      cost_options: [{ option: 'Gratuit' }],
    });
    expect(ateliers.attributes.map((attribute: Json) => `${attribute.link_type}:${attribute.taxonomy_term.code}`)).toEqual([
      'help_kind:TRAINING',
      'help_kind:AWARENESS',
      'need:formation',
    ]);
    const proposed = hsds.services.find((service: Json) => service.x_slug === 'reseau-propose');
    expect(proposed).toMatchObject({ status: 'inactive', x_availability: 'PROPOSED' });
    expect(proposed).not.toHaveProperty('organization_id');
    // A sub-point answers its parent's need.
    const child = hsds.services.find((service: Json) => service.x_slug === 'sous-point');
    expect(child.x_parent_service_id).toBe(proposed.id);
    expect(child.x_need_ids).toEqual(proposed.x_need_ids);
  });

  it('a solution to confirm is not active, and what the team inferred says so, still valid HSDS', () => {
    const dataset = {
      ...fixtureDataset,
      solutions: fixtureDataset.solutions.map((solution) => {
        if (solution.slug === 'coaching') return { ...solution, availability: 'UNCONFIRMED' as const, cost: 'SUBSIDIZED' as const, inferredFields: ['KINDS' as const, 'COST' as const] };
        if (solution.slug !== 'ateliers-loi-25') return solution;
        return { ...solution, providers: solution.providers.map((link) => ({ ...link, isRoleInferred: link.role === 'FUNDS' })) };
      }),
    };
    const marked = toHsds(dataset, { siteUrl: 'https://repertoire.example.org', licence }) as Json;
    const coaching = marked.services.find((service: Json) => service.x_slug === 'coaching');
    expect(coaching).toMatchObject({
      status: 'inactive',
      x_availability: 'UNCONFIRMED',
      x_inferred_fields: ['KINDS', 'COST'],
      fees_description: 'Subventionné (déduit par l’équipe)',
    });
    const ateliers = marked.services.find((service: Json) => service.x_slug === 'ateliers-loi-25');
    expect(ateliers.funding).toEqual([expect.objectContaining({ source: 'Centre, "TI" ; Montréal', x_role_inferred: true })]);
    expect(ateliers.x_provider_roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ role: 'FUNDS', inferred: true }), expect.objectContaining({ role: 'OFFERS', inferred: false })]),
    );
    expect(marked.x_needs.find((need: Json) => need.slug === 'formation').unconfirmed_service_ids).toEqual([coaching.id]);
    for (const service of marked.services) expectValid('service', service);
    for (const organization of marked.organizations) expectValid('organization', organization);
  });

  it('gives needs as taxonomy terms under their theme, and in full as the x_needs extension', () => {
    const formation = hsds.x_needs.find((need: Json) => need.slug === 'formation');
    const term = hsds.taxonomy_terms.find((candidate: Json) => candidate.id === formation.id);
    const theme = hsds.taxonomy_terms.find((candidate: Json) => candidate.code === 'competences');
    expect(term).toMatchObject({ code: 'formation', name: 'Formation du personnel', parent_id: theme.id, language: 'fr' });
    expect(formation.existing_service_ids).toHaveLength(2);
    expect(hsds.x_needs.find((need: Json) => need.slug === 'cybersecurite').related).toEqual([{ need_id: formation.id, note: 'Lié à la formation, "voir" ; aussi' }]);
  });

  it('uses unique ids, stable from one export to the next', () => {
    const ids = [
      ...hsds.organizations.map((o: Json) => o.id),
      ...hsds.services.map((s: Json) => s.id),
      ...hsds.taxonomies.map((t: Json) => t.id),
      ...hsds.taxonomy_terms.map((t: Json) => t.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    expect(toHsds(fixtureDataset, { siteUrl: 'https://repertoire.example.org', licence })).toEqual(hsds);
  });
});
