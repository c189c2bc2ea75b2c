'use client';

import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';

const VARIANTS = {
  primary: 'bg-brand-700 text-white hover:bg-brand-800',
  secondary: 'border border-brand-700 bg-white text-brand-900 hover:bg-brand-50',
  danger: 'bg-red-700 text-white hover:bg-red-800',
} as const;

/** A submit button that says it is working while its form is being sent (with JavaScript). */
export function SubmitButton({
  children,
  variant = 'primary',
  name,
  value,
}: {
  children: ReactNode;
  variant?: keyof typeof VARIANTS;
  /** For forms with several buttons: sent with the form, e.g. name="intent" value="verify". */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      aria-disabled={pending || undefined}
      onClick={(event) => {
        if (pending) event.preventDefault();
      }}
      className={`rounded px-4 py-2 font-medium ${VARIANTS[variant]} ${pending ? 'opacity-70' : ''}`}
    >
      {pending ? 'Envoi en cours…' : children}
    </button>
  );
}
