// Kinds of help and cost as badges, each followed by « (déduit par l'équipe) » when the team
// inferred it: the source states neither (issue 12, item 18).
import { Badge } from '@/components/ui/badge';
import type { SolutionDto } from '@/lib/data/types';
import type { CostOption, HelpKind, InferredField } from '@/lib/generated/prisma/enums';
import { BRACKETS_EXPLANATION, costLabels, helpKindLabels, INFERRED_EXPLANATION, INFERRED_MARK, INFERRED_MARK_PLURAL } from '@/lib/labels';

export function InferredMark({ plural = false }: { plural?: boolean }) {
  return <span className="text-xs text-slate-700">({plural ? INFERRED_MARK_PLURAL : INFERRED_MARK})</span>;
}

export function HelpKindBadges({ kinds, inferredFields }: { kinds: HelpKind[]; inferredFields: InferredField[] }) {
  if (kinds.length === 0) return null;
  return (
    <>
      {kinds.map((kind) => (
        <Badge key={kind}>{helpKindLabels[kind]}</Badge>
      ))}
      {inferredFields.includes('KINDS') && <InferredMark plural={kinds.length > 1} />}
    </>
  );
}

/** Nothing for an unknown cost. */
export function CostBadge({ cost, inferredFields }: { cost: CostOption; inferredFields: InferredField[] }) {
  if (cost === 'UNKNOWN') return null;
  return (
    <>
      <Badge tone="brand">{costLabels[cost]}</Badge>
      {inferredFields.includes('COST') && <InferredMark />}
    </>
  );
}

const BRACKETS = /\[[^\]]+\]/;

/** Whether solutions (and their sub-points) or texts shown with them carry either mark. */
export function marksOf(solutions: SolutionDto[], texts: string[] = []): { hasInferred: boolean; hasBrackets: boolean } {
  const all = solutions.flatMap((solution) => [solution, ...solution.children]);
  return {
    hasInferred: all.some((solution) => solution.inferredFields.length > 0 || solution.providers.some((provider) => provider.isRoleInferred)),
    hasBrackets: [...texts, ...all.map((solution) => solution.description)].some((text) => BRACKETS.test(text)),
  };
}

/** What the marks of the page mean; nothing when the page shows none. */
export function SourceMarksNote({ hasInferred, hasBrackets }: { hasInferred: boolean; hasBrackets: boolean }) {
  if (!hasInferred && !hasBrackets) return null;
  return (
    <div className="space-y-1 border-t border-slate-200 pt-3 text-sm text-slate-700">
      {hasInferred && <p>{INFERRED_EXPLANATION}</p>}
      {hasBrackets && <p>{BRACKETS_EXPLANATION}</p>}
    </div>
  );
}
