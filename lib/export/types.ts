// The published dataset as plain data: what the downloads (/donnees), the API (/api/v1) and
// the funders' portrait (/portrait) are all computed from. Loaded in one go (the inventory
// is small: tens of entries, not thousands) by lib/export/load-dataset.ts; dates travel as
// ISO strings because the value crosses the 'use cache' boundary.
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

type Verification = {
  verifiedAt: string | null;
  toVerify: boolean;
  verifyNote: string;
};

type Timestamps = { createdAt: string; updatedAt: string };

export type DatasetTheme = Timestamps & {
  id: string;
  slug: string;
  name: string;
  description: string;
  position: number;
};

export type DatasetNeed = Verification &
  Timestamps & {
    id: string;
    slug: string;
    kind: NeedKind;
    title: string;
    description: string;
    note: string;
    position: number;
    /** Null when it has none or when its theme is not published. */
    themeSlug: string | null;
    /** Its published solutions, in the need's own order. */
    solutionSlugs: string[];
  };

/** "Lié à…": `from` says it is linked to `to` (both published). */
export type DatasetNeedLink = { fromSlug: string; toSlug: string; note: string };

/** `isRoleInferred`: the team inferred the role (the source names the provider without saying it). */
export type DatasetSolutionProvider = { providerSlug: string; role: ProviderRole; isRoleInferred: boolean };

export type DatasetSolution = Verification &
  Timestamps & {
    id: string;
    slug: string;
    title: string;
    description: string;
    availability: Availability;
    kinds: HelpKind[];
    cost: CostOption;
    /** Which of kinds and cost the team inferred. */
    inferredFields: InferredField[];
    /** The solution it details, when that one is published. */
    parentSlug: string | null;
    /** Needs it is linked to itself (not through its parent), in the inventory's order. */
    needSlugs: string[];
    /** Published providers and their role; a provider may appear once per role. */
    providers: DatasetSolutionProvider[];
  };

export type DatasetProvider = Verification &
  Timestamps & {
    id: string;
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
  };

export type Dataset = {
  /** Themes and needs in display order; solutions and providers A–Z (accents ignored). */
  themes: DatasetTheme[];
  needs: DatasetNeed[];
  needLinks: DatasetNeedLink[];
  solutions: DatasetSolution[];
  providers: DatasetProvider[];
  /** Latest change to an entry that is or was public (drafts excluded); null when empty. */
  lastModified: string | null;
};
