import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { SignInForm } from '@/components/admin/sign-in-form';
import { RATE_LIMITED_ERROR, safeAdminReturnPath } from '@/lib/auth';
import { getCurrentUser } from '@/lib/authz';
import { SIGN_IN_INVALID_MESSAGE, SIGN_IN_RATE_LIMITED_MESSAGE } from '@/lib/validation/user';

export const metadata: Metadata = { title: 'Connexion à l’administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/** Notices this page shows after a redirect (its own, the proxy's, next-auth's). */
function noticeFor(params: Record<string, string | string[] | undefined>): { kind: 'info' | 'error'; text: string } | null {
  const error = first(params.error);
  if (error === RATE_LIMITED_ERROR) return { kind: 'error', text: SIGN_IN_RATE_LIMITED_MESSAGE };
  if (error) return { kind: 'error', text: SIGN_IN_INVALID_MESSAGE };
  switch (first(params.etat)) {
    case 'deconnexion':
      return { kind: 'info', text: 'Votre session est fermée. À bientôt!' };
    case 'mot-de-passe':
      return { kind: 'info', text: 'Votre mot de passe est enregistré. Connectez-vous avec votre adresse courriel et ce mot de passe.' };
  }
  if (first(params.raison) === 'session') {
    return { kind: 'info', text: 'Votre session a pris fin (inactivité, déconnexion ou changement de votre accès). Connectez-vous de nouveau.' };
  }
  return null;
}

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const returnPath = safeAdminReturnPath(first(params.retour));
  // Already signed in (and still allowed): nothing to do here.
  if (await getCurrentUser()) redirect(returnPath ?? '/admin');
  const notice = noticeFor(params);

  return (
    <div className="mx-auto max-w-lg space-y-6">
      <h1 className="text-3xl font-bold text-brand-900">Connexion à l’administration</h1>
      <p>Espace réservé aux membres de la Table qui tiennent le répertoire à jour.</p>
      {notice && (
        <div
          role={notice.kind === 'error' ? 'alert' : 'status'}
          className={`rounded border-l-4 p-3 ${notice.kind === 'error' ? 'border-red-700 bg-red-50 text-red-900' : 'border-brand-700 bg-brand-50'}`}
        >
          <p>{notice.text}</p>
        </div>
      )}
      <SignInForm returnPath={returnPath} />
      <p className="text-sm text-slate-700">
        Mot de passe oublié ? Demandez à une personne qui administre le répertoire de réinitialiser votre accès : vous recevrez un
        nouveau lien.
      </p>
    </div>
  );
}
