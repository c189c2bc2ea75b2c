// Fields and limits that several kinds of entry share: the publication state and the three
// verification fields (HSDS's assured_date and our "to verify" flag with its note).
import { statusLabels } from '@/lib/labels';

export const TITLE_MAX_LENGTH = 200;
export const DESCRIPTION_MAX_LENGTH = 20_000;
export const NOTE_MAX_LENGTH = 5_000;
export const VERIFY_NOTE_MAX_LENGTH = 1_000;

/** Columns every entry table has that are not fields people edit or the formats carry as such. */
export const ENTRY_NOT_FIELDS = {
  id: 'Identifiant technique (cuid) : les liens et l’historique y renvoient.',
  slug: 'Adresse de la fiche, faite du titre à la création puis stable ; chaque format la porte à part comme identifiant.',
  version: 'Compteur de versions pour refuser une modification concurrente (verrou optimiste).',
  createdAt: 'Date de création, tenue par la base.',
  updatedAt: 'Date de dernière modification, tenue par la base (updated_at des formats).',
} as const;

export const STATUS_HELP = 'Seules les fiches publiées paraissent sur le site public.';

/** Draft, published or archived. Not in the open data: only published entries are. */
export const statusField = {
  type: 'choice',
  label: 'État',
  options: statusLabels,
  invalid: 'Choisissez un état de publication.',
  default: 'DRAFT',
  help: STATUS_HELP,
  openData: false,
} as const;

/** The last check by a person, and the "to verify" flag with what is to verify. */
export const verificationFields = {
  verifiedAt: {
    type: 'date',
    label: 'Vérifié le',
    importLabel: 'Vérifiée le',
    apiDoc: 'Dernière vérification par une personne ; null si jamais vérifiée.',
    // Set by « Marquer comme vérifié », never typed.
    isEditable: false,
  },
  toVerify: {
    type: 'bool',
    label: 'À vérifier',
    help: 'Signale aux autres membres qu’une information est peut-être dépassée. « Marquer comme vérifié » retire ce signalement.',
    apiDoc: 'La fiche est signalée à vérifier ou à compléter.',
    isSeeded: true,
  },
  verifyNote: {
    type: 'longText',
    label: 'Note de vérification',
    help: 'Ce qui est à vérifier, ou comment la fiche a été vérifiée.',
    apiDoc: 'Ce qu’il reste à vérifier (vide si rien).',
    max: VERIFY_NOTE_MAX_LENGTH,
    rows: 2,
    isSeeded: true,
  },
} as const;

export const VERIFICATION_KEYS = ['verifiedAt', 'toVerify', 'verifyNote'] as const;
export const VERIFICATION_SECTION = 'Vérification';
