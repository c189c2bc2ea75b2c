// A deterministic synthetic directory for `npm run bench`: themes, needs, solutions and
// providers with realistic French (Québec) wording, built from word lists of the domain by a
// seeded PRNG (never Math.random), so the same seed always gives byte-identical data.
// generateSyntheticDataset() is pure; insertSyntheticDataset() loads it with multi-row INSERTs.
import type pg from 'pg';

export type SyntheticSizes = { themes: number; needs: number; solutions: number; providers: number };

export const BENCH_SIZES: SyntheticSizes = { themes: 20, needs: 500, solutions: 5_000, providers: 10_000 };

type Status = 'PUBLISHED';
type Dates = { verifiedAt: string | null; toVerify: boolean; verifyNote: string; createdAt: string; updatedAt: string };

export type ThemeRow = { id: string; slug: string; name: string; description: string; position: number; status: Status; createdAt: string; updatedAt: string };
export type NeedRow = Dates & {
  id: string;
  slug: string;
  kind: 'NEED' | 'ISSUE';
  title: string;
  description: string;
  note: string;
  position: number;
  themeId: string;
  status: Status;
};
export type SolutionRow = Dates & {
  id: string;
  slug: string;
  title: string;
  description: string;
  availability: 'EXISTING' | 'PROPOSED';
  kinds: string[];
  cost: string;
  parentId: string | null;
  status: Status;
};
export type ProviderRow = Dates & {
  id: string;
  slug: string;
  name: string;
  alternateName: string;
  kind: 'ORGANIZATION' | 'PROGRAM';
  description: string;
  website: string;
  email: string;
  phone: string;
  regions: string[];
  audiences: string[];
  cost: string;
  formats: string[];
  languages: string[];
  status: Status;
};
export type NeedSolutionRow = { needId: string; solutionId: string; position: number };
export type SolutionProviderRow = { solutionId: string; providerId: string; role: 'OFFERS' | 'FUNDS' | 'PARTNERS' };
export type NeedLinkRow = { fromId: string; toId: string; note: string; createdAt: string };

export type SyntheticDataset = {
  seed: number;
  themes: ThemeRow[];
  needs: NeedRow[];
  solutions: SolutionRow[];
  providers: ProviderRow[];
  needSolutions: NeedSolutionRow[];
  solutionProviders: SolutionProviderRow[];
  needLinks: NeedLinkRow[];
  /** Entries the benchmark requests: typical ones, not the largest. */
  samples: { needSlug: string; providerSlug: string; solutionSlug: string };
};

/** mulberry32: tiny, fast, and good enough to pick words. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Lowercase ASCII words joined by hyphens, as lib/validation/slug.ts expects. */
export function toSlug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100)
    .replace(/-+$/g, '');
}

const THEMES = [
  'Cybersécurité',
  'Formation et littératie numérique',
  'Financement du numérique',
  'Matériel et infrastructure',
  'Données et vie privée',
  'Communications et présence Web',
  'Gouvernance et stratégie numérique',
  'Outils collaboratifs',
  'Gestion des bénévoles et des membres',
  'Accessibilité numérique',
  'Conformité à la Loi 25',
  'Logiciels libres',
  'Téléphonie et connectivité',
  'Intelligence artificielle',
  'Mutualisation des ressources',
  'Inclusion numérique des personnes',
  'Santé et bien-être au travail',
  'Évaluation et reddition de comptes',
  'Archives et documentation',
  'Services en ligne aux personnes',
];

const REGIONS = [
  ['BAS_SAINT_LAURENT', 'du Bas-Saint-Laurent', 'Rimouski'],
  ['SAGUENAY_LAC_SAINT_JEAN', 'du Saguenay–Lac-Saint-Jean', 'Saguenay'],
  ['CAPITALE_NATIONALE', 'de la Capitale-Nationale', 'Québec'],
  ['MAURICIE', 'de la Mauricie', 'Trois-Rivières'],
  ['ESTRIE', "de l'Estrie", 'Sherbrooke'],
  ['MONTREAL', 'de Montréal', 'Montréal'],
  ['OUTAOUAIS', "de l'Outaouais", 'Gatineau'],
  ['ABITIBI_TEMISCAMINGUE', "de l'Abitibi-Témiscamingue", 'Rouyn-Noranda'],
  ['COTE_NORD', 'de la Côte-Nord', 'Baie-Comeau'],
  ['NORD_DU_QUEBEC', 'du Nord-du-Québec', 'Chibougamau'],
  ['GASPESIE_ILES_DE_LA_MADELEINE', 'de la Gaspésie–Îles-de-la-Madeleine', 'Gaspé'],
  ['CHAUDIERE_APPALACHES', 'de Chaudière-Appalaches', 'Lévis'],
  ['LAVAL', 'de Laval', 'Laval'],
  ['LANAUDIERE', 'de Lanaudière', 'Joliette'],
  ['LAURENTIDES', 'des Laurentides', 'Saint-Jérôme'],
  ['MONTEREGIE', 'de la Montérégie', 'Longueuil'],
  ['CENTRE_DU_QUEBEC', 'du Centre-du-Québec', 'Drummondville'],
] as const;

const AUDIENCES = [
  'COMMUNITY_ORGANIZATIONS',
  'SOCIAL_ECONOMY',
  'NONPROFITS',
  'PRIVATE_SECTOR',
  'CULTURE',
  'YOUTH',
  'WOMEN',
  'SENIORS',
  'GENERAL_PUBLIC',
];
const HELP_KINDS = ['TRAINING', 'COACHING', 'AUDIT', 'FUNDING', 'HARDWARE', 'SOFTWARE', 'LEGAL', 'WELLBEING', 'AWARENESS', 'DIRECTORY', 'STRATEGY'];
const COSTS = ['FREE', 'FREE', 'LOW_COST', 'PAID', 'SUBSIDIZED', 'UNKNOWN'];
const FORMATS = ['ONLINE', 'IN_PERSON', 'HYBRID'];

const ORG_TYPES = [
  'Centre communautaire',
  'Coopérative de solidarité',
  'Corporation de développement communautaire',
  'Regroupement des organismes',
  'Réseau',
  'Table de concertation',
  'Carrefour',
  'Collectif',
  'Alliance',
  'Fondation',
  'Institut',
  'Laboratoire',
  'Maison des jeunes',
  'Centre de formation',
  'Atelier',
];
const ORG_DOMAINS = [
  'numérique',
  "en littératie numérique",
  'en informatique communautaire',
  'pour la sécurité informatique',
  'en technologies sociales',
  'pour l’inclusion numérique',
  'en économie sociale',
  'des bénévoles',
  'en communication citoyenne',
  'en données ouvertes',
  'en réemploi informatique',
  'pour l’accessibilité du Web',
  'en gouvernance participative',
  'en éducation populaire',
];
const PROGRAM_TYPES = ['Programme', 'Fonds', 'Initiative', 'Chantier', 'Parcours', 'Banque d’heures'];
const PROGRAM_TOPICS = [
  'de transformation numérique',
  "d'appui à la cybersécurité",
  'de renforcement des capacités numériques',
  "d'équipement informatique",
  'de formation continue',
  "d'accompagnement technologique",
  'de soutien à la Loi 25',
  'de mutualisation des outils',
];

const VERBS = [
  'Former',
  'Outiller',
  'Financer',
  'Sécuriser',
  'Accompagner',
  'Mutualiser',
  'Documenter',
  'Moderniser',
  'Évaluer',
  'Soutenir',
  'Planifier',
  'Simplifier',
];
const OBJECTS = [
  'les équipes de travail',
  'les bénévoles',
  'la gestion des dons',
  'les données des membres',
  'le site Web',
  'les outils collaboratifs',
  'la conformité à la Loi 25',
  'les communications numériques',
  'le parc informatique',
  'la téléphonie',
  'les sauvegardes',
  'les courriels et les mots de passe',
  'la tenue des dossiers',
  "l'infolettre",
  'les réunions à distance',
  'la comptabilité',
  'les réseaux sociaux',
  "l'inscription aux activités",
];
const COMPLEMENTS = [
  'en région éloignée',
  'à faible coût',
  'sans expertise interne',
  'dans les petits organismes',
  'avec des bénévoles',
  'malgré le roulement du personnel',
  'pour les personnes aînées',
  'en français',
  'dès maintenant',
  'à long terme',
];

const SOLUTION_FORMS = [
  'Atelier de formation sur',
  'Banque d’heures d’accompagnement pour',
  'Subvention pour',
  'Plateforme partagée pour',
  'Guide pratique sur',
  'Diagnostic gratuit de',
  'Communauté de pratique sur',
  'Prêt de matériel pour',
  'Clinique juridique sur',
  'Trousse d’outils pour',
  'Service de soutien technique pour',
  'Webinaire mensuel sur',
];
const SOLUTION_TOPICS = [
  'la cybersécurité',
  'la gestion des mots de passe',
  'les sauvegardes infonuagiques',
  'la protection des renseignements personnels',
  'les logiciels libres',
  "l'inscription en ligne",
  'le recrutement de bénévoles',
  'la gestion documentaire',
  'la vidéoconférence',
  'les sites Web accessibles',
  'la comptabilité en ligne',
  'le matériel reconditionné',
  "l'intelligence artificielle générative",
  'les bases de données de membres',
  'la collecte de fonds en ligne',
  'la téléphonie IP',
  'les réseaux sociaux',
  'la reddition de comptes',
];

const SENTENCES = [
  (s: Words) => `Les ${s.audience} ${s.region} manquent souvent de temps pour ${s.task}.`,
  (s: Words) => `Cette démarche aide à ${s.task} sans alourdir la charge des équipes.`,
  (s: Words) => `L'accompagnement se fait ${s.format}, au rythme de l'organisme, avec des outils simples.`,
  (s: Words) => `Plusieurs organismes communautaires ${s.region} ont nommé ce besoin lors de la consultation.`,
  (s: Words) => `On y apprend à ${s.task} et à partager ses bonnes pratiques avec d'autres organismes.`,
  (s: Words) => `Le coût reste un frein important pour les ${s.audience}, surtout hors des grands centres.`,
  (s: Words) => `Les ressources proposées tiennent compte de la réalité des ${s.audience} et du bénévolat.`,
  (s: Words) => `Un suivi est offert après la formation pour consolider les acquis et ${s.task}.`,
];
const AUDIENCE_WORDS = ['organismes communautaires', 'petites équipes', 'entreprises d’économie sociale', 'associations de quartier', 'groupes de femmes', 'maisons de jeunes', 'organismes en culture'];
const TASKS = [
  'protéger les données des personnes',
  'choisir des logiciels adaptés',
  'sauvegarder les documents importants',
  'former les nouveaux employés',
  'réduire les coûts informatiques',
  'rejoindre les membres en ligne',
  'se conformer à la Loi 25',
  'planifier le virage numérique',
  'mieux utiliser les outils collaboratifs',
];
const FORMAT_WORDS = ['en ligne', 'en présentiel', 'en mode hybride', 'dans vos locaux', 'par téléphone'];
// A few rare words, so that a "rare word" query finds a handful of entries.
const RARE_WORDS = ['géomatique', 'télétraitement', 'cartographie participative', 'archivistique', 'sténographie'];

type Words = { audience: string; region: string; task: string; format: string };

const BASE_TIME = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;

export function generateSyntheticDataset(sizes: SyntheticSizes = BENCH_SIZES, seed = 20_261_128): SyntheticDataset {
  const random = createRandom(seed);
  const int = (max: number): number => Math.floor(random() * max);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (probability: number): boolean => random() < probability;
  const some = <T>(items: readonly T[], min: number, max: number): T[] => {
    const count = min + int(max - min + 1);
    const chosen = new Set<T>();
    while (chosen.size < Math.min(count, items.length)) chosen.add(pick(items));
    return [...chosen];
  };
  const usedSlugs = new Set<string>();
  const uniqueSlug = (text: string): string => {
    const base = toSlug(text) || 'entree';
    let slug = base;
    for (let n = 2; usedSlugs.has(slug); n += 1) slug = `${base}-${n}`;
    usedSlugs.add(slug);
    return slug;
  };
  const words = (): Words => ({
    audience: pick(AUDIENCE_WORDS),
    region: pick(REGIONS)[1],
    task: pick(TASKS),
    format: pick(FORMAT_WORDS),
  });
  const paragraph = (min: number, max: number): string => {
    const count = min + int(max - min + 1);
    const text = Array.from({ length: count }, () => pick(SENTENCES)(words())).join(' ');
    return chance(0.01) ? `${text} Volet ${pick(RARE_WORDS)} inclus.` : text;
  };
  const dates = (): Dates => {
    const created = BASE_TIME - int(900) * DAY;
    const updated = created + int(200) * DAY;
    const toVerify = chance(0.05);
    return {
      verifiedAt: chance(0.6) ? new Date(updated).toISOString() : null,
      toVerify,
      verifyNote: toVerify ? 'Coordonnées à confirmer auprès de l’organisme.' : '',
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
    };
  };
  const id = (prefix: string, index: number): string => `syn${prefix}${String(index).padStart(6, '0')}`;

  const themes: ThemeRow[] = Array.from({ length: sizes.themes }, (_, index) => {
    const name = index < THEMES.length ? THEMES[index]! : `${THEMES[index % THEMES.length]} ${Math.floor(index / THEMES.length) + 1}`;
    return {
      id: id('t', index),
      slug: uniqueSlug(name),
      name,
      description: `Besoins et solutions liés au thème « ${name.toLowerCase()} ».`,
      position: index + 1,
      status: 'PUBLISHED',
      createdAt: new Date(BASE_TIME).toISOString(),
      updatedAt: new Date(BASE_TIME).toISOString(),
    };
  });

  const needTitles = new Set<string>();
  const needs: NeedRow[] = Array.from({ length: sizes.needs }, (_, index) => {
    let title = '';
    for (let attempt = 0; attempt < 20 && (!title || needTitles.has(title)); attempt += 1) {
      title = `${pick(VERBS)} ${pick(OBJECTS)} ${pick(COMPLEMENTS)}`;
    }
    if (needTitles.has(title)) title = `${title} (${index + 1})`;
    needTitles.add(title);
    return {
      id: id('n', index),
      slug: uniqueSlug(title),
      kind: chance(0.2) ? 'ISSUE' : 'NEED',
      title,
      description: paragraph(2, 4),
      note: chance(0.1) ? 'Besoin nommé par plusieurs tables régionales.' : '',
      position: index + 1,
      themeId: themes[index % Math.max(1, themes.length)]!.id,
      status: 'PUBLISHED',
      ...dates(),
    };
  });

  const solutions: SolutionRow[] = [];
  const needSolutions: NeedSolutionRow[] = [];
  const linkedNeeds: string[][] = [];
  for (let index = 0; index < sizes.solutions; index += 1) {
    const need = needs[index % needs.length]!;
    const topic = pick(SOLUTION_TOPICS);
    const title = `${pick(SOLUTION_FORMS)} ${topic}${chance(0.5) ? ` ${pick(REGIONS)[1]}` : ''}`;
    // About one in twenty details the solution just before it for the same need.
    const previous = index >= needs.length ? solutions[index - needs.length] : undefined;
    const parentId = previous && !previous.parentId && chance(0.05) ? previous.id : null;
    solutions.push({
      id: id('s', index),
      slug: uniqueSlug(title),
      title,
      description: paragraph(1, 3),
      availability: chance(0.7) ? 'EXISTING' : 'PROPOSED',
      kinds: some(HELP_KINDS, 1, 2),
      cost: pick(COSTS),
      parentId,
      status: 'PUBLISHED',
      ...dates(),
    });
    const needIds = [need.id];
    if (chance(0.2)) {
      const other = pick(needs);
      if (other.id !== need.id) needIds.push(other.id);
    }
    linkedNeeds.push(needIds);
    for (const needId of needIds) {
      needSolutions.push({ needId, solutionId: id('s', index), position: Math.floor(index / needs.length) });
    }
  }

  const providers: ProviderRow[] = Array.from({ length: sizes.providers }, (_, index) => {
    const [region, regionWords, city] = pick(REGIONS);
    const isProgram = chance(0.15);
    const name = isProgram
      ? `${pick(PROGRAM_TYPES)} ${pick(PROGRAM_TOPICS)} ${regionWords}`
      : `${pick(ORG_TYPES)} ${pick(ORG_DOMAINS)} ${chance(0.5) ? regionWords : `de ${city}`}`;
    const slug = uniqueSlug(name);
    const acronym = name
      .split(/[\s’']+/)
      .filter((word) => /^\p{Lu}/u.test(word) || word.length > 3)
      .map((word) => word[0]!.toUpperCase())
      .join('')
      .slice(0, 6);
    const regions = chance(0.1) ? ['ALL_QUEBEC'] : chance(0.1) ? ['ONLINE', region] : chance(0.3) ? [region, pick(REGIONS)[0]] : [region];
    return {
      id: id('p', index),
      slug,
      name,
      alternateName: chance(0.3) ? acronym : '',
      kind: isProgram ? 'PROGRAM' : 'ORGANIZATION',
      description: paragraph(1, 3),
      website: `https://${slug.slice(0, 40)}.exemple.ca`,
      email: chance(0.7) ? `info@${slug.slice(0, 30)}.exemple.ca` : '',
      phone: chance(0.6) ? `${pick(['418', '438', '450', '514', '819'])}-555-${String(1000 + int(9000))}` : '',
      regions: [...new Set(regions)],
      audiences: some(AUDIENCES, 1, 3),
      cost: pick(COSTS),
      formats: chance(0.1) ? [] : some(FORMATS, 1, 2),
      languages: chance(0.25) ? ['fr', 'en'] : ['fr'],
      status: 'PUBLISHED',
      ...dates(),
    };
  });

  // Every provider backs at least one solution; a few big ones back many (skewed draw).
  const solutionProviders: SolutionProviderRow[] = [];
  const seenLinks = new Set<string>();
  const addLink = (solutionIndex: number, providerIndex: number, role: SolutionProviderRow['role']): void => {
    const key = `${solutionIndex}:${providerIndex}:${role}`;
    if (seenLinks.has(key) || solutions.length === 0) return;
    seenLinks.add(key);
    solutionProviders.push({ solutionId: solutions[solutionIndex]!.id, providerId: providers[providerIndex]!.id, role });
  };
  for (let index = 0; index < providers.length; index += 1) addLink(index % Math.max(1, solutions.length), index, 'OFFERS');
  for (let index = 0; index < solutions.length; index += 1) {
    const extra = int(3);
    for (let n = 0; n < extra; n += 1) {
      addLink(index, Math.floor(providers.length * random() ** 3), chance(0.7) ? 'OFFERS' : chance(0.5) ? 'FUNDS' : 'PARTNERS');
    }
  }

  const needLinks: NeedLinkRow[] = [];
  const seenNeedLinks = new Set<string>();
  for (let index = 0; index < Math.floor(needs.length / 5); index += 1) {
    const from = pick(needs);
    const to = pick(needs);
    const key = `${from.id}:${to.id}`;
    if (from.id === to.id || seenNeedLinks.has(key) || seenNeedLinks.has(`${to.id}:${from.id}`)) continue;
    seenNeedLinks.add(key);
    needLinks.push({ fromId: from.id, toId: to.id, note: chance(0.5) ? 'Voir aussi ce besoin voisin.' : '', createdAt: new Date(BASE_TIME).toISOString() });
  }

  // Typical entries: the second need, and a provider of middling size (not one of the giants).
  const sampleProvider = providers[Math.min(providers.length - 1, Math.floor(providers.length / 2))];
  return {
    seed,
    themes,
    needs,
    solutions,
    providers,
    needSolutions,
    solutionProviders,
    needLinks,
    samples: {
      needSlug: needs[Math.min(1, needs.length - 1)]?.slug ?? '',
      providerSlug: sampleProvider?.slug ?? '',
      solutionSlug: solutions[0]?.slug ?? '',
    },
  };
}

// Columns written for each table; everything else takes its default.
const COLUMNS = {
  Theme: ['id', 'slug', 'name', 'description', 'position', 'status', 'createdAt', 'updatedAt'],
  Need: ['id', 'slug', 'kind', 'title', 'description', 'note', 'position', 'themeId', 'status', 'verifiedAt', 'toVerify', 'verifyNote', 'createdAt', 'updatedAt'],
  Solution: ['id', 'slug', 'title', 'description', 'availability', 'kinds', 'cost', 'parentId', 'status', 'verifiedAt', 'toVerify', 'verifyNote', 'createdAt', 'updatedAt'],
  Provider: [
    'id', 'slug', 'name', 'alternateName', 'kind', 'description', 'website', 'email', 'phone', 'regions', 'audiences', 'cost', 'formats',
    'languages', 'status', 'verifiedAt', 'toVerify', 'verifyNote', 'createdAt', 'updatedAt',
  ],
  NeedSolution: ['needId', 'solutionId', 'position'],
  SolutionProvider: ['solutionId', 'providerId', 'role'],
  NeedLink: ['fromId', 'toId', 'note', 'createdAt'],
} as const;

const BATCH_SIZE = 2_000;

/**
 * Loads the dataset into an empty migrated database. Rows go in as JSON batches
 * (json_populate_recordset: one bind parameter per batch) with triggers off, then the search
 * documents are computed once per row by the migration's own triggers.
 * Needs a superuser connection (session_replication_role), as the embedded server gives.
 */
export async function insertSyntheticDataset(client: pg.Client, dataset: SyntheticDataset): Promise<void> {
  const tables: [keyof typeof COLUMNS, object[]][] = [
    ['Theme', dataset.themes],
    ['Need', dataset.needs],
    ['Solution', dataset.solutions],
    ['Provider', dataset.providers],
    ['NeedSolution', dataset.needSolutions],
    ['SolutionProvider', dataset.solutionProviders],
    ['NeedLink', dataset.needLinks],
  ];
  await client.query('BEGIN');
  try {
    // Without it every link insert would recompute two search documents.
    await client.query("SET LOCAL session_replication_role = 'replica'");
    for (const [table, rows] of tables) {
      const columns = COLUMNS[table].map((column) => client.escapeIdentifier(column)).join(', ');
      const tableName = client.escapeIdentifier(table);
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        await client.query(
          `INSERT INTO ${tableName} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${tableName}, $1::json)`,
          [JSON.stringify(rows.slice(start, start + BATCH_SIZE))],
        );
      }
    }
    await client.query("SET LOCAL session_replication_role = 'origin'");
    // Fresh statistics, or the documents' subqueries are planned for empty tables.
    await client.query('ANALYZE');
    // The BEFORE UPDATE triggers compute each document; the cascades only watch names and statuses.
    for (const table of ['Need', 'Solution', 'Provider']) {
      await client.query(`UPDATE ${client.escapeIdentifier(table)} SET "searchVector" = NULL`);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  await client.query('ANALYZE');
}
