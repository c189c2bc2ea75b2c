// The funders' portrait computed from the published dataset. Pure (the caller passes the
// data and "now"), so that every figure is unit-tested on fixture data and checked against
// the database with independent SQL counts (tests/integration/portrait.test.ts).
import { Audience, CostOption, HelpKind, Region, type InferredField } from '@/lib/generated/prisma/enums';
import { audienceLabels, costLabels, helpKindLabels, regionLabels } from '@/lib/labels';
import { verificationStatus } from '@/lib/verification';
import type { Dataset, DatasetNeed, DatasetProvider, DatasetSolution } from '@/lib/export/types';
import type { Breakdown, CoverageRow, EntryType, Gaps, KeyFigures, Portrait, VerificationRow } from '@/lib/portrait/types';

export const UNSPECIFIED = 'UNSPECIFIED';
const UNSPECIFIED_LABEL = 'Non précisé';
// The order of the chart's fills: solid, hatched, empty.
const AVAILABILITY_ORDER = ['EXISTING', 'PROPOSED', 'UNCONFIRMED'] as const;
const AVAILABILITY_SERIES = ['Existent déjà', 'Idées, pas encore offertes', 'Existence à confirmer'];

type Verifiable = { verifiedAt: string | null; toVerify: boolean; verifyNote: string; slug: string };

const unique = <T,>(values: T[]): T[] => [...new Set(values)];

/**
 * The solutions that answer a need: those linked to it, and the sub-points of those that
 * have no need of their own (they answer their parent's, as the site shows them).
 */
export function solutionsOfNeed(need: DatasetNeed, dataset: Dataset): DatasetSolution[] {
  const bySlug = new Map(dataset.solutions.map((solution) => [solution.slug, solution]));
  const linked = need.solutionSlugs.map((slug) => bySlug.get(slug)).filter((s): s is DatasetSolution => s !== undefined);
  const linkedSlugs = new Set(linked.map((solution) => solution.slug));
  const inherited = dataset.solutions.filter(
    (solution) => solution.needSlugs.length === 0 && solution.parentSlug !== null && linkedSlugs.has(solution.parentSlug) && !linkedSlugs.has(solution.slug),
  );
  return [...linked, ...inherited];
}

function providersOf(solutions: DatasetSolution[], providers: Map<string, DatasetProvider>): DatasetProvider[] {
  return unique(solutions.flatMap((solution) => solution.providers.map((link) => link.providerSlug)))
    .map((slug) => providers.get(slug))
    .filter((provider): provider is DatasetProvider => provider !== undefined);
}

function coverageOf(dataset: Dataset): CoverageRow[] {
  const providers = new Map(dataset.providers.map((provider) => [provider.slug, provider]));
  const themes = new Map(dataset.themes.map((theme) => [theme.slug, theme.name]));
  const regionOrder = Object.values(Region);
  const costOrder = Object.values(CostOption);
  return dataset.needs.map((need) => {
    const solutions = solutionsOfNeed(need, dataset);
    const existing = solutions.filter((solution) => solution.availability === 'EXISTING');
    const existingProviders = providersOf(existing, providers);
    return {
      slug: need.slug,
      title: need.title,
      kind: need.kind,
      theme: need.themeSlug ? (themes.get(need.themeSlug) ?? null) : null,
      existing: existing.length,
      unconfirmed: solutions.filter((solution) => solution.availability === 'UNCONFIRMED').length,
      proposed: solutions.filter((solution) => solution.availability === 'PROPOSED').length,
      providers: providersOf(solutions, providers).length,
      regions: unique(existingProviders.flatMap((provider) => provider.regions)).sort((a, b) => regionOrder.indexOf(a) - regionOrder.indexOf(b)),
      costs: unique(existing.map((solution) => solution.cost).filter((cost) => cost !== 'UNKNOWN')).sort(
        (a, b) => costOrder.indexOf(a) - costOrder.indexOf(b),
      ),
    };
  });
}

function verificationOf(type: EntryType, entries: Verifiable[], now: Date): VerificationRow {
  const statuses = entries.map((entry) => verificationStatus(entry.verifiedAt, now));
  return {
    type,
    total: entries.length,
    current: statuses.filter((status) => status === 'current').length,
    // An unreadable or future date proves nothing: counted with the stale ones.
    stale: statuses.filter((status) => status === 'stale' || status === 'invalid').length,
    never: statuses.filter((status) => status === 'never').length,
    toVerify: entries.filter((entry) => entry.toVerify).length,
  };
}

function gapsOf(dataset: Dataset, coverage: CoverageRow[], now: Date): Gaps {
  const needs = new Map(dataset.needs.map((need) => [need.slug, need]));
  const parentNeeds = (solution: DatasetSolution): string[] =>
    solution.needSlugs.length > 0 ? solution.needSlugs : (dataset.solutions.find((s) => s.slug === solution.parentSlug)?.needSlugs ?? []);
  const entries = [
    ...dataset.needs.map((need) => ({ type: 'need' as const, title: need.title, entry: need })),
    ...dataset.solutions.map((solution) => ({ type: 'solution' as const, title: solution.title, entry: solution })),
    ...dataset.providers.map((provider) => ({ type: 'provider' as const, title: provider.name, entry: provider })),
  ];
  const solutionGaps = (availability: DatasetSolution['availability']) =>
    dataset.solutions
      .filter((solution) => solution.availability === availability)
      .map((solution) => ({
        slug: solution.slug,
        title: solution.title,
        needs: parentNeeds(solution)
          .map((slug) => needs.get(slug))
          .filter((need): need is DatasetNeed => need !== undefined)
          .map((need) => ({ slug: need.slug, title: need.title })),
      }));
  return {
    needsWithoutExisting: coverage
      .filter((row) => row.existing === 0)
      .map((row) => ({ slug: row.slug, title: row.title, kind: row.kind, unconfirmed: row.unconfirmed, proposed: row.proposed })),
    proposedOnly: solutionGaps('PROPOSED'),
    unconfirmed: solutionGaps('UNCONFIRMED'),
    toVerify: entries
      .filter(({ entry }) => entry.toVerify)
      .map(({ type, title, entry }) => ({ type, slug: entry.slug, title, note: entry.verifyNote })),
    stale: entries
      .filter(({ entry }) => {
        const status = verificationStatus(entry.verifiedAt, now);
        return status === 'stale' || status === 'invalid';
      })
      .map(({ type, title, entry }) => ({ type, slug: entry.slug, title, verifiedAt: entry.verifiedAt })),
    verification: [
      verificationOf('need', dataset.needs, now),
      verificationOf('solution', dataset.solutions, now),
      verificationOf('provider', dataset.providers, now),
    ],
  };
}

function figuresOf(dataset: Dataset, verification: VerificationRow[]): KeyFigures {
  const entries = verification.reduce((sum, row) => sum + row.total, 0);
  const verifiedRecently = verification.reduce((sum, row) => sum + row.current, 0);
  return {
    needs: dataset.needs.filter((need) => need.kind === 'NEED').length,
    issues: dataset.needs.filter((need) => need.kind === 'ISSUE').length,
    existingSolutions: dataset.solutions.filter((solution) => solution.availability === 'EXISTING').length,
    unconfirmedSolutions: dataset.solutions.filter((solution) => solution.availability === 'UNCONFIRMED').length,
    proposedSolutions: dataset.solutions.filter((solution) => solution.availability === 'PROPOSED').length,
    providers: dataset.providers.length,
    entries,
    verifiedRecently,
    verifiedShare: entries === 0 ? 0 : verifiedRecently / entries,
    toVerify: verification.reduce((sum, row) => sum + row.toVerify, 0),
    neverVerified: verification.reduce((sum, row) => sum + row.never, 0),
    stale: verification.reduce((sum, row) => sum + row.stale, 0),
  };
}

/** Existing, proposed and to-confirm solutions counted under each of `keysOf(solution)`. */
function solutionBreakdown(
  dataset: Dataset,
  keys: readonly string[],
  labelOf: (key: string) => string,
  keysOf: (solution: DatasetSolution) => string[],
): Breakdown['rows'] {
  return keys.map((key) => {
    const matching = dataset.solutions.filter((solution) => keysOf(solution).includes(key));
    return {
      key,
      label: labelOf(key),
      values: AVAILABILITY_ORDER.map((availability) => matching.filter((s) => s.availability === availability).length),
    };
  });
}

/** "Les types d'aide de 26 solutions sur 26 sont déduits par l'équipe…", or '' when none is. */
function inferredNote(dataset: Dataset, field: InferredField, subject: string, verb: string): string {
  const count = dataset.solutions.filter((solution) => solution.inferredFields.includes(field)).length;
  if (count === 0) return '';
  return `${subject} de ${count} solution${count > 1 ? 's' : ''} sur ${dataset.solutions.length} ${verb} par l’équipe du répertoire : l’inventaire ne le dit pas.`;
}

function breakdownsOf(dataset: Dataset): Portrait['breakdowns'] {
  const helpKindKeys = [...Object.values(HelpKind), UNSPECIFIED];
  const helpKinds: Breakdown = {
    id: 'types-aide',
    title: 'Solutions par type d’aide',
    unit: 'solutions',
    series: AVAILABILITY_SERIES,
    rows: solutionBreakdown(
      dataset,
      helpKindKeys,
      (key) => (key === UNSPECIFIED ? UNSPECIFIED_LABEL : helpKindLabels[key as HelpKind]),
      (solution) => (solution.kinds.length > 0 ? solution.kinds : [UNSPECIFIED]),
    ),
    note: [
      'Une solution peut offrir plusieurs types d’aide : elle compte dans chacun.',
      inferredNote(dataset, 'KINDS', 'Les types d’aide', 'sont déduits'),
    ]
      .filter(Boolean)
      .join(' '),
  };
  const costs: Breakdown = {
    id: 'couts',
    title: 'Solutions par coût',
    unit: 'solutions',
    series: AVAILABILITY_SERIES,
    rows: solutionBreakdown(dataset, Object.values(CostOption), (key) => costLabels[key as CostOption], (solution) => [solution.cost]),
    note: inferredNote(dataset, 'COST', 'Le coût', 'est déduit') || undefined,
  };

  // Regions and audiences are what providers say of themselves.
  const providerRows = (keys: string[], labelOf: (key: string) => string, keysOf: (provider: DatasetProvider) => string[]) =>
    keys.map((key) => ({ key, label: labelOf(key), values: [dataset.providers.filter((provider) => keysOf(provider).includes(key)).length] }));
  const adminRegions = Object.values(Region).filter((region) => region !== 'ALL_QUEBEC' && region !== 'ONLINE');
  const regions: Breakdown = {
    id: 'regions',
    title: 'Fournisseurs par région desservie',
    unit: 'fournisseurs',
    series: ['Fournisseurs'],
    rows: providerRows(
      [...adminRegions, 'ALL_QUEBEC', 'ONLINE', UNSPECIFIED],
      (key) => (key === UNSPECIFIED ? UNSPECIFIED_LABEL : regionLabels[key as Region]),
      (provider) => {
        if (provider.regions.length === 0) return [UNSPECIFIED];
        // A provider serving the whole province serves each region too.
        return provider.regions.includes('ALL_QUEBEC') ? [...provider.regions, ...adminRegions] : provider.regions;
      },
    ),
    note: 'Un fournisseur qui dessert tout le Québec compte aussi dans chaque région.',
  };
  const audiences: Breakdown = {
    id: 'publics',
    title: 'Fournisseurs par public visé',
    unit: 'fournisseurs',
    series: ['Fournisseurs'],
    rows: providerRows(
      [...Object.values(Audience), UNSPECIFIED],
      (key) => (key === UNSPECIFIED ? UNSPECIFIED_LABEL : audienceLabels[key as Audience]),
      (provider) => (provider.audiences.length > 0 ? provider.audiences : [UNSPECIFIED]),
    ),
  };
  return { helpKinds, costs, regions, audiences };
}

export function computePortrait(dataset: Dataset, now: Date): Portrait {
  const coverage = coverageOf(dataset);
  const gaps = gapsOf(dataset, coverage, now);
  return {
    computedAt: now.toISOString(),
    lastModified: dataset.lastModified,
    figures: figuresOf(dataset, gaps.verification),
    coverage,
    gaps,
    breakdowns: breakdownsOf(dataset),
  };
}
