'use server';

// Sign-in and sign-out of the admin area. Public by nature (see the allow-list of
// tests/integration/authz-matrix.test.ts): signIn checks credentials itself, with the rate
// limit; signOut only ends the caller's own session and clears its cookie. Server actions
// come with Next's Origin check, which also protects the sign-in form from login CSRF.
//
// A server action rather than next-auth's POST endpoint: the form then works without
// JavaScript (useActionState falls back to a plain POST and the page renders the returned
// state), keeps the typed address on a refusal, and needs no CSRF cookie dance.
import { redirect } from 'next/navigation';
import { getRequestIp, safeAdminReturnPath, SIGN_IN_PATH, endSession, startSession } from '@/lib/auth';
import { getDb } from '@/lib/db';
import { getAuthEnv } from '@/lib/env';
import { acceptAccessLink } from '@/lib/security/accounts';
import { checkCredentials } from '@/lib/security/credentials';
import { loginAttemptKey, recordAccessProof } from '@/lib/security/rate-limit';
import { fieldErrors, typedValues, type FormState } from '@/lib/validation/form-state';
import {
  INVALID_LINK_MESSAGE,
  SIGN_IN_INVALID_MESSAGE,
  SIGN_IN_RATE_LIMITED_MESSAGE,
  accessLinkFormSchema,
  signInSchema,
  type AccessLinkField,
  type SignInField,
} from '@/lib/validation/user';

export async function signIn(_previous: FormState<SignInField>, formData: FormData): Promise<FormState<SignInField>> {
  const values = typedValues(formData, ['email'] as const);
  const parsed = signInSchema.safeParse({
    email: formData.get('email'),
    password: formData.get('password'),
    retour: formData.get('retour') ?? undefined,
  });
  if (!parsed.success) return { status: 'error', errors: fieldErrors<SignInField>(parsed.error), values };

  const credentials = { email: parsed.data.email, password: parsed.data.password, ip: await getRequestIp() };
  const result = await checkCredentials(getDb(), credentials, getAuthEnv().secret);
  if (result.status === 'rate-limited') return { status: 'error', message: SIGN_IN_RATE_LIMITED_MESSAGE, values };
  if (result.status !== 'ok') return { status: 'error', message: SIGN_IN_INVALID_MESSAGE, values };

  await startSession(result.user);
  redirect(safeAdminReturnPath(parsed.data.retour) ?? '/admin');
}

export async function signOut(): Promise<void> {
  await endSession();
  redirect(`${SIGN_IN_PATH}?etat=deconnexion`);
}

/**
 * The member's side of a one-time link (invitation or reset): choose a password. Public:
 * the link's token is the authorization, checked and used once in acceptAccessLink().
 */
export async function acceptAccessLinkAction(_previous: FormState<AccessLinkField>, formData: FormData): Promise<FormState<AccessLinkField>> {
  const values = typedValues(formData, ['name'] as const);
  const parsed = accessLinkFormSchema.safeParse({
    token: formData.get('token'),
    name: formData.get('name'),
    password: formData.get('password'),
    confirmation: formData.get('confirmation'),
  });
  if (!parsed.success) {
    const errors = fieldErrors<AccessLinkField | 'token'>(parsed.error);
    if (errors.token) return { status: 'error', message: INVALID_LINK_MESSAGE, values };
    return { status: 'error', message: 'Le mot de passe n’a pas été enregistré : corrigez les champs indiqués.', errors, values };
  }
  const ip = await getRequestIp();
  const result = await acceptAccessLink(getDb(), parsed.data, { ip });
  if (!result.ok) return { status: 'error', message: INVALID_LINK_MESSAGE, values };
  // The link proves access as a password would: the sign-in that follows, from here, is not
  // held back by failures others caused on this account (lib/security/rate-limit.ts).
  await recordAccessProof(getDb(), loginAttemptKey({ email: result.email, ip }, getAuthEnv().secret));
  redirect(`${SIGN_IN_PATH}?etat=mot-de-passe`);
}
