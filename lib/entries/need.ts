// A need (besoin) or an issue (enjeu) of the round table's inventory. Its links (the
// solutions that answer it, in order; the needs it says it is « lié à ») are per-kind code:
// lib/data/admin/needs.ts.
import { DESCRIPTION_MAX_LENGTH, ENTRY_NOT_FIELDS, NOTE_MAX_LENGTH, statusField, TITLE_MAX_LENGTH, verificationFields } from '@/lib/entries/common';
import type { EntityDef, EveryColumnPlaced } from '@/lib/entries/types';
import { needKindLabels } from '@/lib/labels';

export const needEntry = {
  type: 'Need',
  table: 'need',
  titleField: 'title',
  words: { one: 'besoin', the: 'le besoin', plural: 'besoins', path: 'besoins', many: 'Besoins et enjeux' },
  fields: {
    title: {
      type: 'text',
      label: 'Titre',
      help: 'Court : il sert dans les listes et les liens.',
      required: 'Entrez un titre.',
      max: TITLE_MAX_LENGTH,
      isSeeded: true,
      hsds: 'title',
    },
    kind: { type: 'choice', label: 'Type', importLabel: 'Besoin ou enjeu', options: needKindLabels, isSeeded: true, hsds: 'kind' },
    description: {
      type: 'longText',
      label: 'Description',
      help: 'La formulation complète, telle que la Table l’a écrite.',
      apiDoc: 'Formulation complète, telle que la Table l’a écrite.',
      required: 'Entrez la description.',
      max: DESCRIPTION_MAX_LENGTH,
      rows: 6,
      isSeeded: true,
      hsds: 'description',
    },
    note: { type: 'longText', label: 'Remarque', apiDoc: 'Remarque de la Table (vide si aucune).', max: NOTE_MAX_LENGTH, rows: 3, isSeeded: true, hsds: 'note' },
    themeId: { type: 'ref', label: 'Thème', target: 'Theme', relation: 'theme', none: '(aucun thème)' },
    position: {
      type: 'int',
      label: 'Ordre',
      formLabel: 'Ordre dans la liste publique',
      importLabel: 'Rang',
      help: 'Un nombre : les plus petits d’abord. Laissez vide pour placer un nouveau besoin à la fin.',
      apiDoc: 'Rang dans l’inventaire.',
      appendsLast: true,
      hsds: 'position',
    },
    status: statusField,
    // HSDS has no needs: these paths are in our extension `x_needs` (lib/export/hsds.ts).
    verifiedAt: { ...verificationFields.verifiedAt, hsds: 'assured_date' },
    toVerify: { ...verificationFields.toVerify, hsds: 'to_verify' },
    verifyNote: { ...verificationFields.verifyNote, hsds: 'verify_note' },
  },
  notFields: ENTRY_NOT_FIELDS,
  // The open data keep the inventory's columns: the kind first, the theme after the rank.
  columnOrder: ['kind', 'title', 'description', 'note', 'position', 'themeId', 'verifiedAt', 'toVerify', 'verifyNote'],
  adminList: { search: ['title', 'description', 'slug'], orderBy: ['position', 'id'], detail: 'kind' },
} as const satisfies EntityDef;

// Every column of Need is placed above, with its type (a new column is a type error here).
export const needColumnsPlaced: EveryColumnPlaced<typeof needEntry> = true;
