// Plain objects handed from the data layer to pages (they cross the cache boundary,
// so dates travel as ISO strings).
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

export type VerificationDto = {
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
};

export type ProviderRefDto = { slug: string; name: string; role: ProviderRole };

export type SolutionDto = VerificationDto & {
  slug: string;
  title: string;
  description: string;
  availability: Availability;
  kinds: HelpKind[];
  cost: CostOption;
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
};

export type ProviderSolutionDto = {
  slug: string;
  title: string;
  description: string;
  availability: Availability;
  kinds: HelpKind[];
  roles: ProviderRole[];
  needs: { slug: string; title: string; kind: NeedKind }[];
};

export type ProviderDto = VerificationDto & {
  slug: string;
  name: string;
  alternateName: string;
  kind: ProviderKind;
  description: string;
  website: string;
  email: string;
  phone: string;
  regions: Region[];
  audiences: Audience[];
  cost: CostOption;
  formats: ServiceFormat[];
  languages: string[];
  updatedAt: string;
  solutions: ProviderSolutionDto[];
};

export type InventoryStatsDto = {
  needCount: number;
  issueCount: number;
  existingSolutionCount: number;
  proposedSolutionCount: number;
  providerCount: number;
  toVerifyCount: number;
};
