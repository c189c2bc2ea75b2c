// How the history names and shows each field of the four kinds of entry (order, French label,
// kind of diff, the value as shown). Recorded from the hand-written table before it was
// derived from the entry definitions: the derived one must say the same.
import { describe, expect, it } from 'vitest';
import { FIELD_SPECS } from '@/lib/history/fields';
import { ENTRY_TYPES } from '@/lib/history/snapshot';

const samples: Record<string, unknown[]> = {
  status: ['DRAFT', 'PUBLISHED', 'ARCHIVED', 'AUTRE'],
  slug: ['acces-au-materiel'],
  verifiedAt: [null, '2024-03-05T14:30:00.000Z'],
  toVerify: [true, false],
  verifyNote: ['Vérifier « le site »'],
  title: ['Un titre'],
  name: ['Centre TI'],
  alternateName: ['CTI'],
  kind: ['NEED', 'ISSUE', 'ORGANIZATION', 'PROGRAM'],
  description: ['Une description.'],
  note: ['Une remarque'],
  theme: [null, { id: 't1', label: 'Sécurité' }],
  parent: [null, { id: 's1', label: 'Parente' }],
  position: [0, 12],
  solutions: [[{ id: 's1', label: 'Prêt', position: 2 }]],
  links: [[{ id: 'n1', label: 'Autre', note: 'Voir' }, { id: 'n2', label: 'Sans note', note: '' }]],
  needs: [[{ id: 'n1', label: 'Besoin' }]],
  providers: [[{ id: 'p1', label: 'Centre', role: 'FUNDS' }, { id: 'p2', label: 'Autre', role: 'CITED', isRoleInferred: true }]],
  availability: ['EXISTING', 'UNCONFIRMED', 'PROPOSED'],
  kinds: [['TRAINING', 'LEGAL'], []],
  cost: ['FREE', 'UNKNOWN'],
  inferredFields: [['KINDS', 'COST']],
  website: ['https://exemple.org'],
  email: ['info@exemple.org'],
  phone: ['514 555-1234'],
  regions: [['MONTREAL', 'ALL_QUEBEC']],
  audiences: [['YOUTH']],
  formats: [['ONLINE', 'HYBRID']],
  languages: [['fr', 'en', 'xx']],
};

describe.each(ENTRY_TYPES)('%s history fields', (type) => {
  it('order, labels and kinds of diff', () => {
    expect(Object.entries(FIELD_SPECS[type]).map(([field, spec]) => `${field}: ${spec.label} (${spec.kind})`)).toMatchSnapshot();
  });

  it('values as shown', () => {
    const shown = Object.entries(FIELD_SPECS[type]).map(([field, spec]) => [field, (samples[field] ?? ['?']).map((value) => spec.show(value))]);
    expect(shown).toMatchSnapshot();
  });
});
