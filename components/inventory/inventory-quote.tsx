import { Abbreviated } from '@/components/ui/abbreviated';

/** An entry's description as the inventory words it: marked as its quotation, acronyms spelled out. */
export function InventoryQuote({ text, className = 'text-slate-800' }: { text: string; className?: string }) {
  return (
    <p className={className}>
      <span className="text-sm text-slate-700">Selon l’inventaire : </span>
      <q data-source="inventaire">
        <Abbreviated text={text} />
      </q>
    </p>
  );
}
