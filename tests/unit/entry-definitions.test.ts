// The entry definitions (lib/entries/): every column of the four tables is placed, and the
// compile-time check refuses a definition that forgets one, names a column that does not
// exist, or gives a field the wrong type (`npm run typecheck` fails on the @ts-expect-error
// lines below if the check stops catching them).
import { describe, expect, it } from 'vitest';
import { normalisePostalCode, provinceOfPostalCode } from '@/lib/entries/checks';
import { ENTRY_NOT_FIELDS } from '@/lib/entries/common';
import { formLabel, openFields, openName } from '@/lib/entries/fields';
import { ENTRY_DEFS } from '@/lib/entries/registry';
import type { EntityDef, EveryColumnPlaced } from '@/lib/entries/types';
import { Prisma } from '@/lib/generated/prisma/client';

const base = {
  type: 'Theme',
  table: 'theme',
  titleField: 'name',
  words: { one: 'thème', the: 'le thème', plural: 'thèmes', path: 'themes', many: 'Thèmes' },
  notFields: ENTRY_NOT_FIELDS,
  adminList: { search: [], orderBy: [] },
} as const;

const forgetsStatus = { ...base, fields: { name: { type: 'text', label: 'Nom', max: 10 }, description: { type: 'longText', label: 'D', max: 10 }, position: { type: 'int', label: 'O' } } } as const satisfies EntityDef;
// @ts-expect-error -- `status` is a column of Theme and is neither a field nor in notFields.
export const forgotten: EveryColumnPlaced<typeof forgetsStatus> = true;

const namesNothing = { ...base, fields: { ...forgetsStatus.fields, status: { type: 'choice', label: 'État', options: { DRAFT: '', PUBLISHED: '', ARCHIVED: '' } }, color: { type: 'text', label: 'Couleur', max: 7 } } } as const satisfies EntityDef;
// @ts-expect-error -- `color` is not a column of Theme.
export const unknownColumn: EveryColumnPlaced<typeof namesNothing> = true;

export const wrongType = { ...base, fields: { ...forgetsStatus.fields, position: { type: 'text', label: 'O', max: 3 }, status: namesNothing.fields.status } } as const satisfies EntityDef;
// @ts-expect-error -- `position` is an integer column, not text.
export const mistyped: EveryColumnPlaced<typeof wrongType> = true;

describe('entry definitions', () => {
  it.each(Object.values(ENTRY_DEFS))('$type: every scalar column of the model is a field or a reasoned exception', (def) => {
    const columns = Object.keys(Prisma[`${def.type}ScalarFieldEnum`]);
    expect([...Object.keys(def.fields), ...Object.keys(def.notFields)].sort()).toEqual([...columns].sort());
    for (const reason of Object.values(def.notFields)) expect(reason.length).toBeGreaterThan(20);
  });

  it('names the open data in snake_case, references by their relation', () => {
    expect(openFields(ENTRY_DEFS.Need).map(openName)).toEqual(['kind', 'title', 'description', 'note', 'position', 'theme', 'verified_at', 'to_verify', 'verify_note']);
    expect(openFields(ENTRY_DEFS.Provider).map(openName)).toContain('alternate_name');
    expect(openFields(ENTRY_DEFS.Solution).map(openName)).toContain('parent');
  });

  it('says « (facultatif) » on the text fields that may stay empty', () => {
    expect(formLabel(ENTRY_DEFS.Provider.fields.website)).toBe('Site Web (facultatif)');
    expect(formLabel(ENTRY_DEFS.Provider.fields.name)).toBe('Nom');
    expect(formLabel(ENTRY_DEFS.Provider.fields.kind)).toBe('Type');
    expect(formLabel(ENTRY_DEFS.Need.fields.position)).toBe('Ordre dans la liste publique');
  });
});

describe('Canadian postal codes', () => {
  it('accepts the usual spellings and writes them « A1A 1A1 »', () => {
    expect(['h2x1y4', 'H2X 1Y4', ' h2x-1y4 ', 'H2X  1Y4'.replace('  ', ' ')].map(normalisePostalCode)).toEqual(['H2X 1Y4', 'H2X 1Y4', 'H2X 1Y4', 'H2X 1Y4']);
  });

  it('refuses what Canada Post never issues', () => {
    // D, F, I, O, Q, U never; W and Z never first; wrong pattern or length.
    expect(['D2X 1Y4', 'H2O 1Y4', 'W2X 1Y4', 'Z2X 1Y4', 'H2X 1Y', '12345', 'H2X1Y4X', ''].map(normalisePostalCode)).toEqual(Array(8).fill(null));
  });

  it('tells the province from the first letter', () => {
    expect(['H2X 1Y4', 'G1R 4P5', 'J8Y 3Z1', 'K1A 0B1', 'X0A 0H0', 'X1A 2L9', 'V6B 1A1'].map(provinceOfPostalCode)).toEqual(['QC', 'QC', 'QC', 'ON', 'NU', 'NT', 'BC']);
    expect(provinceOfPostalCode('pas un code')).toBeNull();
  });
});
