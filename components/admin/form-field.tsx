import type { InputHTMLAttributes } from 'react';

type FormFieldProps = {
  id: string;
  label: string;
  /** Shown under the label, read with the field (aria-describedby). */
  hint?: string;
  errors?: string[];
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

/** A labelled input with its hint and its errors beside it, tied together for screen readers. */
export function FormField({ id, label, hint, errors, className, ...input }: FormFieldProps) {
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = errors?.length ? `${id}-erreur` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <input
        id={id}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full max-w-md rounded border border-slate-500 bg-white px-3 py-2 ${errorId ? 'border-red-700' : ''} ${className ?? ''}`}
        {...input}
      />
      {errorId && <FieldErrors id={errorId} errors={errors ?? []} />}
    </div>
  );
}

export function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  return (
    <p id={id} className="text-sm font-medium text-red-700">
      {errors.map((error) => (
        <span key={error} className="block">
          Erreur : {error}
        </span>
      ))}
    </p>
  );
}
