// JSON-schema validators for the open data tests (vitest and Playwright): the official HSDS
// 3.1 schemas (tests/fixtures/hsds-3.1) and the schemas of our OpenAPI document. Ajv in
// draft 2020-12 mode, as both use it; formats (uuid, uri, email, date-time) are checked.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const HSDS_DIR = path.join(process.cwd(), 'tests', 'fixtures', 'hsds-3.1');
const HSDS_BASE = 'https://hsds.test/schema/';

function newAjv(): Ajv2020 {
  // Not strict: HSDS schemas carry Frictionless Data keywords (constraints, core, …).
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

export function describeErrors(errors: ErrorObject[] | null | undefined): string {
  return (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`).join('\n');
}

export type Validate = ValidateFunction;

/** A validator per HSDS table, by file name without ".json" (organization, service…). */
export function hsdsValidators(): Record<'organization' | 'service' | 'taxonomy' | 'taxonomy_term', ValidateFunction> {
  const ajv = newAjv();
  for (const file of readdirSync(HSDS_DIR).filter((name) => name.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(HSDS_DIR, file), 'utf8')) as Record<string, unknown>;
    // Their references are file names ("phone.json"): give each schema its file's address.
    ajv.addSchema({ ...schema, $id: `${HSDS_BASE}${file}` });
  }
  const get = (name: string) => ajv.getSchema(`${HSDS_BASE}${name}.json`)!;
  return { organization: get('organization'), service: get('service'), taxonomy: get('taxonomy'), taxonomy_term: get('taxonomy_term') };
}

/** Validates values against `#/components/schemas/<name>` of an OpenAPI 3.1 document. */
export function openApiValidator(document: Record<string, unknown>): (name: string) => ValidateFunction {
  const ajv = newAjv();
  const id = 'https://api.test/openapi.json';
  ajv.addSchema({ $id: id, components: document.components });
  return (name) => {
    const validate = ajv.getSchema(`${id}#/components/schemas/${name}`);
    if (!validate) throw new Error(`Schéma ${name} absent du document OpenAPI`);
    return validate;
  };
}
