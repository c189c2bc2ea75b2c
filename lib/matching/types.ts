import type { Audience, Availability, CostOption, HelpKind, InferredField, ProviderRole, Region, ServiceFormat } from '@/lib/generated/prisma/enums';

export type Budget = 'none' | 'small' | 'any';

/** The guided questionnaire's answers; every question is optional. */
export type MatchAnswers = {
  themes: string[];
  kinds: HelpKind[];
  budget?: Budget;
  region?: Region;
  format?: ServiceFormat;
  audience?: Audience;
};

export type MatchProvider = {
  slug: string;
  name: string;
  role: ProviderRole;
  isRoleInferred: boolean;
  regions: Region[];
  formats: ServiceFormat[];
  audiences: Audience[];
  languages: string[];
  cost: CostOption;
};

export type MatchCandidate = {
  slug: string;
  title: string;
  description: string;
  availability: Availability;
  kinds: HelpKind[];
  cost: CostOption;
  inferredFields: InferredField[];
  needs: { slug: string; title: string; themeSlug: string | null }[];
  providers: MatchProvider[];
};

export type RankedSolution = {
  solution: MatchCandidate;
  score: number;
  /** Why it was proposed, in plain French. */
  reasons: string[];
  /** What to check before counting on it. */
  caveats: string[];
};

export type RankedProvider = {
  slug: string;
  name: string;
  score: number;
  reasons: string[];
};
