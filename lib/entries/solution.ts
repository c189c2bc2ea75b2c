// A solution, existing, to confirm or proposed, to one or more needs. Its links (needs,
// providers with their role) are per-kind code: lib/data/admin/solutions.ts.
import { DESCRIPTION_MAX_LENGTH, ENTRY_NOT_FIELDS, statusField, TITLE_MAX_LENGTH, verificationFields } from '@/lib/entries/common';
import type { EntityDef, EveryColumnPlaced } from '@/lib/entries/types';
import { availabilityLabels, costLabels, helpKindLabels, inferredFieldLabels } from '@/lib/labels';

export const solutionEntry = {
  type: 'Solution',
  table: 'solution',
  titleField: 'title',
  words: { one: 'solution', the: 'la solution', plural: 'solutions', path: 'solutions', many: 'Solutions' },
  fields: {
    title: { type: 'text', label: 'Titre', required: 'Entrez un titre.', max: TITLE_MAX_LENGTH, isSeeded: true, hsds: 'name' },
    description: {
      type: 'longText',
      label: 'Description',
      required: 'Entrez la description.',
      max: DESCRIPTION_MAX_LENGTH,
      rows: 6,
      isSeeded: true,
      hsds: 'description',
    },
    availability: {
      type: 'choice',
      label: 'Existe, à confirmer ou proposée',
      importLabel: 'Statut',
      help: '« Existence à confirmer » : la source dit seulement qu’elle existe peut-être ; dites quoi confirmer dans la note de vérification.',
      options: availabilityLabels,
      order: ['EXISTING', 'UNCONFIRMED', 'PROPOSED'],
      isSeeded: true,
      hsds: 'x_availability',
    },
    kinds: { type: 'multiChoice', label: 'Types d’aide', options: helpKindLabels, invalid: 'Choisissez des types d’aide de la liste.', isSeeded: true },
    cost: { type: 'choice', label: 'Coût', options: costLabels, default: 'UNKNOWN', unknown: 'UNKNOWN', invalid: 'Choisissez un coût.', isSeeded: true },
    inferredFields: {
      type: 'multiChoice',
      label: 'Valeurs déduites par l’équipe',
      help: 'Cochez ce que la source ne dit pas : le site le montre « déduit par l’équipe ».',
      apiDoc: 'Parmi kinds et cost, ce que l’équipe du répertoire a déduit.',
      options: inferredFieldLabels,
      invalid: 'Choisissez des valeurs de la liste.',
      isSeeded: true,
      hsds: 'x_inferred_fields',
    },
    parentId: {
      type: 'ref',
      label: 'Solution parente',
      formLabel: 'Solution parente (facultatif)',
      // The open data's readable file (inventaire.csv) names the column in the interface's word
      // for a solution that details another (docs/vocabulaire.md: « précision »).
      publicLabel: 'Précision de',
      importLabel: 'Précision de',
      help: 'Pour une sous-solution, affichée sous sa parente.',
      apiDoc: 'La solution que celle-ci détaille (elle en est une précision), s’il y a lieu.',
      target: 'Solution',
      relation: 'parent',
      none: '(aucune)',
      the: 'la solution parente',
    },
    status: statusField,
    verifiedAt: { ...verificationFields.verifiedAt, hsds: 'assured_date' },
    toVerify: { ...verificationFields.toVerify, hsds: 'x_to_verify' },
    verifyNote: { ...verificationFields.verifyNote, hsds: 'x_verify_note' },
  },
  notFields: ENTRY_NOT_FIELDS,
  adminList: { search: ['title', 'description', 'slug'], orderBy: ['title', 'id'], detail: 'availability' },
} as const satisfies EntityDef;

export const solutionColumnsPlaced: EveryColumnPlaced<typeof solutionEntry> = true;
