'use client';

import { useEffect, useRef } from 'react';

// A page served from the route cache (lib/cache/static-pages.ts) comes from another route than
// the same page rendered for someone with a basket. So the first « Ajouter au panier » pressed
// with JavaScript rebuilds the page instead of updating it, and the pressed button would lose
// the keyboard focus. The button notes itself when its form is sent; its rebuilt twin takes
// the focus back when it appears. Without JavaScript nothing of this runs (the redirect brings
// the person back to the item's anchor).

const PENDING_FOR_MS = 10_000;
let pending: { id: string; at: number } | null = null;

export function KeepFocus({ id }: { id: string }) {
  const marker = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    const form = marker.current?.closest('form');
    const button = form?.querySelector('button');
    if (!form || !button) return;
    if (pending?.id === id && Date.now() - pending.at < PENDING_FOR_MS && !form.contains(document.activeElement)) {
      pending = null;
      button.focus();
    }
    const remember = () => {
      if (document.activeElement === button) pending = { id, at: Date.now() };
    };
    form.addEventListener('submit', remember);
    return () => form.removeEventListener('submit', remember);
  }, [id]);

  return <span ref={marker} hidden />;
}
