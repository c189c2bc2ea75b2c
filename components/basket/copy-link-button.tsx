'use client';

import { useState } from 'react';
import { useHasJavaScript } from '@/components/basket/use-has-javascript';

/** Optional: copies the share link shown in the read-only field `inputId`. */
export function CopyLinkButton({ inputId }: { inputId: string }) {
  const hasJavaScript = useHasJavaScript();
  const [message, setMessage] = useState('');
  if (!hasJavaScript) return null;

  async function copy() {
    const input = document.getElementById(inputId);
    if (!(input instanceof HTMLInputElement)) return;
    input.select();
    try {
      await navigator.clipboard.writeText(input.value);
      setMessage('Lien copié.');
    } catch {
      // The clipboard API needs https; the text stays selected for Ctrl+C.
      setMessage('Le lien est sélectionné : copiez-le avec Ctrl+C (ou ⌘+C).');
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={copy}
        className="rounded border border-brand-700 bg-white px-3 py-1.5 text-sm font-semibold text-brand-800 hover:bg-brand-50"
      >
        Copier le lien
      </button>
      <span role="status" className="text-sm text-slate-700">
        {message}
      </span>
    </span>
  );
}
