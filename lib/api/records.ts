// The published dataset as the records of the API and of the JSON download (lib/api/schemas.ts):
// snake_case names, codes for enums, links between entries by slug, absolute page URLs.
import { needEntry } from '@/lib/entries/need';
import { openValues, recordFields } from '@/lib/entries/open-data';
import { providerEntry } from '@/lib/entries/provider';
import { solutionEntry } from '@/lib/entries/solution';
import { themeEntry } from '@/lib/entries/theme';
import type { Dataset, DatasetNeed, DatasetSolution } from '@/lib/export/types';
import type { ProviderRole } from '@/lib/generated/prisma/enums';
import { providerRoleOrder } from '@/lib/labels';
import type { NeedRecord, ProviderRecord, SolutionRecord, ThemeRecord } from '@/lib/api/schemas';
import { absoluteUrl, needPath, providerPath, solutionPath } from '@/lib/seo/urls';

// The fields each record takes from its definition (lib/entries/), in the record's order.
const themeFields = recordFields(themeEntry);
const needFields = recordFields(needEntry);
const solutionFields = recordFields(solutionEntry);
const providerFields = recordFields(providerEntry);

export type Records = {
  themes: ThemeRecord[];
  needs: NeedRecord[];
  solutions: SolutionRecord[];
  providers: ProviderRecord[];
};

// Who offers it comes first, then who funds it, then partners, then mere mentions (as on the site).
const ROLE_ORDER = providerRoleOrder;
const byRole = (a: ProviderRole, b: ProviderRole) => ROLE_ORDER[a] - ROLE_ORDER[b];

function indexBySlug<T extends { slug: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.slug, item]));
}

function defined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

/** `items` grouped by `keyOf`, each group in the order of `items`. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

type ProviderRoles = { roles: ProviderRole[]; inferred_roles: ProviderRole[] };

/** A solution's roles per provider slug, each provider's roles once and in ROLE_ORDER, and those the team inferred. */
function rolesByProvider(solution: DatasetSolution): Map<string, ProviderRoles> {
  const roles = new Map<string, ProviderRoles>();
  for (const link of solution.providers) {
    const entry = roles.get(link.providerSlug) ?? { roles: [], inferred_roles: [] };
    entry.roles.push(link.role);
    if (link.isRoleInferred) entry.inferred_roles.push(link.role);
    roles.set(link.providerSlug, entry);
  }
  for (const [slug, entry] of roles) {
    roles.set(slug, { roles: [...new Set(entry.roles)].sort(byRole), inferred_roles: [...new Set(entry.inferred_roles)].sort(byRole) });
  }
  return roles;
}

/** Every record of the dataset; `siteUrl` makes the page URLs absolute. */
export function toRecords(dataset: Dataset, siteUrl: string): Records {
  const themes = indexBySlug(dataset.themes);
  const needs = indexBySlug(dataset.needs);
  const solutions = indexBySlug(dataset.solutions);
  const providers = indexBySlug(dataset.providers);

  // Every relation is grouped once, in the dataset's order: looking each one up by scanning
  // the other list cost 10,000 × 5,000 steps (tens of seconds) at benchmark scale.
  const needsOfTheme = groupBy(dataset.needs, (need) => need.themeSlug);
  const linksFrom = groupBy(dataset.needLinks, (link) => link.fromSlug);
  const linksTo = groupBy(dataset.needLinks, (link) => link.toSlug);
  const rolesOfSolution = new Map(dataset.solutions.map((solution) => [solution, rolesByProvider(solution)]));
  const solutionsOfProvider = new Map<string, ({ solution: DatasetSolution } & ProviderRoles)[]>();
  for (const [solution, roles] of rolesOfSolution) {
    for (const [slug, providerRoles] of roles) {
      // A copy: the two records do not share an array.
      const entry = { solution, roles: [...providerRoles.roles], inferred_roles: [...providerRoles.inferred_roles] };
      const offered = solutionsOfProvider.get(slug);
      if (offered) offered.push(entry);
      else solutionsOfProvider.set(slug, [entry]);
    }
  }

  const needRef = (need: DatasetNeed) => ({ slug: need.slug, title: need.title, kind: need.kind });
  const solutionRef = (solution: DatasetSolution) => ({ slug: solution.slug, title: solution.title, availability: solution.availability });

  const themeRecords: ThemeRecord[] = dataset.themes.map((theme) => ({
    slug: theme.slug,
    ...openValues(themeEntry, themeFields.content, theme),
    needs: (needsOfTheme.get(theme.slug) ?? []).map(needRef),
    updated_at: theme.updatedAt,
  }));

  const needRecords: NeedRecord[] = dataset.needs.map((need) => {
    const linked = need.solutionSlugs.map((slug) => solutions.get(slug)).filter(defined);
    const related = [
      ...(linksFrom.get(need.slug) ?? []).map((link) => ({ other: needs.get(link.toSlug), note: link.note, direction: 'to' as const })),
      ...(linksTo.get(need.slug) ?? []).map((link) => ({ other: needs.get(link.fromSlug), note: link.note, direction: 'from' as const })),
    ]
      .filter((link): link is typeof link & { other: DatasetNeed } => link.other !== undefined)
      .sort((a, b) => a.other.position - b.other.position)
      .map(({ other, note, direction }) => ({ ...needRef(other), note, direction }));
    const theme = need.themeSlug ? themes.get(need.themeSlug) : undefined;
    return {
      slug: need.slug,
      ...openValues(needEntry, needFields.content, need),
      theme: theme ? { slug: theme.slug, name: theme.name } : null,
      existing_solution_count: linked.filter((solution) => solution.availability === 'EXISTING').length,
      proposed_solution_count: linked.filter((solution) => solution.availability === 'PROPOSED').length,
      unconfirmed_solution_count: linked.filter((solution) => solution.availability === 'UNCONFIRMED').length,
      solutions: linked.map(solutionRef),
      related,
      ...openValues(needEntry, needFields.verification, need),
      updated_at: need.updatedAt,
      url: absoluteUrl(siteUrl, needPath(need.slug)),
    };
  });

  // Sub-points in the order they were written (as on the site).
  const childrenOf = groupBy(
    [...dataset.solutions].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    (solution) => solution.parentSlug || null,
  );

  const solutionRecords: SolutionRecord[] = dataset.solutions.map((solution) => {
    const providerEntries = [...rolesOfSolution.get(solution)!.entries()]
      .map(([slug, roles]) => ({ provider: providers.get(slug), ...roles }))
      .filter((entry): entry is { provider: NonNullable<typeof entry.provider> } & ProviderRoles => entry.provider !== undefined)
      // Stable sort: the dataset already lists providers A–Z.
      .sort((a, b) => byRole(a.roles[0]!, b.roles[0]!));
    const parent = solution.parentSlug ? solutions.get(solution.parentSlug) : undefined;
    return {
      slug: solution.slug,
      ...openValues(solutionEntry, solutionFields.content, solution),
      parent: parent ? solutionRef(parent) : null,
      children: (childrenOf.get(solution.slug) ?? []).map(solutionRef),
      needs: solution.needSlugs.map((slug) => needs.get(slug)).filter(defined).map(needRef),
      providers: providerEntries.map(({ provider, roles: providerRoles, inferred_roles }) => ({
        slug: provider.slug,
        name: provider.name,
        roles: providerRoles,
        inferred_roles,
      })),
      ...openValues(solutionEntry, solutionFields.verification, solution),
      updated_at: solution.updatedAt,
      url: absoluteUrl(siteUrl, solutionPath(solution.slug)),
    };
  });

  const providerRecords: ProviderRecord[] = dataset.providers.map((provider) => ({
    slug: provider.slug,
    ...openValues(providerEntry, providerFields.content, provider),
    solutions: (solutionsOfProvider.get(provider.slug) ?? []).map(({ solution, roles, inferred_roles }) => ({ ...solutionRef(solution), roles, inferred_roles })),
    ...openValues(providerEntry, providerFields.verification, provider),
    updated_at: provider.updatedAt,
    url: absoluteUrl(siteUrl, providerPath(provider.slug)),
  }));

  return { themes: themeRecords, needs: needRecords, solutions: solutionRecords, providers: providerRecords };
}
