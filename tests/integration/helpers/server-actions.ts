// Calling server actions from vitest: a FormData as a browser sends it, and the target of the
// redirect an action ends with (Next throws it as an error whose digest names the path).

export function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

/** The redirect target of a server action, or null when it returned normally. */
export async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT')) return digest.split(';')[2] ?? digest;
    throw error;
  }
}
