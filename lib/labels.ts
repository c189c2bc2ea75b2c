// French (Québec) wording of the model's enums, shared by every page.
import type {
  Audience,
  Availability,
  CostOption,
  HelpKind,
  NeedKind,
  ProviderKind,
  ProviderRole,
  Region,
  ServiceFormat,
} from '@/lib/generated/prisma/enums';

export const needKindLabels: Record<NeedKind, string> = {
  NEED: 'Besoin',
  ISSUE: 'Enjeu',
};

export const availabilityLabels: Record<Availability, string> = {
  EXISTING: 'Existe déjà',
  PROPOSED: 'Proposée',
};

export const helpKindLabels: Record<HelpKind, string> = {
  TRAINING: 'Formation',
  COACHING: 'Accompagnement',
  AUDIT: 'Audit ou diagnostic',
  FUNDING: 'Financement',
  HARDWARE: 'Matériel',
  SOFTWARE: 'Logiciel',
  LEGAL: 'Juridique',
  WELLBEING: 'Soutien et bien-être',
  AWARENESS: 'Sensibilisation',
  DIRECTORY: 'Répertoire',
  STRATEGY: 'Stratégie et gouvernance',
};

export const providerKindLabels: Record<ProviderKind, string> = {
  ORGANIZATION: 'Organisme',
  PROGRAM: 'Programme',
};

export const providerRoleLabels: Record<ProviderRole, string> = {
  OFFERS: 'offre',
  FUNDS: 'finance',
  PARTNERS: 'partenaire',
};

export const costLabels: Record<CostOption, string> = {
  FREE: 'Gratuit',
  LOW_COST: 'Faible coût',
  PAID: 'Payant',
  SUBSIDIZED: 'Subventionné',
  UNKNOWN: 'À préciser',
};

export const formatLabels: Record<ServiceFormat, string> = {
  ONLINE: 'En ligne',
  IN_PERSON: 'En présentiel',
  HYBRID: 'Hybride',
};

export const regionLabels: Record<Region, string> = {
  BAS_SAINT_LAURENT: 'Bas-Saint-Laurent',
  SAGUENAY_LAC_SAINT_JEAN: 'Saguenay–Lac-Saint-Jean',
  CAPITALE_NATIONALE: 'Capitale-Nationale',
  MAURICIE: 'Mauricie',
  ESTRIE: 'Estrie',
  MONTREAL: 'Montréal',
  OUTAOUAIS: 'Outaouais',
  ABITIBI_TEMISCAMINGUE: 'Abitibi-Témiscamingue',
  COTE_NORD: 'Côte-Nord',
  NORD_DU_QUEBEC: 'Nord-du-Québec',
  GASPESIE_ILES_DE_LA_MADELEINE: 'Gaspésie–Îles-de-la-Madeleine',
  CHAUDIERE_APPALACHES: 'Chaudière-Appalaches',
  LAVAL: 'Laval',
  LANAUDIERE: 'Lanaudière',
  LAURENTIDES: 'Laurentides',
  MONTEREGIE: 'Montérégie',
  CENTRE_DU_QUEBEC: 'Centre-du-Québec',
  ALL_QUEBEC: 'Tout le Québec',
  ONLINE: 'En ligne',
};

export const audienceLabels: Record<Audience, string> = {
  COMMUNITY_ORGANIZATIONS: 'Organismes communautaires',
  SOCIAL_ECONOMY: "Entreprises d'économie sociale",
  NONPROFITS: 'Organismes sans but lucratif',
  PRIVATE_SECTOR: 'Entreprises privées',
  CULTURE: 'Milieu culturel',
  YOUTH: 'Jeunes',
  WOMEN: 'Femmes',
  SENIORS: 'Personnes aînées',
  GENERAL_PUBLIC: 'Grand public',
};

const languageNames = new Intl.DisplayNames(['fr-CA'], { type: 'language' });

/** "fr" -> "français"; unknown codes are shown as they are. */
export function languageLabel(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
