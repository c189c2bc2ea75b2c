import type { FormState } from '@/lib/validation/form-state';

/**
 * The message of a form state, above the form. role="alert" so that it is read out when it
 * appears after a submission with JavaScript; the words say success or error (not only
 * the colour).
 */
export function FormMessage({ state, id }: { state: Pick<FormState, 'status' | 'message'>; id?: string }) {
  if (!state.message || state.status === 'idle') return null;
  const isError = state.status === 'error';
  return (
    <div
      id={id}
      role="alert"
      className={`rounded border-l-4 p-3 ${isError ? 'border-red-700 bg-red-50 text-red-900' : 'border-green-700 bg-green-50 text-green-900'}`}
    >
      <p>
        <strong>{isError ? 'Erreur : ' : 'C’est fait : '}</strong>
        {state.message}
      </p>
    </div>
  );
}
