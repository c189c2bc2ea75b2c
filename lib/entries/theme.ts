// A theme: the taxonomy that groups needs (HSDS taxonomy_term). No verification fields.
import { ENTRY_NOT_FIELDS } from '@/lib/entries/common';
import type { EntityDef, EveryColumnPlaced } from '@/lib/entries/types';
import { statusLabels } from '@/lib/labels';

export const themeEntry = {
  type: 'Theme',
  table: 'theme',
  titleField: 'name',
  words: { one: 'thème', the: 'le thème', plural: 'thèmes', path: 'themes', many: 'Thèmes' },
  fields: {
    name: { type: 'text', label: 'Nom', required: 'Entrez un nom.', max: 120, isSeeded: true },
    description: { type: 'longText', label: 'Description', max: 2_000, rows: 4, isSeeded: true },
    position: {
      type: 'int',
      label: 'Ordre',
      importLabel: 'Rang',
      help: 'Un nombre : les plus petits d’abord. Laissez vide pour placer un nouveau thème à la fin.',
      appendsLast: true,
    },
    // Themes are published when created: they only show through the needs filed under them.
    status: { type: 'choice', label: 'État', options: statusLabels, invalid: 'Choisissez un état de publication.', default: 'PUBLISHED', openData: false },
  },
  notFields: ENTRY_NOT_FIELDS,
  adminList: { search: ['name', 'description', 'slug'], orderBy: ['position', 'name'] },
} as const satisfies EntityDef;

export const themeColumnsPlaced: EveryColumnPlaced<typeof themeEntry> = true;
