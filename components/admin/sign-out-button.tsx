import { signOut } from '@/lib/actions/auth';

/** A plain form: signs out without JavaScript too. */
export function SignOutButton() {
  return (
    <form action={signOut}>
      <button type="submit" className="rounded border border-brand-700 bg-white px-3 py-1 font-medium text-brand-900 hover:bg-brand-50">
        Se déconnecter
      </button>
    </form>
  );
}
