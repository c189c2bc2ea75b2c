// A provider: an organisation or a program that offers, funds or partners on solutions (HSDS
// organization). Its links to solutions are edited from each solution (lib/data/admin/solutions.ts).
import { DESCRIPTION_MAX_LENGTH, ENTRY_NOT_FIELDS, statusField, TITLE_MAX_LENGTH, verificationFields } from '@/lib/entries/common';
import type { EntityDef, EveryColumnPlaced } from '@/lib/entries/types';
import { audienceLabels, costLabels, formatLabels, providerKindLabels, regionLabels, verifierLabels } from '@/lib/labels';

const SCOPE = 'Portée';
const ADDRESS = 'Adresse';
const PRIVATE_CONTACT = 'Contact privé (jamais publié)';

export const providerEntry = {
  type: 'Provider',
  table: 'provider',
  titleField: 'name',
  words: { one: 'fournisseur', the: 'le fournisseur', plural: 'fournisseurs', path: 'fournisseurs', many: 'Fournisseurs' },
  fields: {
    name: { type: 'text', label: 'Nom', required: 'Entrez un nom.', max: TITLE_MAX_LENGTH, isSeeded: true, hsds: 'name' },
    alternateName: {
      type: 'text',
      label: 'Autre nom ou sigle',
      apiDoc: 'Autre graphie ou sigle (vide si aucun).',
      max: TITLE_MAX_LENGTH,
      isSeeded: true,
      hsds: 'alternate_name',
    },
    kind: { type: 'choice', label: 'Type', importLabel: 'Genre', options: providerKindLabels, default: 'ORGANIZATION', isSeeded: true, hsds: 'x_kind' },
    description: { type: 'longText', label: 'Description', max: DESCRIPTION_MAX_LENGTH, rows: 5, isSeeded: true, hsds: 'description' },
    website: {
      type: 'url',
      label: 'Site Web',
      help: 'Par exemple https://www.organisme.org',
      apiDoc: 'Site Web (vide si inconnu).',
      max: 500,
      isSeeded: true,
      hsds: 'website',
    },
    email: {
      type: 'email',
      label: 'Courriel',
      help: 'Une adresse publique de l’organisme, jamais celle d’une personne sans son accord.',
      apiDoc: 'Courriel (vide si inconnu).',
      max: 254,
      isSeeded: true,
      hsds: 'email',
    },
    phone: {
      type: 'phone',
      label: 'Téléphone',
      help: 'Par exemple 514 555-1234, poste 12',
      apiDoc: 'Téléphone (vide si inconnu).',
      max: 40,
      isSeeded: true,
      hsds: 'phones[].number',
    },
    streetAddress: {
      type: 'text',
      label: 'Numéro et rue',
      publicLabel: 'Adresse',
      help: 'Par exemple 1234, rue Saint-Denis, bureau 200',
      apiDoc: 'Numéro et rue, seulement si l’organisme les rend publics (vide sinon).',
      max: TITLE_MAX_LENGTH,
      section: ADDRESS,
      // Many organisations (shelters, home-based services) do not publish where they are.
      publicWhen: 'isStreetPublic',
      hsds: 'locations[].addresses[].address_1',
    },
    isStreetPublic: {
      type: 'bool',
      label: 'Rue publique',
      formLabel: 'Afficher le numéro et la rue sur le site public',
      help: 'Sans cette case, seuls la municipalité et le code postal paraissent.',
      section: ADDRESS,
      openData: false,
    },
    municipality: {
      type: 'text',
      label: 'Municipalité',
      help: 'Par exemple Trois-Rivières',
      apiDoc: 'Municipalité (vide si inconnue).',
      max: 120,
      section: ADDRESS,
      hsds: 'locations[].addresses[].city',
    },
    postalCode: {
      type: 'postalCode',
      label: 'Code postal',
      help: 'Par exemple H2X 1Y4',
      apiDoc: 'Code postal canadien, écrit « H2X 1Y4 » (vide si inconnu).',
      max: 10,
      section: ADDRESS,
      hsds: 'locations[].addresses[].postal_code',
    },
    regions: {
      type: 'multiChoice',
      label: 'Régions',
      formLabel: 'Régions desservies',
      publicLabel: 'Régions desservies',
      options: regionLabels,
      section: SCOPE,
      isSeeded: true,
    },
    audiences: { type: 'multiChoice', label: 'Publics', publicLabel: 'Pour qui', options: audienceLabels, section: SCOPE, isSeeded: true },
    cost: { type: 'choice', label: 'Coût', options: costLabels, default: 'UNKNOWN', unknown: 'UNKNOWN', invalid: 'Choisissez un coût.', isSeeded: true },
    formats: { type: 'multiChoice', label: 'Formats', publicLabel: 'Format', options: formatLabels, section: SCOPE, isSeeded: true },
    languages: {
      type: 'languages',
      label: 'Langues',
      apiDoc: 'Codes de langue ISO 639-1, p. ex. fr, en.',
      common: ['fr', 'en', 'es', 'ar', 'zh', 'iu', 'cr'],
      invalid: 'Entrez des codes de langue de 2 ou 3 lettres (ISO 639), par exemple « fr, en ».',
      section: SCOPE,
      isSeeded: true,
    },
    status: statusField,
    verifiedAt: { ...verificationFields.verifiedAt, hsds: 'x_assured_date' },
    toVerify: { ...verificationFields.toVerify, hsds: 'x_to_verify' },
    verifyNote: { ...verificationFields.verifyNote, hsds: 'x_verify_note' },
    verifiedBy: {
      type: 'choice',
      label: 'Vérifiée par',
      options: verifierLabels,
      default: 'NONE',
      unknown: 'NONE',
      apiDoc: 'Qui a fait la dernière vérification : ORGANIZATION (l’organisme lui-même), MEMBER (un membre de la Table), NONE (non précisé).',
      // Set with the verification date (« Marquer comme vérifié », the organisation's link), never typed.
      isEditable: false,
      // HSDS 3.1 has assured_date / assurer_email on services only; organizations carry x_assured_date and this.
      hsds: 'x_verified_by',
    },
    // The address the directory writes to about this listing: private. `openData: false` keeps it
    // out of pages, downloads, the API and HSDS; it is in no `facts` nor `basket` list.
    contactEmail: {
      type: 'email',
      label: 'Courriel de contact privé',
      help: 'L’adresse à laquelle le répertoire écrit à l’organisme (vérification annuelle, lien de mise à jour). Jamais publiée ni exportée.',
      max: 254,
      section: PRIVATE_CONTACT,
      openData: false,
    },
    contactSource: {
      type: 'text',
      label: 'Source du contact',
      help: 'D’où vient cette adresse, par exemple « site Web de l’organisme, mars 2026 » ou « appel avec la direction ».',
      max: 300,
      section: PRIVATE_CONTACT,
      openData: false,
    },
  },
  notFields: ENTRY_NOT_FIELDS,
  facts: ['website', 'email', 'phone', { label: 'Adresse', fields: ['streetAddress', 'municipality', 'postalCode'] }, 'regions', 'audiences', 'cost', 'formats', 'languages'],
  basket: {
    website: { whenUnknown: 'missing' },
    email: { whenUnknown: 'missing' },
    phone: { whenUnknown: 'missing' },
    streetAddress: { whenUnknown: 'omit' },
    municipality: { whenUnknown: 'omit' },
    postalCode: { whenUnknown: 'omit' },
    regions: { whenUnknown: 'missing', label: 'Régions' },
    formats: { whenUnknown: 'omit' },
    cost: { whenUnknown: 'omit' },
  },
  adminList: { search: ['name', 'alternateName', 'slug'], orderBy: ['name', 'id'], detail: 'kind' },
} as const satisfies EntityDef;

export const providerColumnsPlaced: EveryColumnPlaced<typeof providerEntry> = true;
