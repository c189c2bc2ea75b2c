import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import { FieldErrors, FormField } from '@/components/admin/form-field';

// Labelled fields of the entry forms, each with its hint and errors tied to it
// (aria-describedby), in the style of components/admin/form-field.tsx.

export { FormField };

function describedBy(id: string, hint?: string, errors?: string[]) {
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = errors?.length ? `${id}-erreur` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

type TextAreaProps = { id: string; label: string; hint?: string; errors?: string[] } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ id, label, hint, errors, className, ...textarea }: TextAreaProps) {
  const ids = describedBy(id, hint, errors);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={ids.hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <textarea
        id={id}
        aria-invalid={ids.errorId ? true : undefined}
        aria-describedby={ids.describedBy}
        className={`block w-full rounded border border-slate-500 bg-white px-3 py-2 ${ids.errorId ? 'border-red-700' : ''} ${className ?? ''}`}
        {...textarea}
      />
      {ids.errorId && <FieldErrors id={ids.errorId} errors={errors ?? []} />}
    </div>
  );
}

type SelectProps = {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  options: readonly { value: string; label: string }[];
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

export function SelectField({ id, label, hint, errors, options, className, ...select }: SelectProps) {
  const ids = describedBy(id, hint, errors);
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={ids.hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <select
        id={id}
        aria-invalid={ids.errorId ? true : undefined}
        aria-describedby={ids.describedBy}
        className={`block w-full max-w-md rounded border border-slate-500 bg-white px-3 py-2 ${ids.errorId ? 'border-red-700' : ''} ${className ?? ''}`}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {ids.errorId && <FieldErrors id={ids.errorId} errors={errors ?? []} />}
    </div>
  );
}

type CheckboxGroupProps = {
  id: string;
  legend: string;
  name: string;
  hint?: string;
  errors?: string[];
  options: readonly { value: string; label: string }[];
  checked: readonly string[];
};

/** Several choices of one list (regions, publics…): a fieldset of checkboxes. */
export function CheckboxGroup({ id, legend, name, hint, errors, options, checked }: CheckboxGroupProps) {
  const ids = describedBy(id, hint, errors);
  return (
    <fieldset id={id} className="space-y-2" aria-describedby={ids.describedBy}>
      <legend className="font-medium">{legend}</legend>
      {hint && (
        <p id={ids.hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <div className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {options.map((option) => (
          <div key={option.value} className="flex items-start gap-2">
            <input
              type="checkbox"
              id={`${id}-${option.value}`}
              name={name}
              value={option.value}
              defaultChecked={checked.includes(option.value)}
              className="mt-1.5 h-4 w-4 shrink-0"
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </div>
        ))}
      </div>
      {ids.errorId && <FieldErrors id={ids.errorId} errors={errors ?? []} />}
    </fieldset>
  );
}

export function CheckboxField({ id, name, label, hint, defaultChecked }: { id: string; name: string; label: string; hint?: string; defaultChecked: boolean }) {
  const hintId = hint ? `${id}-aide` : undefined;
  return (
    <div className="flex items-start gap-2">
      <input type="checkbox" id={id} name={name} defaultChecked={defaultChecked} aria-describedby={hintId} className="mt-1.5 h-4 w-4 shrink-0" />
      <div>
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-sm text-slate-700">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}

export function FormSection({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-5 border-t border-slate-200 pt-6">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
