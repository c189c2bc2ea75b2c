'use client';

import { useHasJavaScript } from '@/components/basket/use-has-javascript';

/** Optional: opens the browser's print dialog (the page has a print stylesheet). */
export function PrintButton() {
  const hasJavaScript = useHasJavaScript();
  if (!hasJavaScript) return null;
  return (
    <button
      type="button"
      onClick={() => window.print()}
      className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50"
    >
      Imprimer
    </button>
  );
}
