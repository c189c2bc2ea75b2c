// Runs once when the server starts: in production, a missing or placeholder
// NEXTAUTH_SECRET stops the server there (lib/security/startup-check.ts).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { assertAuthConfiguration } = await import('./lib/security/startup-check');
    assertAuthConfiguration();
  }
}
