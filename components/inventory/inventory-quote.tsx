import { Abbreviated } from '@/components/ui/abbreviated';
import { SUMMARY_LABEL } from '@/lib/copy/plain-summary';

/**
 * An entry's description as the inventory words it: marked as its quotation, acronyms spelled
 * out; above it, when given, the team's plain summary, marked as such (lib/copy/plain-summary.ts).
 */
export function InventoryQuote({ text, summary, className = 'text-slate-800' }: { text: string; summary?: string | null; className?: string }) {
  const quote = (
    <p className={className}>
      <span className="text-sm text-slate-700">Selon l’inventaire : </span>
      <q data-source="inventaire">
        <Abbreviated text={text} />
      </q>
    </p>
  );
  if (!summary) return quote;
  return (
    <>
      <p className="mt-1 text-slate-900">
        <span className="font-medium">{SUMMARY_LABEL}</span> {summary}
      </p>
      {quote}
    </>
  );
}
