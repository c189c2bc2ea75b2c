// French (Québec) wording of the model's enums, shared by every page.
import type {
  Audience,
  Availability,
  CostOption,
  EntryStatus,
  HelpKind,
  InferredField,
  NeedKind,
  ProviderKind,
  ProviderRole,
  Region,
  ServiceFormat,
  Verifier,
} from '@/lib/generated/prisma/enums';
import { ROLE_WORDING } from '@/lib/copy/vocabulary';

export const statusLabels: Record<EntryStatus, string> = {
  DRAFT: 'Brouillon',
  PUBLISHED: 'Publié',
  ARCHIVED: 'Archivé',
};

export const needKindLabels: Record<NeedKind, string> = {
  NEED: 'Besoin',
  ISSUE: 'Enjeu',
};

export const availabilityLabels: Record<Availability, string> = {
  EXISTING: 'Existe déjà',
  PROPOSED: 'Idée, pas encore offerte',
  UNCONFIRMED: 'Existence à confirmer',
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

/** Who verified a provider last (« Vérifiée le … par l'organisme »). */
export const verifierLabels: Record<Verifier, string> = {
  NONE: 'Non précisé',
  ORGANIZATION: 'l’organisme',
  MEMBER: 'la Table',
};

export const providerRoleLabels: Record<ProviderRole, string> = {
  OFFERS: 'offre',
  FUNDS: 'finance',
  PARTNERS: 'partenaire',
  CITED: 'cité en exemple',
  APPROACHED: 'approché par des organismes',
};

/** Who offers a solution comes first, then who funds it, partners, and mere mentions. */
export const providerRoleOrder: Record<ProviderRole, number> = { OFFERS: 0, FUNDS: 1, PARTNERS: 2, CITED: 3, APPROACHED: 4 };

/** Said next to a value that the directory's team inferred (the source does not state it). */
export const INFERRED_MARK = 'déduit par l’équipe';
export const INFERRED_MARK_PLURAL = 'déduits par l’équipe';

/** What the marks mean, said once on a page that shows them. */
export const INFERRED_EXPLANATION =
  '« Déduit par l’équipe » : l’inventaire de la Table ne le dit pas. L’équipe du site l’a tiré de ses mots.';
export const BRACKETS_EXPLANATION = 'Entre crochets dans les mots de l’inventaire : un ajout de l’équipe du site.';

export const inferredFieldLabels: Record<InferredField, string> = {
  KINDS: 'Types d’aide',
  COST: 'Coût',
};

/** "Formation, Accompagnement (déduits par l'équipe)": a value as text, marked when inferred. */
export function withInferredMark(text: string, isInferred: boolean, plural = false): string {
  return isInferred ? `${text} (${plural ? INFERRED_MARK_PLURAL : INFERRED_MARK})` : text;
}

/** "finance", or "finance, déduit par l'équipe" when the team inferred that role. */
export function roleLabel(role: ProviderRole, isInferred: boolean): string {
  return isInferred ? `${providerRoleLabels[role]}, ${INFERRED_MARK}` : providerRoleLabels[role];
}

/** What a provider does for one solution, said in full after its name: "finance cette solution, déduit par l’équipe". */
export function rolesSentence(roles: readonly ProviderRole[], inferredRoles: readonly ProviderRole[]): string {
  return roles.map((role) => (inferredRoles.includes(role) ? `${ROLE_WORDING[role]}, ${INFERRED_MARK}` : ROLE_WORDING[role])).join(' ; ');
}

/** A provider's roles on one solution, each inferred one marked ("offre ; finance, déduit par l'équipe"). */
export function rolesLabel(roles: readonly ProviderRole[], inferredRoles: readonly ProviderRole[]): string {
  return roles.map((role) => roleLabel(role, inferredRoles.includes(role))).join(inferredRoles.length > 0 ? ' ; ' : ', ');
}

export const costLabels: Record<CostOption, string> = {
  FREE: 'Gratuit',
  LOW_COST: 'Faible coût',
  PAID: 'Payant',
  SUBSIDIZED: 'Subventionné',
  UNKNOWN: 'Non précisé',
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
  SOCIAL_ECONOMY: 'Entreprises d’économie sociale',
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
