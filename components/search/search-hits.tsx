import { Abbreviated } from '@/components/ui/abbreviated';
import Link from 'next/link';
import { BasketButton } from '@/components/basket/basket-button';
import { AvailabilityBadge } from '@/components/inventory/availability-badge';
import { HighlightedText } from '@/components/search/highlighted-text';
import { Badge } from '@/components/ui/badge';
import { needKindLabels, providerKindLabels, rolesSentence } from '@/lib/labels';
import { stripHighlights } from '@/lib/search/highlight';
import type { MatchReason, NeedHit, ProviderHit, SearchType, SolutionHit } from '@/lib/search/types';
import { reasonSentence } from '@/lib/search/wording';

// One result of each type: the title links to the entry, the excerpt shows the matched words.

// A need's or a solution's excerpt is the inventory's wording: quoted as such (docs/vocabulaire.md).
function Excerpt({ text, isSource = false }: { text: string; isSource?: boolean }) {
  if (!text.trim()) return null;
  return (
    <p className="mt-1 text-slate-800">
      {isSource ? (
        <>
          <span className="text-sm text-slate-700">Selon l’inventaire : </span>
          <q data-source="inventaire">
            <HighlightedText text={text} />
          </q>
        </>
      ) : (
        <HighlightedText text={text} />
      )}
    </p>
  );
}

// Why the result is there when its title and excerpt do not show it (a synonym, a neighbour).
function Reasons({ type, reasons }: { type: SearchType; reasons: readonly MatchReason[] }) {
  const sentence = reasonSentence(type, reasons);
  if (!sentence) return null;
  return (
    <p className="mt-1 text-sm text-slate-700" data-testid="raison-resultat">
      {sentence}
    </p>
  );
}

export function NeedHitItem({ hit }: { hit: NeedHit }) {
  return (
    <li className="rounded-md border border-slate-200 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={hit.kind === 'NEED' ? 'brand' : 'neutral'}>{needKindLabels[hit.kind]}</Badge>
        {hit.theme && <span className="text-sm text-slate-700">Thème : {hit.theme}</span>}
      </div>
      <h3 className="mt-2 text-lg font-semibold">
        <Link href={`/besoins/${hit.slug}`}>
          <HighlightedText text={hit.title} />
        </Link>
      </h3>
      <Excerpt text={hit.excerpt} isSource />
      <Reasons type="needs" reasons={hit.reasons} />
    </li>
  );
}

export function SolutionHitItem({ hit }: { hit: SolutionHit }) {
  return (
    <li className="rounded-md border border-slate-200 p-4" id={`solution-${hit.slug}`}>
      <AvailabilityBadge availability={hit.availability} />
      <div className="mt-2 flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg font-semibold">
          <Link href={`/solutions/${hit.slug}`}>
            <HighlightedText text={hit.title} />
          </Link>
        </h3>
        <BasketButton kind="solution" slug={hit.slug} name={stripHighlights(hit.title)} anchor={`solution-${hit.slug}`} />
      </div>
      <Excerpt text={hit.excerpt} isSource />
      <Reasons type="solutions" reasons={hit.reasons} />
      {hit.providers.length > 0 && (
        <p className="mt-2 text-sm">
          <span className="font-medium">Fournisseurs : </span>
          {hit.providers.map((provider, index) => (
            <span key={`${provider.slug}-${provider.role}`}>
              {index > 0 && ', '}
              <Link href={`/fournisseurs/${provider.slug}`}><Abbreviated text={provider.name} /></Link>
              <span className="text-slate-700"> ({rolesSentence([provider.role], provider.isRoleInferred ? [provider.role] : [])})</span>
            </span>
          ))}
        </p>
      )}
      {hit.needs.length > 0 && (
        <p className="mt-1 text-sm">
          <span className="font-medium">Répond à : </span>
          {hit.needs.map((need, index) => (
            <span key={need.slug}>
              {index > 0 && ', '}
              <Link href={`/besoins/${need.slug}`}><Abbreviated text={need.title} /></Link>
            </span>
          ))}
        </p>
      )}
    </li>
  );
}

export function ProviderHitItem({ hit }: { hit: ProviderHit }) {
  const others = hit.solutionCount - hit.solutions.length;
  return (
    <li className="rounded-md border border-slate-200 p-4" id={`fournisseur-${hit.slug}`}>
      <Badge>{providerKindLabels[hit.kind]}</Badge>
      <div className="mt-2 flex flex-wrap items-start justify-between gap-2">
        <h3 className="text-lg font-semibold">
          <Link href={`/fournisseurs/${hit.slug}`}>
            <HighlightedText text={hit.name} />
          </Link>
        </h3>
        <BasketButton kind="provider" slug={hit.slug} name={stripHighlights(hit.name)} anchor={`fournisseur-${hit.slug}`} />
      </div>
      {hit.alternateName && (
        <p className="text-sm text-slate-700">
          Aussi écrit : <HighlightedText text={hit.alternateName} />
        </p>
      )}
      <Excerpt text={hit.excerpt} />
      <Reasons type="providers" reasons={hit.reasons} />
      {hit.solutions.length > 0 && (
        <p className="mt-2 text-sm">
          <span className="font-medium">Solutions : </span>
          {hit.solutions.map((solution, index) => (
            <span key={solution.slug}>
              {index > 0 && ', '}
              <Link href={`/solutions/${solution.slug}`}><Abbreviated text={solution.title} /></Link>
            </span>
          ))}
          {others > 0 && <span className="text-slate-700"> et {others} autre{others > 1 ? 's' : ''}</span>}
        </p>
      )}
    </li>
  );
}
