import { Abbreviated } from '@/components/ui/abbreviated';
import Link from 'next/link';
import { BasketButton } from '@/components/basket/basket-button';
import { AvailabilityBadge } from '@/components/inventory/availability-badge';
import { CostBadge, HelpKindBadges } from '@/components/inventory/inferred-values';
import { VerificationInfo } from '@/components/ui/verification-info';
import { rolesSentence } from '@/lib/labels';
import { providerPath, solutionPath } from '@/lib/seo/urls';
import type { SolutionDto } from '@/lib/data/types';
import { InventoryQuote } from '@/components/inventory/inventory-quote';
import { plainSummary } from '@/lib/copy/plain-summary';

/** One solution with its providers, its title linking to its page; nested precisions are listed under it. */
export function SolutionItem({ solution, headingLevel = 3 }: { solution: SolutionDto; headingLevel?: 3 | 4 | 5 }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className="rounded-md border border-slate-200 p-4" id={`solution-${solution.slug}`}>
      <div className="flex flex-wrap items-center gap-2">
        <AvailabilityBadge availability={solution.availability} />
        <HelpKindBadges kinds={solution.kinds} inferredFields={solution.inferredFields} />
        <CostBadge cost={solution.cost} inferredFields={solution.inferredFields} />
      </div>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-2">
        <Heading className="font-semibold">
          <Link href={solutionPath(solution.slug)}><Abbreviated text={solution.title} /></Link>
        </Heading>
        <BasketButton kind="solution" slug={solution.slug} name={solution.title} anchor={`solution-${solution.slug}`} />
      </div>
      <InventoryQuote text={solution.description} summary={plainSummary(solution)} className="mt-1 text-slate-800" />
      {solution.providers.length > 0 && (
        <p className="mt-2 text-sm">
          <span className="font-medium">Fournisseurs : </span>
          {solution.providers.map((provider, index) => (
            <span key={`${provider.slug}-${provider.role}`}>
              {index > 0 && ', '}
              <Link href={providerPath(provider.slug)}><Abbreviated text={provider.name} /></Link>
              {(provider.role !== 'OFFERS' || provider.isRoleInferred) && (
                <span className="text-slate-700"> ({rolesSentence([provider.role], provider.isRoleInferred ? [provider.role] : [])})</span>
              )}
            </span>
          ))}
        </p>
      )}
      <div className="mt-2">
        <VerificationInfo verification={solution} compact />
      </div>
      {solution.children.length > 0 && (
        <ul className="mt-3 space-y-3 border-l-2 border-slate-200 pl-4" aria-label={`Précisions : $<Abbreviated text={solution.title} />`}>
          {solution.children.map((child) => (
            <SolutionItem key={child.slug} solution={child} headingLevel={headingLevel === 5 ? 5 : ((headingLevel + 1) as 4 | 5)} />
          ))}
        </ul>
      )}
    </li>
  );
}
