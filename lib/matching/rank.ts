// Ranking of the guided match (/trouver). Pure functions: the same answers always give
// the same list, and every point of score comes with a reason a person can read.
import { audienceLabels, costLabels, formatLabels, helpKindLabels, regionLabels, withInferredMark } from '@/lib/labels';
import type { CostOption } from '@/lib/generated/prisma/enums';
import type { MatchAnswers, MatchCandidate, RankedProvider, RankedSolution } from '@/lib/matching/types';

const WEIGHTS = {
  need: 5,
  kind: 2,
  kindMiss: -1,
  existing: 2,
  budgetFit: 2,
  budgetStretch: -1,
  budgetMiss: -3,
  placeFit: 1,
  placeMiss: -2,
  audience: 1,
} as const;

/** The solution's own cost when known, otherwise the cheapest known among its providers. */
function effectiveCost(candidate: MatchCandidate): CostOption {
  if (candidate.cost !== 'UNKNOWN') return candidate.cost;
  const order: CostOption[] = ['FREE', 'SUBSIDIZED', 'LOW_COST', 'PAID'];
  const known = new Set<CostOption>(candidate.providers.map((provider) => provider.cost));
  return order.find((cost) => known.has(cost)) ?? 'UNKNOWN';
}

function scoreOne(candidate: MatchCandidate, answers: MatchAnswers): RankedSolution | null {
  const reasons: string[] = [];
  const caveats: string[] = [];
  let score = 0;

  if (answers.themes.length > 0) {
    const matching = candidate.needs.filter((need) => need.themeSlug && answers.themes.includes(need.themeSlug));
    if (matching.length === 0) return null;
    score += WEIGHTS.need;
    reasons.push(`Répond à : ${matching.map((need) => need.title).join(' ; ')}`);
  }

  if (answers.kinds.length > 0) {
    const kinds = candidate.kinds.filter((kind) => answers.kinds.includes(kind));
    if (kinds.length > 0) {
      score += WEIGHTS.kind;
      const names = kinds.map((kind) => helpKindLabels[kind].toLowerCase()).join(', ');
      reasons.push(`Type d’aide recherché : ${withInferredMark(names, candidate.inferredFields.includes('KINDS'), kinds.length > 1)}`);
    } else {
      score += WEIGHTS.kindMiss;
    }
  }

  if (candidate.availability === 'EXISTING') {
    score += WEIGHTS.existing;
    reasons.push('Existe déjà');
  } else if (candidate.availability === 'UNCONFIRMED') {
    caveats.push('Existence à confirmer : l’inventaire dit seulement qu’elle existe peut-être');
  } else {
    caveats.push('Idée, pas encore offerte : personne ne l’offre encore');
  }

  const cost = effectiveCost(candidate);
  if (answers.budget && answers.budget !== 'any') {
    const fits = cost === 'FREE' || cost === 'SUBSIDIZED' || (answers.budget === 'small' && cost === 'LOW_COST');
    if (fits) {
      score += WEIGHTS.budgetFit;
      reasons.push(`Coût : ${withInferredMark(costLabels[cost].toLowerCase(), cost === candidate.cost && candidate.inferredFields.includes('COST'))}`);
    } else if (cost === 'UNKNOWN') {
      caveats.push('Coût : Non précisé');
    } else if (cost === 'LOW_COST') {
      score += WEIGHTS.budgetStretch;
      caveats.push('Faible coût, mais pas gratuit');
    } else {
      score += WEIGHTS.budgetMiss;
      caveats.push('Payant');
    }
    if (answers.budget === 'none' && candidate.kinds.includes('FUNDING')) {
      score += WEIGHTS.budgetFit;
      reasons.push('Aide à trouver du financement');
    }
  }

  const providers = candidate.providers;
  if (answers.region) {
    const region = answers.region;
    const known = providers.filter((provider) => provider.regions.length > 0);
    const serving = known.filter((provider) => provider.regions.some((r) => r === region || r === 'ALL_QUEBEC' || r === 'ONLINE'));
    if (serving.length > 0) {
      score += WEIGHTS.placeFit;
      reasons.push(`Offert pour : ${regionLabels[region]}`);
    } else if (known.length > 0 && known.length === providers.length) {
      score += WEIGHTS.placeMiss;
      caveats.push(`Pas offert en ${regionLabels[region]} selon le répertoire`);
    } else {
      caveats.push('Régions desservies : Non précisé');
    }
  }

  if (answers.format) {
    const format = answers.format;
    const known = providers.filter((provider) => provider.formats.length > 0);
    if (known.some((provider) => provider.formats.includes(format) || provider.formats.includes('HYBRID'))) {
      score += WEIGHTS.placeFit;
      reasons.push(`Format : ${formatLabels[format].toLowerCase()}`);
    } else if (known.length === 0) {
      caveats.push('Format : Non précisé');
    }
  }

  if (answers.audience) {
    const audience = answers.audience;
    if (providers.some((provider) => provider.audiences.includes(audience))) {
      score += WEIGHTS.audience;
      reasons.push(`Pensé pour : ${audienceLabels[audience].toLowerCase()}`);
    }
  }

  return { solution: candidate, score, reasons, caveats };
}

/** Candidates that answer the chosen themes, best first; ties keep existing ones first, then A–Z. */
export function rankSolutions(candidates: MatchCandidate[], answers: MatchAnswers): RankedSolution[] {
  return candidates
    .map((candidate) => scoreOne(candidate, answers))
    .filter((ranked): ranked is RankedSolution => ranked !== null)
    .sort(
      (a, b) =>
        b.score - a.score ||
        Number(b.solution.availability === 'EXISTING') - Number(a.solution.availability === 'EXISTING') ||
        a.solution.title.localeCompare(b.solution.title, 'fr-CA'),
    );
}

/** Providers of the ranked solutions: a provider ranks by its best solution, then by how many it carries. */
export function rankProviders(ranked: RankedSolution[]): RankedProvider[] {
  const byProvider = new Map<string, { name: string; best: number; titles: string[] }>();
  for (const { solution, score } of ranked) {
    for (const provider of solution.providers) {
      const entry = byProvider.get(provider.slug) ?? { name: provider.name, best: Number.NEGATIVE_INFINITY, titles: [] };
      entry.best = Math.max(entry.best, score);
      if (!entry.titles.includes(solution.title)) entry.titles.push(solution.title);
      byProvider.set(provider.slug, entry);
    }
  }
  return [...byProvider.entries()]
    .map(([slug, entry]) => ({
      slug,
      name: entry.name,
      score: entry.best + (entry.titles.length - 1) * 0.5,
      // One label for the provider's solutions, not one per solution.
      reasons: [`${entry.titles.length > 1 ? 'Solutions' : 'Solution'} : ${entry.titles.join(' ; ')}`],
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'fr-CA'));
}
