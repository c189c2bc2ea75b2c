import type { TextareaHTMLAttributes } from 'react';
import { FieldErrors } from '@/components/admin/form-field';

type TextAreaFieldProps = {
  id: string;
  label: string;
  /** Shown under the label, read with the field (aria-describedby). */
  hint?: string;
  errors?: string[];
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

/** A labelled multi-line field with its hint and errors, like FormField. */
export function TextAreaField({ id, label, hint, errors, className, ...textarea }: TextAreaFieldProps) {
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
      <textarea
        id={id}
        rows={6}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={describedBy}
        className={`block w-full max-w-2xl rounded border border-slate-500 bg-white px-3 py-2 ${errorId ? 'border-red-700' : ''} ${className ?? ''}`}
        {...textarea}
      />
      {errorId && <FieldErrors id={errorId} errors={errors ?? []} />}
    </div>
  );
}
