import type { ReactNode } from 'react';

const tones = {
  neutral: 'bg-slate-100 text-slate-800 ring-slate-300',
  existing: 'bg-emerald-50 text-emerald-900 ring-emerald-300',
  proposed: 'bg-amber-50 text-amber-900 ring-amber-300',
  unconfirmed: 'bg-sky-50 text-sky-900 ring-sky-300',
  warning: 'bg-orange-50 text-orange-900 ring-orange-300',
  brand: 'bg-brand-50 text-brand-900 ring-brand-100',
} as const;

export type BadgeTone = keyof typeof tones;

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return (
    <span className={`inline-flex items-center rounded px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${tones[tone]}`}>
      {children}
    </span>
  );
}
