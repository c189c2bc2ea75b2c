// The providers' postal address, added to the provider's definition alone
// (lib/entries/provider.ts): each place that must show it does, derived from there. The
// street is public only when the flag says so; the postal code is checked and written
// « H2X 1Y4 » wherever it comes in (form, import).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BasketItem } from '@/components/basket/basket-item';
import { ProviderFacts, type ProviderFactsSource } from '@/components/inventory/provider-facts';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { toRecords } from '@/lib/api/records';
import { ProviderSchema } from '@/lib/api/schemas';
import type { BasketProviderDto } from '@/lib/basket/types';
import { publicValues } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { datasetToCsv } from '@/lib/export/csv';
import { toHsds } from '@/lib/export/hsds';
import type { Dataset, DatasetProvider } from '@/lib/export/types';
import { FIELD_SPECS } from '@/lib/history/fields';
import { ENTRY_FIELDS } from '@/lib/import/fields';
import { parseImportFile } from '@/lib/import/parse';
import { validateRows } from '@/lib/import/validate';
import { parseProviderForm } from '@/lib/validation/provider';
import { describeErrors, hsdsValidators, openApiValidator } from '../helpers/json-schemas';
import { fixtureDataset } from '../fixtures/open-data/dataset';

const SITE = 'https://repertoire.example.org';
const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' };
const STREET = '1234, rue Exemple, bureau 200';

/** The fixture dataset, its first provider with an address (street public or not, as loaded). */
function withAddress(isStreetPublic: boolean): Dataset {
  const [first, ...others] = fixtureDataset.providers;
  const row = { ...first!, streetAddress: STREET, isStreetPublic, municipality: 'Montréal', postalCode: 'H2X 1Y4', verifiedAt: null };
  const provider: DatasetProvider = { ...first!, ...publicValues(providerEntry, row) };
  return { ...fixtureDataset, providers: [provider, ...others] };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  data.set('name', 'Organisme');
  data.set('status', 'DRAFT');
  data.set('kind', 'ORGANIZATION');
  data.set('cost', 'UNKNOWN');
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
}

describe('the providers’ address', () => {
  it('admin form: the postal code is checked and normalised, the street kept with its flag', () => {
    const parsed = parseProviderForm(form({ streetAddress: ` ${STREET} `, municipality: 'Montréal', postalCode: 'h2x-1y4', isStreetPublic: 'on' }));
    expect(parsed).toMatchObject({ success: true, data: { streetAddress: STREET, municipality: 'Montréal', postalCode: 'H2X 1Y4', isStreetPublic: true } });
    expect(parseProviderForm(form({ postalCode: 'H2X' }))).toEqual({ success: false, errors: { postalCode: ['Entrez un code postal canadien, par exemple H2X 1Y4.'] } });
    expect(parseProviderForm(form({}))).toMatchObject({ success: true, data: { streetAddress: '', postalCode: '', isStreetPublic: false } });
  });

  it('history: each field has its French label', () => {
    const labels = Object.fromEntries(Object.entries(FIELD_SPECS.Provider).map(([key, spec]) => [key, spec.label]));
    expect(labels).toMatchObject({ streetAddress: 'Numéro et rue', isStreetPublic: 'Rue publique', municipality: 'Municipalité', postalCode: 'Code postal' });
  });

  it('the public values show the street only when it is public', () => {
    const row = { streetAddress: STREET, municipality: 'Montréal', postalCode: 'H2X 1Y4' };
    expect(publicValues(providerEntry, { ...row, isStreetPublic: false })).toMatchObject({ streetAddress: '', municipality: 'Montréal', postalCode: 'H2X 1Y4' });
    expect(publicValues(providerEntry, { ...row, isStreetPublic: true })).toMatchObject({ streetAddress: STREET });
    expect(publicValues(providerEntry, { ...row, isStreetPublic: true })).not.toHaveProperty('isStreetPublic');
  });

  it('CSV: fournisseurs.csv has the three columns, and the import reads them back (postal code normalised)', () => {
    const csv = datasetToCsv(withAddress(true), 'fournisseurs', SITE);
    const [header, line] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const columns = header!.split(';');
    expect(columns).toEqual(expect.arrayContaining(['street_address', 'municipality', 'postal_code']));
    expect(columns).not.toContain('is_street_public');
    expect(line).toContain(`;${STREET};Montréal;H2X 1Y4;`);
    expect(ENTRY_FIELDS.Provider.map((field) => field.column)).toEqual(expect.arrayContaining(['street_address', 'municipality', 'postal_code']));

    const edited = csv.replace('H2X 1Y4', 'h2x1y4');
    const [row] = validateRows(parseImportFile('fournisseurs.csv', edited).rows);
    expect(row!.errors).toEqual([]);
    expect(row!.fields).toMatchObject({ streetAddress: STREET, municipality: 'Montréal', postalCode: 'H2X 1Y4' });
    const [bad] = validateRows(parseImportFile('fournisseurs.csv', csv.replace('H2X 1Y4', 'H2X 1Y')).rows);
    expect(bad!.errors).toEqual([{ column: 'postal_code', message: '« H2X 1Y » n’est pas un code postal canadien (p. ex. H2X 1Y4).' }]);
  });

  it('API and JSON: the record has the address, valid against its zod schema and the OpenAPI document', () => {
    const [record] = toRecords(withAddress(false), SITE).providers;
    expect(record).toMatchObject({ street_address: '', municipality: 'Montréal', postal_code: 'H2X 1Y4' });
    expect(ProviderSchema.parse(record)).toEqual(record);
    const document = buildOpenApiDocument({ siteUrl: SITE, licence });
    const properties = (document.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas.Provider!.properties;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['street_address', 'municipality', 'postal_code']));
    const validate = openApiValidator(document)('Provider');
    expect(validate(record), describeErrors(validate.errors)).toBe(true);
    expect(toRecords(withAddress(true), SITE).providers[0]).toMatchObject({ street_address: STREET });
  });

  it('HSDS: the organization has a location with its address, valid against the official schemas', () => {
    const validate = hsdsValidators().organization;
    for (const isStreetPublic of [true, false]) {
      const organization = (toHsds(withAddress(isStreetPublic), { siteUrl: SITE, licence }) as { organizations: Record<string, unknown>[] }).organizations[0]!;
      expect(validate(organization), describeErrors(validate.errors)).toBe(true);
      const [location] = organization.locations as Record<string, unknown>[];
      expect(location).toMatchObject({ location_type: 'physical', organization_id: organization.id });
      expect((location!.addresses as unknown[])[0]).toMatchObject({
        location_id: location!.id,
        address_1: isStreetPublic ? STREET : '',
        city: 'Montréal',
        postal_code: 'H2X 1Y4',
        state_province: 'QC',
        country: 'CA',
        address_type: 'physical',
      });
    }
    // No address known: no location.
    const other = (toHsds(fixtureDataset, { siteUrl: SITE, licence }) as { organizations: Record<string, unknown>[] }).organizations[0]!;
    expect(other.locations).toEqual([]);
  });

  it('public page: one « Adresse » line, the street only when public', () => {
    const provider = withAddress(false).providers[0]! as ProviderFactsSource;
    expect(renderToStaticMarkup(<ProviderFacts provider={provider} />)).toContain('<dt class="font-medium">Adresse</dt><dd class="min-w-0 wrap-anywhere"><span>Montréal</span><span>, H2X 1Y4</span></dd>');
    const open = renderToStaticMarkup(<ProviderFacts provider={withAddress(true).providers[0]! as ProviderFactsSource} />);
    expect(open).toContain(`<span>${STREET}</span><span>, Montréal</span><span>, H2X 1Y4</span>`);
    expect(renderToStaticMarkup(<ProviderFacts provider={fixtureDataset.providers[0]! as ProviderFactsSource} />)).toContain('<dt class="font-medium">Adresse</dt><dd class="italic text-slate-700">Non précisé</dd>');
  });

  it('basket sheet: the known parts of the address, nothing when unknown', () => {
    const provider = withAddress(true).providers[0]!;
    const item = { ...provider, kind: 'provider', providerKind: provider.kind, offers: [] } as unknown as BasketProviderDto;
    const html = renderToStaticMarkup(<BasketItem item={item} />);
    expect(html).toContain(`<dt class="font-medium">Adresse</dt><dd class="break-words">${STREET}</dd>`);
    expect(html).toContain('<dt class="font-medium">Municipalité</dt><dd class="break-words">Montréal</dd>');
    expect(html).toContain('<dt class="font-medium">Code postal</dt><dd class="break-words">H2X 1Y4</dd>');
    const none = renderToStaticMarkup(<BasketItem item={{ ...item, streetAddress: '', municipality: '', postalCode: '' }} />);
    expect(none).not.toContain('Municipalité');
  });
});
