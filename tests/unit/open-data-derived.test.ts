// The open data outputs as the hand-written code made them, recorded before each one is
// derived from the entry definitions (lib/entries/): the CSV files, the API records, the
// JSON download, the OpenAPI document, the HSDS export and the import's columns must come
// out the same, byte for byte, once derived.
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { toRecords } from '@/lib/api/records';
import { CSV_FILES, datasetToCsv } from '@/lib/export/csv';
import { toHsds } from '@/lib/export/hsds';
import { toDatasetExport } from '@/lib/export/json';
import { ENTRY_FIELDS, ENTRY_LABELS } from '@/lib/import/fields';
import { fixtureDataset } from '../fixtures/open-data/dataset';

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, item]) => [key, sortedKeys(item)]));
  return value;
}

const SITE = 'https://repertoire.example.org';
const licence = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/deed.fr' };

describe('open data outputs, as recorded from the hand-written code', () => {
  it.each(CSV_FILES)('%s.csv', (file) => {
    expect(datasetToCsv(fixtureDataset, file, SITE)).toMatchSnapshot();
  });

  it('the entity files keep their columns', () => {
    const header = (file: (typeof CSV_FILES)[number]) => datasetToCsv(fixtureDataset, file, SITE).split('\r\n')[0]!.replace(/^\uFEFF/, '').split(';');
    expect(header('besoins')).toEqual([
      'slug', 'kind', 'title', 'description', 'note', 'position', 'theme',
      'existing_solution_count', 'proposed_solution_count', 'unconfirmed_solution_count',
      'verified_at', 'to_verify', 'verify_note', 'updated_at', 'url',
    ]);
    expect(header('solutions')).toEqual([
      'slug', 'title', 'description', 'availability', 'kinds', 'cost', 'inferred_fields', 'parent',
      'verified_at', 'to_verify', 'verify_note', 'updated_at', 'url',
    ]);
    expect(header('fournisseurs')).toEqual([
      'slug', 'name', 'alternate_name', 'kind', 'description', 'website', 'email', 'phone', 'street_address', 'municipality', 'postal_code',
      'regions', 'audiences', 'cost', 'formats', 'languages', 'verified_by',
      'verified_at', 'to_verify', 'verify_note', 'updated_at', 'url',
    ]);
    expect(header('themes')).toEqual(['slug', 'name', 'description', 'position', 'updated_at']);
  });

  it('repertoire.json (the API records), key order included', () => {
    const json = JSON.stringify(toDatasetExport(toRecords(fixtureDataset, SITE), { siteUrl: SITE, licence, lastModified: fixtureDataset.lastModified }), null, 2);
    expect(json).toMatchSnapshot();
  });

  it('the OpenAPI document', () => {
    expect(JSON.stringify(buildOpenApiDocument({ siteUrl: SITE, licence }), null, 2)).toMatchSnapshot();
  });

  // Keys sorted: HSDS readers go by name, and the organizations now list their fields in the definition's order.
  it('the HSDS export', () => {
    expect(JSON.stringify(sortedKeys(toHsds(fixtureDataset, { siteUrl: SITE, licence })), null, 2)).toMatchSnapshot();
  });

  it('the import’s fields and the names of the kinds', () => {
    expect(ENTRY_FIELDS).toMatchSnapshot();
    expect(ENTRY_LABELS).toMatchSnapshot();
  });
});
