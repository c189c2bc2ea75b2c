// The funders' portrait (/portrait) as plain numbers and lists, computed by
// lib/portrait/compute.ts from the published dataset.
import type { CostOption, NeedKind, Region } from '@/lib/generated/prisma/enums';

export type EntryType = 'need' | 'solution' | 'provider';

export type KeyFigures = {
  needs: number;
  issues: number;
  existingSolutions: number;
  /** The source says they may exist ("potentiellement…"): neither existing nor proposed. */
  unconfirmedSolutions: number;
  proposedSolutions: number;
  providers: number;
  /** Needs, solutions and providers together. */
  entries: number;
  /** Entries verified by a person in the last 12 months. */
  verifiedRecently: number;
  /** verifiedRecently / entries, 0 when there is no entry. */
  verifiedShare: number;
  toVerify: number;
  neverVerified: number;
  /** Verified more than 12 months ago (or with an unusable date). */
  stale: number;
};

export type CoverageRow = {
  slug: string;
  title: string;
  kind: NeedKind;
  theme: string | null;
  existing: number;
  unconfirmed: number;
  proposed: number;
  /** Distinct providers named by its solutions, whatever their role. */
  providers: number;
  /** Regions served by the providers of its existing solutions. */
  regions: Region[];
  /** Costs of its existing solutions (UNKNOWN left out). */
  costs: CostOption[];
};

export type EntryRef = { type: EntryType; slug: string; title: string };

export type SolutionGap = { slug: string; title: string; needs: { slug: string; title: string }[] };

export type VerificationRow = {
  type: EntryType;
  total: number;
  current: number;
  stale: number;
  never: number;
  toVerify: number;
};

export type Gaps = {
  needsWithoutExisting: { slug: string; title: string; kind: NeedKind; unconfirmed: number; proposed: number }[];
  proposedOnly: SolutionGap[];
  /** Solutions whose existence is to confirm: not counted as existing. */
  unconfirmed: SolutionGap[];
  toVerify: (EntryRef & { note: string })[];
  /** Entries last verified more than 12 months ago (never-verified ones are counted, not listed). */
  stale: (EntryRef & { verifiedAt: string | null })[];
  verification: VerificationRow[];
};

export type BreakdownRow = { key: string; label: string; values: number[] };

export type Breakdown = {
  id: string;
  title: string;
  /** What is counted, e.g. "solutions". */
  unit: string;
  /** One name per value of each row (one series, or existing, proposed and to confirm). */
  series: string[];
  rows: BreakdownRow[];
  note?: string;
};

export type Portrait = {
  /** When the figures were computed (the verification share depends on it). */
  computedAt: string;
  lastModified: string | null;
  figures: KeyFigures;
  coverage: CoverageRow[];
  gaps: Gaps;
  breakdowns: { helpKinds: Breakdown; costs: Breakdown; regions: Breakdown; audiences: Breakdown };
};
