'use client';

import { useEffect, useRef } from 'react';

/**
 * After a refused save: the message and every field in error, each a link to its field.
 * It takes the focus (with JavaScript) so that a keyboard or screen reader user lands on it.
 */
export function ErrorSummary({
  message,
  errors,
  fields,
  stateKey,
}: {
  message: string;
  errors: Partial<Record<string, string[]>>;
  /** Field name -> [element id, label]. */
  fields: Record<string, readonly [string, string]>;
  /** Changes at each submission, so that the focus moves again. */
  stateKey: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [stateKey]);
  const entries = Object.entries(errors).filter(([, list]) => list && list.length > 0);
  return (
    <div ref={ref} tabIndex={-1} role="alert" aria-labelledby="resume-erreurs-titre" className="space-y-2 rounded border-l-4 border-red-700 bg-red-50 p-4 text-red-900 focus:outline-2 focus:outline-offset-2 focus:outline-red-700">
      <h2 id="resume-erreurs-titre" className="font-bold">
        Erreur : {message}
      </h2>
      {entries.length > 0 && (
        <ul className="list-disc pl-6">
          {entries.map(([field, list]) => {
            const [target, label] = fields[field] ?? [field, field];
            return (
              <li key={field}>
                <a
                  href={`#${target}`}
                  className="text-red-900 underline"
                  onClick={(event) => {
                    // Following the link moves the focus into the field, not only the scroll.
                    const field = document.getElementById(target);
                    const focusable = field?.matches('input, select, textarea') ? field : field?.querySelector<HTMLElement>('input, select, textarea');
                    if (!focusable) return;
                    event.preventDefault();
                    focusable.focus();
                    focusable.scrollIntoView({ block: 'center' });
                  }}
                >
                  {label} : {list![0]}
                </a>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
