'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * Confirmation after a change to the basket (« … a été retiré de votre panier »). It takes
 * the focus when it appears, so that keyboard and screen reader users are not left on a
 * button that just disappeared; without JavaScript the redirect's #etat brings them here.
 * Give it a `key` that changes with the message, so that a second change focuses it again.
 */
export function BasketNotice({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div
      id="etat"
      ref={ref}
      role="status"
      tabIndex={-1}
      className="no-print space-y-1 rounded border-l-4 border-brand-700 bg-brand-50 px-4 py-3 text-brand-900"
    >
      {children}
    </div>
  );
}
