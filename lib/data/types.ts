// Plain objects handed from the data layer to pages (they cross the cache boundary,
// so dates travel as ISO strings).
import type { providerEntry } from '@/lib/entries/provider';
import type { PublicValues } from '@/lib/entries/types';
import type {
  Audience,
  Availability,
  CostOption,
  HelpKind,
  InferredField,
  NeedKind,
  ProviderKind,
  ProviderRole,
  Region,
  ServiceFormat,
} from '@/lib/generated/prisma/enums';

export type VerificationDto = {
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
};

export type ProviderRefDto = {
  slug: string;
  name: string;
  role: ProviderRole;
  /** The team inferred this role (the source names the provider without saying it). */
  isRoleInferred: boolean;
  // What need-page filters look at.
  regions: Region[];
  audiences: Audience[];
  cost: CostOption;
  formats: ServiceFormat[];
  languages: string[];
};

export type SolutionDto = VerificationDto & {
  slug: string;
  title: string;
  description: string;
  availability: Availability;
  kinds: HelpKind[];
  cost: CostOption;
  /** Which of kinds and cost the team inferred. */
  inferredFields: InferredField[];
  providers: ProviderRefDto[];
  children: SolutionDto[];
};

export type RelatedNeedDto = {
  slug: string;
  title: string;
  kind: NeedKind;
  note: string;
  /** 'to': this need says it is linked to the other; 'from': the other one says so. */
  direction: 'to' | 'from';
};

export type ThemeRefDto = { slug: string; name: string };

export type NeedDto = VerificationDto & {
  slug: string;
  kind: NeedKind;
  title: string;
  description: string;
  note: string;
  position: number;
  theme: ThemeRefDto | null;
  updatedAt: string;
  solutions: SolutionDto[];
  related: RelatedNeedDto[];
};

export type NeedSummaryDto = {
  slug: string;
  kind: NeedKind;
  title: string;
  position: number;
  theme: ThemeRefDto | null;
  existingCount: number;
  unconfirmedCount: number;
  proposedCount: number;
};

export type ProviderSummaryDto = {
  slug: string;
  name: string;
  alternateName: string;
  kind: ProviderKind;
  description: string;
  toVerify: boolean;
  solutionCount: number;
  // What the list's filters look at.
  regions: Region[];
  audiences: Audience[];
  cost: CostOption;
  formats: ServiceFormat[];
  languages: string[];
  helpKinds: HelpKind[];
  availabilities: Availability[];
};

export type ProviderSolutionDto = {
  slug: string;
  title: string;
  description: string;
  availability: Availability;
  kinds: HelpKind[];
  inferredFields: InferredField[];
  roles: ProviderRole[];
  /** The roles among `roles` that the team inferred. */
  inferredRoles: ProviderRole[];
  needs: { slug: string; title: string; kind: NeedKind }[];
};

/** A provider's page: every public value of its definition (lib/entries/provider.ts), and its solutions. */
export type ProviderDto = PublicValues<typeof providerEntry> & {
  slug: string;
  updatedAt: string;
  solutions: ProviderSolutionDto[];
};

export type InventoryStatsDto = {
  needCount: number;
  issueCount: number;
  existingSolutionCount: number;
  unconfirmedSolutionCount: number;
  proposedSolutionCount: number;
  providerCount: number;
  toVerifyCount: number;
};

/** A provider as shown on a solution page: its roles there and its public values (contact details). */
export type SolutionProviderDto = PublicValues<typeof providerEntry> & {
  slug: string;
  /** Every role this provider holds on the solution (it can offer and fund). */
  roles: ProviderRole[];
  /** The roles among `roles` that the team inferred. */
  inferredRoles: ProviderRole[];
};

export type NeedRefDto = { slug: string; title: string; kind: NeedKind };

export type SolutionRefDto = { slug: string; title: string; availability: Availability };

export type SolutionPointDto = SolutionRefDto & { description: string; kinds: HelpKind[]; inferredFields: InferredField[] };

/** One solution with everything its own page shows (/solutions/[slug]). */
export type SolutionDetailDto = VerificationDto & {
  slug: string;
  title: string;
  description: string;
  availability: Availability;
  kinds: HelpKind[];
  cost: CostOption;
  inferredFields: InferredField[];
  updatedAt: string;
  providers: SolutionProviderDto[];
  /** The needs it answers, in the inventory's order. */
  needs: NeedRefDto[];
  /** True when `needs` are those of the parent solution (a sub-point linked to no need of its own). */
  needsFromParent: boolean;
  /** The solution this one details (the source's nested bullets), when published. */
  parent: SolutionRefDto | null;
  /** Its own sub-points. */
  children: SolutionPointDto[];
};

/** A line of the /solutions index. */
export type SolutionSummaryDto = {
  slug: string;
  title: string;
  availability: Availability;
  kinds: HelpKind[];
  cost: CostOption;
  inferredFields: InferredField[];
  parent: SolutionRefDto | null;
  providers: { slug: string; name: string }[];
};

/** Published URLs and their last change, for sitemap.xml. */
export type SitemapEntryDto = { slug: string; updatedAt: string };

export type SitemapDto = {
  needs: SitemapEntryDto[];
  providers: SitemapEntryDto[];
  solutions: SitemapEntryDto[];
};
