// The interface's vocabulary (docs/vocabulaire.md explains it for writers): one word per
// concept, the words it replaces, the one phrase for missing information, and the acronyms
// with their expansion. The single source of truth for `npm run copy:check` and the copy test
// (tests/e2e/copy-vocabulary.spec.ts); pages may import the constants too.
// Patterns are matched against visible text whose apostrophes are straight (') and spaces
// plain; a word boundary is "not a letter or digit" on each side, accents included.

/**
 * The one marker of the inventory's own words: a `<blockquote>` (a paragraph) or a `<q>` (a few
 * words in a sentence) carrying this attribute. Everything inside is the source's wording and is
 * set apart from the interface's text; the attribution goes outside (a `<figcaption>`).
 */
export const SOURCE_QUOTE_ATTRIBUTE = 'data-source';
export const SOURCE_QUOTE_VALUE = 'inventaire';

/** The one phrase for a fact the directory does not know. Invariable: a value, never inside a sentence. */
export const MISSING_INFORMATION = 'Non précisé';

/** How the status of a solution is said: short form (badge, filter) and the sentence that explains it. */
export const AVAILABILITY_WORDING = {
  EXISTING: { short: 'Existe déjà', plural: 'Existent déjà', sentence: 'Cette solution existe déjà : on peut y avoir recours aujourd’hui.' },
  PROPOSED: { short: 'Idée, pas encore offerte', plural: 'Idées, pas encore offertes', sentence: 'C’est une idée du milieu : personne ne l’offre encore.' },
  UNCONFIRMED: {
    short: 'Existence à confirmer',
    plural: 'Existence à confirmer',
    sentence: 'L’inventaire dit seulement que cette solution existe peut-être : vérifiez avant de compter dessus.',
  },
} as const;

/** "Le rôle de Dataide : finance cette solution" — the provider named, then what it does. */
export const ROLE_WORDING = {
  OFFERS: 'offre cette solution',
  FUNDS: 'finance cette solution',
  PARTNERS: 'est partenaire de cette solution',
  CITED: 'est cité en exemple par l’inventaire',
  APPROACHED: 'a été approché par des organismes',
} as const;

export type BannedWord = {
  /** What the reports and the allow-list call it. */
  word: string;
  pattern: RegExp;
  /** Occurrences inside a match of this pattern are not the banned sense (e.g. « ressources humaines »). */
  unless?: RegExp;
  /** What to write instead. */
  use: string;
};

export type Concept = {
  id: string;
  /** The word the interface uses. */
  term: string;
  plural: string;
  definition: string;
  banned: BannedWord[];
};

const L = '\\p{L}\\p{N}';
/** A whole word or phrase, case-insensitive, accents significant. */
function words(source: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![${L}])(?:${source})(?![${L}])`, flags);
}
/** A label followed by a colon ("Qui :"), capitalised as a label is. */
function label(source: string): RegExp {
  return new RegExp(`(?<![${L}])${source}\\s*:`, 'gu');
}

export const CONCEPTS: Concept[] = [
  {
    id: 'besoin',
    term: 'besoin',
    plural: 'besoins',
    definition:
      'Ce qui manque à un organisme communautaire pour le numérique, selon l’inventaire de la Table (ex. : former le personnel). Mot général pour toutes les lignes de l’inventaire.',
    banned: [],
  },
  {
    id: 'enjeu',
    term: 'enjeu',
    plural: 'enjeux',
    definition:
      'Une difficulté que vit le milieu (ex. : le manque de temps). L’inventaire distingue besoins et enjeux ; on dit « besoins et enjeux » quand on parle des deux.',
    banned: [],
  },
  {
    id: 'solution',
    term: 'solution',
    plural: 'solutions',
    definition:
      'Ce qui répond à un besoin : un service, un programme, une formation, un outil. Elle existe déjà, elle est une idée pas encore offerte, ou son existence est à confirmer.',
    banned: [
      { word: 'proposée', pattern: words('proposée|proposées'), use: '« Idée, pas encore offerte » (le statut), « idée du milieu »' },
      { word: 'sous-point', pattern: words('sous-points?'), use: '« précision » (une solution qui en détaille une autre)' },
    ],
  },
  {
    id: 'fournisseur',
    term: 'fournisseur',
    plural: 'fournisseurs',
    definition:
      'Un organisme ou un programme nommé pour une solution : il l’offre, la finance, y participe, est cité en exemple ou a été approché. C’est le mot de l’inventaire (« fournisseurs de services »).',
    banned: [
      {
        word: 'organismes et programmes',
        pattern: words('organismes? (?:et|ou) (?:des )?programmes?'),
        use: '« fournisseurs » (« organisme » et « programme » restent les deux sortes de fournisseurs)',
      },
      { word: 'Qui :', pattern: label('Qui'), use: '« Fournisseurs : »' },
      { word: 'Porte :', pattern: label('Porte'), use: '« Répond au besoin : »' },
      { word: 'Rôle :', pattern: label('Rôle'), use: '« Le rôle de … : finance cette solution »' },
    ],
  },
  {
    id: 'fiche',
    term: 'fiche',
    plural: 'fiches',
    definition: 'La page d’un besoin, d’une solution ou d’un fournisseur dans le répertoire, et ce qu’elle contient.',
    banned: [
      {
        word: 'ressource',
        pattern: words('ressources?'),
        // The inventory's need « Ressources humaines et financières » is not an entry.
        unless: words('ressources? (?:humaines|financières)'),
        use: '« fiche » ; pour ce qu’on suggère : « une solution ou un fournisseur »',
      },
      { word: 'élément', pattern: words('éléments?'), use: '« fiche »' },
    ],
  },
  {
    id: 'non-precise',
    term: MISSING_INFORMATION,
    plural: MISSING_INFORMATION,
    definition: 'Le répertoire ne connaît pas cette information (l’inventaire ne la donne pas).',
    banned: [
      { word: 'À préciser', pattern: words('à préciser'), use: `« ${MISSING_INFORMATION} »` },
      { word: 'À compléter', pattern: words('à compléter'), use: `« ${MISSING_INFORMATION} », ou le statut « À vérifier »` },
      {
        word: 'à confirmer',
        pattern: words('à confirmer'),
        // The status of a solution: « Existence à confirmer », « dont l'existence est à confirmer ».
        unless: words('existence (?:est |reste )?«? ?à confirmer'),
        use: `« ${MISSING_INFORMATION} » ; « à confirmer » sert seulement au statut « Existence à confirmer »`,
      },
    ],
  },
];

export const BANNED_WORDS: BannedWord[] = CONCEPTS.flatMap((concept) => concept.banned);

export type Acronym = {
  /** As written on the pages. */
  short: string;
  /** Plain words, used as the `<abbr title>` and in « sigle (développement) ». */
  expansion: string;
  /** Set when the expansion is the team's reading rather than the inventory's words. */
  teamReading?: string;
  /** How to find it when it is not a plain capitalised word (« Loi 25 »). */
  pattern?: RegExp;
};

export const ACRONYMS: Acronym[] = [
  { short: 'ÉSAC', expansion: 'économie sociale et action communautaire', teamReading: 'L’inventaire ne développe pas le sigle ; il parle ailleurs de « l’économie sociale et l’action communautaire ».' },
  { short: 'CA', expansion: 'conseil d’administration' },
  { short: 'AEC', expansion: 'attestation d’études collégiales' },
  { short: 'TI', expansion: 'technologies de l’information' },
  { short: 'TIC', expansion: 'technologies de l’information et de la communication' },
  { short: 'OBNL', expansion: 'organisme à but non lucratif' },
  { short: 'OSBL', expansion: 'organisme sans but lucratif' },
  { short: 'PSOC', expansion: 'Programme de soutien aux organismes communautaires', teamReading: 'L’inventaire donne seulement le sigle ; le nom complet est un ajout de l’équipe, à confirmer.' },
  { short: 'Loi 25', expansion: 'loi du Québec sur la protection des renseignements personnels', pattern: words('loi 25') },
  {
    short: 'Loi 27',
    expansion: 'projet de loi fédéral C-27 sur la protection des renseignements personnels',
    teamReading: 'L’inventaire écrit seulement « la Loi 27 » : lecture de l’équipe, à faire confirmer par la Table.',
    pattern: words('loi 27'),
  },
  { short: 'OPEQ', expansion: 'Ordinateurs pour les écoles du Québec' },
  { short: 'IP', expansion: 'numéro qui identifie un appareil sur Internet' },
  { short: 'PDF', expansion: 'document prêt à imprimer' },
  { short: 'HSDS', expansion: 'format de données Open Referral pour décrire des services' }, // Human Services Data Specification
  { short: 'API', expansion: 'interface de programmation : un accès aux données pour les programmes' },
  { short: 'CSV', expansion: 'fichier de tableau, pour Excel ou un autre tableur' },
  { short: 'JSON', expansion: 'fichier de données pour les programmes' },
  { short: 'URL', expansion: 'adresse Web' },
  { short: 'UTF-8', expansion: 'codage des caractères qui garde les accents', pattern: words('UTF-8', 'gu') },
  { short: 'ISO 8601', expansion: 'format de date normalisé, année-mois-jour', pattern: words('ISO 8601', 'gu') },
  { short: 'UTC', expansion: 'temps universel coordonné, l’heure de Greenwich' },
  { short: 'CORS', expansion: 'autorisation donnée aux autres sites Web de lire ces données' },
  { short: 'RFC', expansion: 'norme publiée pour Internet' },
  { short: 'CC BY', expansion: 'licence Creative Commons Attribution : réutilisation libre en citant la source', pattern: words('CC BY', 'gu') },
];

/**
 * Capitalised words that are not acronyms to spell out: names written that way, placeholders.
 * Each with the reason; anything else in capitals is reported until it is listed above or here.
 */
export const NOT_ACRONYMS: Record<string, string> = {
  UI: 'dans le nom d’un logiciel, « Swagger UI »',
  NTEN: 'nom d’un fournisseur, que l’inventaire écrit en capitales sans le développer',
  LÉO: 'dans le nom d’un fournisseur, « ligne d’écoute LÉO », que l’inventaire écrit en capitales sans le développer',
};

/** A run of capitals (2 or more, digits allowed after the first letter) that reads as an acronym. */
export const ACRONYM_CANDIDATE = new RegExp(`(?<![${L}])\\p{Lu}[\\p{Lu}\\d]*\\p{Lu}(?:-\\d+)?(?![${L}])`, 'gu');
